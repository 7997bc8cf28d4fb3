using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DystoniaBot.Web.Staff;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DystoniaBot.Web.Tests.Security;

/// <summary>Behind a TLS proxy: forwarded headers are believed from known proxies (loopback by default), never from anyone.</summary>
public sealed class ProxyTests
{
    [Fact]
    public async Task AKnownProxysForwardedScheme_ShouldMakeTheStreamUrlSecure()
    {
        using var factory = BotFactory.CreateLive([]);
        using var http = new HttpClient { BaseAddress = factory.StartLive() };
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var token = await http.PostAsync(new Uri("/api/directline/token", UriKind.Relative), null);
        var body = await token.Content.ReadFromJsonAsync<JsonElement>();
        using var start = new HttpRequestMessage(HttpMethod.Post, new Uri("/v3/directline/conversations", UriKind.Relative));
        start.Headers.Authorization = new("Bearer", body.GetProperty("token").GetString());
        var started = await (await http.SendAsync(start)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.StartsWith("wss://", started.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKnownProxysForwardedAddress_ShouldTellVisitorsApart_ForRateLimits()
    {
        using var factory = BotFactory.CreateLive(new() { ["DirectLine:ConversationsPerMinute"] = "2" });
        using var http = new HttpClient { BaseAddress = factory.StartLive() };

        async Task<HttpStatusCode> VisitFrom(string address)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/directline/token", UriKind.Relative));
            request.Headers.Add("X-Forwarded-For", address);
            return (await http.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await VisitFrom("198.51.100.1"));
        Assert.Equal(HttpStatusCode.OK, await VisitFrom("198.51.100.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await VisitFrom("198.51.100.1"));
        Assert.Equal(HttpStatusCode.OK, await VisitFrom("198.51.100.2"));
    }

    [Fact]
    public async Task AnUnknownSendersForwardedHeaders_ShouldBeIgnored()
    {
        using var factory = BotFactory.Create([]);

        var context = await factory.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = "/api/directline/token";
            c.Request.Headers["X-Forwarded-Proto"] = "https";
            c.Request.Headers["X-Forwarded-For"] = "198.51.100.9";
        });

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.False(context.Request.IsHttps);
        Assert.Equal(IPAddress.Parse("203.0.113.7"), context.Connection.RemoteIpAddress);
    }

    [Theory]
    [InlineData("Development", CookieSecurePolicy.SameAsRequest)]
    [InlineData("Production", CookieSecurePolicy.Always)]
    public void StaffCookie_ShouldBeSecure_OutsideDevelopment(string environment, CookieSecurePolicy expected)
    {
        using var factory = BotFactory.Create(new() { ["environment"] = environment });

        var cookie = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(StaffRoles.CookieScheme).Cookie;

        Assert.Equal(expected, cookie.SecurePolicy);
        Assert.Equal(SameSiteMode.Strict, cookie.SameSite);
    }
}
