using System.Net;
using System.Text.Json;
using DystoniaBot.Web.Tests.Staff;

namespace DystoniaBot.Web.Tests.Security;

/// <summary>What the staff side shows people who are not staff: not the API's description, not the server's folders.</summary>
public sealed class StaffDisclosureTests
{
    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api/staff/openapi/v1.json")]
    [InlineData("/staff/openapi/v1.json")]
    public async Task TheApiDocument_ShouldNotBeServed_ToAnonymousVisitors(string path)
    {
        using var factory = StaffClient.LiveHost();
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = factory.StartLive() };

        using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.NotFound or HttpStatusCode.Redirect, $"{path}: {(int)response.StatusCode}");
        Assert.DoesNotContain("/api/staff/questions", body, StringComparison.Ordinal);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/staff/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheApiDocument_ShouldBeServed_ToAStaffKey_AndToASignedInStaffMember()
    {
        using var factory = StaffClient.LiveHost();
        var host = factory.StartLive();
        using var key = StaffClient.LiveApi(host, StaffClient.StaffKey);
        using var wrongKey = StaffClient.LiveApi(host, "dbk_not-a-key");
        var nurse = await StaffClient.SignInLiveAsync(host, StaffClient.NurseName, StaffClient.NursePassword);

        var withKey = JsonDocument.Parse(await key.GetStringAsync(new Uri("/api/staff/openapi/v1.json", UriKind.Relative)));
        var inBrowser = JsonDocument.Parse(await nurse.GetPageAsync("/staff/openapi/v1.json"));
        using var refused = await wrongKey.GetAsync(new Uri("/api/staff/openapi/v1.json", UriKind.Relative));

        Assert.True(withKey.RootElement.GetProperty("paths").TryGetProperty("/api/staff/questions", out _));
        Assert.True(inBrowser.RootElement.GetProperty("paths").TryGetProperty("/api/staff/questions", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task TheLoginPage_ShouldNotShowAnonymousVisitorsWhereTheStaffFileIs()
    {
        using var factory = BotFactory.CreateLive(new() { ["Staff:File"] = StaffClient.NoStaffFile });
        var page = await StaffClient.Live(factory.StartLive()).GetPageAsync("/staff/login");

        Assert.Contains("No staff account yet", page, StringComparison.Ordinal);
        Assert.Contains("Ask the administrator", page, StringComparison.Ordinal);
        Assert.DoesNotContain(StaffClient.NoStaffFile, page, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetDirectoryName(StaffClient.NoStaffFile)!, page, StringComparison.Ordinal);
        Assert.DoesNotContain("staff.json", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Path.GetTempPath(), page, StringComparison.Ordinal);
    }
}
