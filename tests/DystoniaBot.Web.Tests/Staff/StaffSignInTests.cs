using System.Net;
using DystoniaBot.Web.Staff;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DystoniaBot.Web.Tests.Staff;

/// <summary>Signing in: passwords, lockout, antiforgery, where it goes afterwards, and configuration mistakes.</summary>
public sealed class StaffSignInTests
{
    [Fact]
    public async Task WrongPassword_ShouldFail_AndTheRightOneShouldWork()
    {
        // A wait of a millisecond after a failure: the next try comes later than that.
        using var factory = StaffClient.Host(new() { ["Staff:SignInDelay"] = "00:00:00.001" });
        var client = StaffClient.Anonymous(factory);

        using var wrong = await client.SignInResponseAsync(StaffClient.NurseName, "not-the-password");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("don't match an account", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var stillOut = await client.Http.GetAsync(new Uri("/staff", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, stillOut.StatusCode);

        using var right = await client.SignInResponseAsync(StaffClient.NurseName, StaffClient.NursePassword);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/staff", right.Headers.Location!.OriginalString);
        Assert.Contains("Signed in as nurse", await client.GetPageAsync("/staff"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAccount_ShouldFail_WithTheSameMessage()
    {
        using var factory = StaffClient.Host();

        using var response = await StaffClient.Anonymous(factory).SignInResponseAsync("nobody", StaffClient.NursePassword);

        Assert.Contains("don't match an account", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepeatedFailures_ShouldDelayTheNextTry_NotLockTheAccount()
    {
        // The host's clock stands still until the test moves it: a busy machine can't let the wait lapse unseen.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = StaffClient.Host(new() { ["Staff:SignInDelay"] = "00:00:00.200" }, services => services.AddSingleton<TimeProvider>(time));
        var client = StaffClient.Anonymous(factory);
        using (var _ = await client.SignInResponseAsync(StaffClient.NurseName, "guess"))
        {
        }

        using var paused = await client.SignInResponseAsync(StaffClient.NurseName, StaffClient.NursePassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, paused.StatusCode);
        Assert.Contains("Please try again in 1 second", WebUtility.HtmlDecode(await paused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        time.Advance(TimeSpan.FromMilliseconds(300));
        using var signedIn = await client.SignInResponseAsync(StaffClient.NurseName, StaffClient.NursePassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 0, 1)]
    [InlineData(2, 0, 2)]
    [InlineData(5, 0, 16)]
    [InlineData(9, 0, 256)]
    [InlineData(10, 0, 300)]
    [InlineData(int.MaxValue, 0, 300)]
    [InlineData(3, 3, 0)]
    [InlineData(4, 3, 1)]
    public void Delay_ShouldDoubleFromTheFirst_UpToTheCap(int failures, int free, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), SignInThrottle.Delay(failures, free, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5)));

    [Fact]
    public async Task LoginWithoutAntiforgeryToken_ShouldBeRefused()
    {
        using var factory = StaffClient.Host();
        var client = StaffClient.Anonymous(factory);
        await client.GetPageAsync("/staff/login");

        using var response = await client.PostFormWithoutTokenAsync("/staff/login", new() { ["Name"] = StaffClient.NurseName, ["Password"] = StaffClient.NursePassword });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/staff/feedback", "/staff/feedback")]
    [InlineData("https://evil.example/staff", "/staff")]
    [InlineData("//evil.example/staff", "/staff")]
    [InlineData("/api/directline/token", "/staff")]
    public async Task AfterSignIn_ShouldReturnOnlyIntoTheConsole(string returnUrl, string expected)
    {
        using var factory = StaffClient.Host();

        using var response = await StaffClient.Anonymous(factory).SignInResponseAsync(StaffClient.NurseName, StaffClient.NursePassword, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task LoginPage_ShouldSayHowToCreateAnAccount_WhenThereIsNone()
    {
        using var factory = BotFactory.Create(new() { ["Staff:File"] = StaffClient.NoStaffFile });

        var page = await StaffClient.Anonymous(factory).GetPageAsync("/staff/login");

        Assert.Contains("No staff account yet", page, StringComparison.Ordinal);
        Assert.Contains("dystoniabot staff add", page, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"password\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public void AccountWithoutPasswordHash_ShouldStopStartup_NamingTheSetting()
    {
        using var factory = BotFactory.Create(new() { ["Staff:Accounts:ada:Role"] = "admin" });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Staff:Accounts:ada:PasswordHash", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenIdConnectWithoutClientSecret_ShouldStopStartup_NamingTheSetting()
    {
        using var factory = BotFactory.Create(new() { ["Staff:OpenIdConnect:Authority"] = "https://login.microsoftonline.com/contoso/v2.0", ["Staff:OpenIdConnect:ClientId"] = "app" });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Staff:OpenIdConnect:ClientSecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenIdConnect_WhenConfigured_ShouldOfferMicrosoftSignIn_AndChallengeTheAuthority()
    {
        using var factory = BotFactory.Create(new()
        {
            ["Staff:File"] = StaffClient.NoStaffFile,
            ["Staff:OpenIdConnect:Authority"] = "https://login.microsoftonline.com/contoso/v2.0",
            ["Staff:OpenIdConnect:ClientId"] = "app",
            ["Staff:OpenIdConnect:ClientSecret"] = "secret",
        });
        var page = await StaffClient.Anonymous(factory).GetPageAsync("/staff/login");

        Assert.Contains("Sign in with Microsoft", page, StringComparison.Ordinal);
        Assert.Equal(StaffRoles.OpenIdConnectScheme, (await factory.Services.GetRequiredService<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider>()
            .GetSchemeAsync(StaffRoles.OpenIdConnectScheme))?.Name);
    }
}
