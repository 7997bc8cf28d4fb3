using System.Net;
using DystoniaBot.Web.Tests.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DystoniaBot.Web.Tests.Security;

/// <summary>A staff session ends when it signs out, and when its account changes, whatever a copy of its cookie says.</summary>
public sealed class StaffSessionTests
{
    [Fact]
    public async Task ACopyOfTheCookie_ShouldNotWork_AfterSigningOut()
    {
        using var factory = StaffClient.Host();
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        // Sign in by hand, keeping the cookies as an attacker who copied them would.
        var cookies = new Dictionary<string, string>();
        var login = await GetAsync(http, "/staff/login", cookies);
        await PostAsync(http, "/staff/login", cookies, new() { ["Name"] = StaffClient.NurseName, ["Password"] = StaffClient.NursePassword,
            ["__RequestVerificationToken"] = StaffClient.AntiforgeryTokens(login)[0] });
        var copy = new Dictionary<string, string>(cookies);
        var console = await GetAsync(http, "/staff", cookies);
        Assert.Contains("Sign out", console, StringComparison.OrdinalIgnoreCase);

        var tokens = StaffClient.AntiforgeryTokens(console);
        using var signedOut = await PostAsync(http, "/staff/logout", cookies, new() { ["__RequestVerificationToken"] = tokens[^1] });
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        using var replay = new HttpRequestMessage(HttpMethod.Get, new Uri("/staff", UriKind.Relative));
        replay.Headers.Add("Cookie", string.Join("; ", copy.Select(c => c.Key + "=" + c.Value)));
        using var refused = await http.SendAsync(replay);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/staff/login", refused.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("role")]
    [InlineData("password")]
    public async Task ASession_ShouldEnd_WhenItsAccountChanges(string change)
    {
        using var factory = StaffClient.Host();
        var admin = await StaffClient.SignInAsync(factory, StaffClient.AdminName, StaffClient.AdminPassword);
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

    private static async Task<string> GetAsync(HttpClient http, string path, Dictionary<string, string> cookies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        using var response = await SendAsync(http, request, cookies);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, Dictionary<string, string> cookies, Dictionary<string, string> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
        return await SendAsync(http, request, cookies);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, Dictionary<string, string> cookies)
    {
        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Key + "=" + c.Value)));
        }

        var response = await http.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [])
        {
            var pair = header.Split(';')[0].Split('=', 2);
            if (pair[1].Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                cookies.Remove(pair[0]);
            }
            else
            {
                cookies[pair[0]] = pair[1];
            }
        }

        return response;
    }
}
