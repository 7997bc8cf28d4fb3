using System.Net;
using System.Text.RegularExpressions;
using DystoniaBot.Web.Tests.Staff;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DystoniaBot.Web.Tests.Security;

/// <summary>
/// Failed staff sign-ins slow the one who fails, never lock a staff member out: attacks on the live host from
/// addresses told apart by the known (loopback) proxy's X-Forwarded-For.
/// </summary>
public sealed partial class SignInDelayTests
{
    private const string Attacker = "198.51.100.66";
    private const string Ward = "203.0.113.20";

    [Fact]
    public async Task AnAttackerFailingOnAName_ShouldBeSlowed_ButNotKeepItsOwnerOut_FromAnotherAddress()
    {
        using var factory = StaffClient.LiveHost(new()
        {
            ["Staff:SignInDelay"] = "00:00:00.050", ["Staff:MaxSignInDelay"] = "00:00:02", ["Staff:MaxSignInDelayPerName"] = "00:00:01",
        });
        var host = factory.StartLive();
        var attacker = StaffClient.Live(host, Attacker);

        // Eight wrong passwords for the nurse (the old lockout took five), each as soon as it is allowed.
        for (var failures = 0; failures < 8;)
        {
            using var response = await attacker.SignInResponseAsync(StaffClient.NurseName, "guess-" + failures);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await Task.Delay(RetryAfter(response));
                continue;
            }

            Assert.Contains("don't match an account", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            failures++;
        }

        // The attacker now waits, even with the right password or another name: neither is checked.
        using (var right = await attacker.SignInResponseAsync(StaffClient.NurseName, StaffClient.NursePassword))
        using (var otherName = await attacker.SignInResponseAsync("someone-else", "guess"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
            Assert.Equal(HttpStatusCode.TooManyRequests, otherName.StatusCode);
            var page = WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync());
            Assert.Matches("Please try again in [0-9]+ seconds?\\.", page);
            Assert.DoesNotContain(StaffClient.NurseName + " is locked", page, StringComparison.OrdinalIgnoreCase);
        }

        // The nurse at the ward signs in at once, or after the small cap on what others' failures can cost a name.
        var nurse = StaffClient.Live(host, Ward);
        var signedIn = false;
        for (var attempt = 0; attempt < 3 && !signedIn; attempt++)
        {
            using var response = await nurse.SignInResponseAsync(StaffClient.NurseName, StaffClient.NursePassword);
            signedIn = response.StatusCode == HttpStatusCode.Redirect;
            if (!signedIn)
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
                Assert.True(RetryAfter(response) <= TimeSpan.FromSeconds(1), $"the nurse was asked to wait {RetryAfter(response)}");
                await Task.Delay(RetryAfter(response));
            }
        }

        Assert.True(signedIn, "the nurse could not sign in from a clean address");
        Assert.Contains("Signed in as nurse", await nurse.GetPageAsync("/staff"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachFailure_ShouldDoubleTheWait_OnEveryInstanceSharingTheDatabase()
    {
        var settings = new Dictionary<string, string?> { ["Staff:SignInDelay"] = "00:00:01", ["Staff:MaxSignInDelay"] = "00:01:00" };

        // Both instances' clock stands still until the test moves it: on a busy machine the real one could run on
        // between a failure and the next try, and the wait asked for would be shorter than the one counted.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var first = StaffClient.LiveHost(settings, services: services => services.AddSingleton<TimeProvider>(time));
        using var second = StaffClient.LiveHost(settings, first.DatabasePath, services => services.AddSingleton<TimeProvider>(time));
        var one = StaffClient.Live(first.StartLive(), Attacker);
        var other = StaffClient.Live(second.StartLive(), Attacker);

        var waits = new List<TimeSpan>();
        foreach (var (failOn, askOn) in new[] { (one, other), (other, one), (one, other) })
        {
            using (var failed = await failOn.SignInResponseAsync(StaffClient.AdminName, "wrong"))
            {
                Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            }

            // Straight away on the other instance: it knows of the failure through the database.
            using var paused = await askOn.SignInResponseAsync(StaffClient.AdminName, StaffClient.AdminPassword);
            Assert.Equal(HttpStatusCode.TooManyRequests, paused.StatusCode);
            waits.Add(RetryAfter(paused));
            time.Advance(RetryAfter(paused) + TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], waits);

        // The wait over, the right password works; it doesn't need to be typed on the instance that counted.
        using var signedIn = await other.SignInResponseAsync(StaffClient.AdminName, StaffClient.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task TheWords_ShouldNotTellWhetherANameIsAnAccount()
    {
        using var factory = StaffClient.LiveHost();
        var host = factory.StartLive();

        using var known = await StaffClient.Live(host, "198.51.100.1").SignInResponseAsync(StaffClient.NurseName, "wrong");
        using var unknown = await StaffClient.Live(host, "198.51.100.2").SignInResponseAsync("nobody-by-this-name", "wrong");

        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(Problem(await known.Content.ReadAsStringAsync()), Problem(await unknown.Content.ReadAsStringAsync()));
        Assert.Contains("You can try again in 1 second.", Problem(await known.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta ?? throw new InvalidOperationException($"{(int)response.StatusCode} without Retry-After");

    private static string Problem(string page) => WebUtility.HtmlDecode(ProblemPattern().Match(page).Groups[1].Value);

    [GeneratedRegex("id=\"login-problem\">([^<]*)<")]
    private static partial Regex ProblemPattern();
}
