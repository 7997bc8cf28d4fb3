using System.Net;
using System.Net.Http.Json;

namespace DystoniaBot.Web.Tests.Staff;

/// <summary>One host with the test accounts, shared by a test class.</summary>
public sealed class StaffHostFixture : IDisposable
{
    public BotFactory Factory { get; } = StaffClient.Host();

    public void Dispose() => Factory.Dispose();
}

/// <summary>Who may reach what: every page and endpoint refuses the anonymous and the wrong role.</summary>
public sealed class StaffAccessTests : IClassFixture<StaffHostFixture>
{
    private readonly BotFactory _factory;

    public StaffAccessTests(StaffHostFixture fixture) => _factory = fixture.Factory;

    public static TheoryData<string> ConsolePages => ["/staff", "/staff/search?q=cure", "/staff/feedback", "/staff/questions/Q-ABCDEF", "/staff/admin/audit",
        "/staff/admin/curated", "/staff/admin/promote/Q-ABCDEF", "/staff/close?References=Q-ABCDEF", "/staff/questions/Q-ABCDEF?handler=Delivery"];

    public static TheoryData<string> AdminPages => ["/staff/admin/audit", "/staff/admin/curated", "/staff/admin/promote/Q-ABCDEF"];

    public static TheoryData<string, string> ApiEndpoints => new()
    {
        { "GET", "/api/staff/search?q=cure" },
        { "GET", "/api/staff/questions?status=open" },
        { "GET", "/api/staff/questions/Q-ABCDEF" },
        { "POST", "/api/staff/questions/Q-ABCDEF/answer" },
        { "POST", "/api/staff/questions/Q-ABCDEF/close" },
        { "POST", "/api/staff/questions/close" },
        { "GET", "/api/staff/feedback" },
        { "GET", "/api/staff/audit" },
    };

    [Theory]
    [MemberData(nameof(ConsolePages))]
    public async Task ConsolePage_ShouldRedirectToLogin_WhenAnonymous(string path)
    {
        using var response = await StaffClient.Anonymous(_factory).Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task AdminPage_ShouldBeForbidden_ForTheStaffRole(string path)
    {
        var nurse = await StaffClient.SignInAsync(_factory, StaffClient.NurseName, StaffClient.NursePassword);

        using var response = await nurse.Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var denied = await nurse.Http.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task AdminPages_ShouldOpen_ForTheAdminRole()
    {
        var admin = await StaffClient.SignInAsync(_factory, StaffClient.AdminName, StaffClient.AdminPassword);

        Assert.Contains("Audit log", await admin.GetPageAsync("/staff/admin/audit"), StringComparison.Ordinal);
        Assert.Contains("Submit as a curated answer…", await admin.GetPageAsync("/staff/admin/curated"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ApiEndpoints))]
    public async Task ApiEndpoint_ShouldAnswer401_WithoutAKeyOrWithAWrongOne(string method, string path)
    {
        foreach (var key in new[] { null, "dbk_not-a-key", StaffClient.StaffKey + "x" })
        {
            using var response = await StaffClient.Api(_factory, key).SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { answer = "x" }) : null });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }
    }

    [Fact]
    public async Task ApiAdminEndpoint_ShouldAnswer403_ForAStaffKey_And200_ForAnAdminKey()
    {
        using var staff = await StaffClient.Api(_factory, StaffClient.StaffKey).GetAsync(new Uri("/api/staff/audit", UriKind.Relative));
        using var admin = await StaffClient.Api(_factory, StaffClient.AdminKey).GetAsync(new Uri("/api/staff/audit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task ConsoleCookie_ShouldNotOpenTheApi_AndAnApiKeyShouldNotOpenTheConsole()
    {
        var nurse = await StaffClient.SignInAsync(_factory, StaffClient.NurseName, StaffClient.NursePassword);
        using var withCookie = await nurse.Http.GetAsync(new Uri("/api/staff/questions", UriKind.Relative));
        using var withKey = await StaffClient.Api(_factory, StaffClient.StaffKey).GetAsync(new Uri("/staff", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, withCookie.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withKey.StatusCode);
    }

    [Fact]
    public async Task SignedOut_ShouldLoseAccess()
    {
        var nurse = await StaffClient.SignInAsync(_factory, StaffClient.NurseName, StaffClient.NursePassword);
        var queue = await nurse.GetPageAsync("/staff");

        using var signOut = await nurse.PostFormAsync("/staff/logout", queue, []);
        using var after = await nurse.Http.GetAsync(new Uri("/staff", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }
}
