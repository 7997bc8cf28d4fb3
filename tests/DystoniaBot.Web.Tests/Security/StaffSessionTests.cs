using System.Net;
using DystoniaBot.Web.Tests.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DystoniaBot.Web.Tests.Security;

/// <summary>
/// A staff session ends when it signs out, and when its account changes, whatever a copy of its cookie says; on the
/// host's real port of 127.0.0.1.
/// </summary>
public sealed class StaffSessionTests
{
    [Fact]
    public async Task ACopyOfTheCookie_ShouldNotWork_AfterSigningOut()
    {
        await using var factory = StaffClient.LiveHost();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = factory.StartLive() };

        // Sign in by hand, keeping the cookies as an attacker who copied them would.
        var jar = new CookieJar();
        await jar.SignInAsync(http, StaffClient.NurseName, StaffClient.NursePassword);
        var copy = jar.Copy();
        var console = await jar.GetAsync(http, "/staff");
        Assert.Contains("Sign out", console, StringComparison.OrdinalIgnoreCase);

        var tokens = StaffClient.AntiforgeryTokens(console);
        using var signedOut = await jar.PostAsync(http, "/staff/logout", new() { ["__RequestVerificationToken"] = tokens[^1] });
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        using var replay = new HttpRequestMessage(HttpMethod.Get, new Uri("/staff", UriKind.Relative));
        using var refused = await copy.SendAsync(http, replay);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/staff/login", refused.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("role")]
    [InlineData("password")]
    public async Task ASession_ShouldEnd_WhenItsAccountChanges(string change)
    {
        await using var factory = StaffClient.LiveHost();
        var admin = await StaffClient.SignInLiveAsync(factory.StartLive(), StaffClient.AdminName, StaffClient.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync(new Uri("/staff/admin/audit", UriKind.Relative))).StatusCode);

        var configuration = (IConfigurationRoot)factory.Services.GetRequiredService<IConfiguration>();
        var key = $"Staff:Accounts:{StaffClient.AdminName}:";
        if (change == "role")
        {
            configuration[key + "Role"] = "staff";
        }
        else
        {
            configuration[key + "PasswordHash"] = new PasswordHasher<object>().HashPassword(new object(), "a new password 2");
        }

        configuration.Reload();

        var after = await admin.Http.GetAsync(new Uri("/staff/admin/audit", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/staff/login", after.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }
}
