using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DystoniaBot.Web.Staff;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
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

    [Theory]
    [InlineData("198.51.100.1", "198.51.100.1", "198.51.100.2")]
    // An IPv6 visitor is counted by its /64 (its own network hands out 2^64 addresses), whichever of them it uses.
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:3::1")]
    public async Task AKnownProxysForwardedAddress_ShouldTellVisitorsApart_ForRateLimits(string visitor, string sameVisitor, string someoneElse)
    {
        using var factory = BotFactory.CreateLive(new() { ["DirectLine:ConversationsPerMinute"] = "2" });
        using var http = new HttpClient { BaseAddress = factory.StartLive() };

        async Task<HttpStatusCode> VisitFrom(string address)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/directline/token", UriKind.Relative));
            request.Headers.Add("X-Forwarded-For", address);
            return (await http.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await VisitFrom(visitor));
        Assert.Equal(HttpStatusCode.OK, await VisitFrom(sameVisitor));
        Assert.Equal(HttpStatusCode.TooManyRequests, await VisitFrom(sameVisitor));
        Assert.Equal(HttpStatusCode.OK, await VisitFrom(someoneElse));
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

    [Fact]
    public async Task TheSignInReturnAddress_ShouldBeHttps_WhenAKnownProxySaysSo()
    {
        await using var provider = await Browser.FakeOpenIdProvider.StartAsync("Nurse Entra", StaffRoles.Staff);
        await using var factory = BotFactory.CreateLive(provider.Settings(), services: services =>
            services.Configure<OpenIdConnectOptions>(StaffRoles.OpenIdConnectScheme, oidc => oidc.BackchannelHttpHandler = provider.BackchannelHandler()));
        var address = factory.StartLive();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };

        async Task<string> ReturnAddress(string? forwardedProto)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "staff/login?handler=External");
            if (forwardedProto is not null)
            {
                request.Headers.Add("X-Forwarded-Proto", forwardedProto);
            }

            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith(provider.Authority + "/authorize?", response.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
            return Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(response.Headers.Location.Query)["redirect_uri"].ToString();
        }

        Assert.Equal($"https://{address.Authority}/staff/signin-oidc", await ReturnAddress("https"));
        Assert.Equal($"http://{address.Authority}/staff/signin-oidc", await ReturnAddress(null));
    }

    [Fact]
    public async Task AHostNameNotAllowed_ShouldBeRefused_WhenAllowedHostsIsSet()
    {
        await using var factory = BotFactory.CreateLive(new() { ["AllowedHosts"] = "bot.example.org" });
        using var http = new HttpClient { BaseAddress = factory.StartLive() };

        async Task<HttpStatusCode> VisitAs(string host)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "healthz");
            request.Headers.Host = host;
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await VisitAs("bot.example.org"));
        Assert.Equal(HttpStatusCode.BadRequest, await VisitAs("attacker.example"));
        Assert.Equal(HttpStatusCode.BadRequest, await VisitAs("127.0.0.1"));
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
