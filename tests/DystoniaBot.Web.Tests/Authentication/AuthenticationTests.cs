using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace DystoniaBot.Web.Tests.Authentication;

/// <summary>/api/messages with an app id: Bot Framework and Emulator tokens signed by our own keys, every rejection.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private const string ServiceUrl = "https://smba.example.net/emea/";
    private FakeIdentityProvider _identity = null!;
    private BotFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _identity = await FakeIdentityProvider.StartAsync("msteams", "webchat", "directline");
        _factory = BotFactory.Create(_identity.Configuration());
        _client = _factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _identity.DisposeAsync();
    }

    private static object Activity(string channelId = "msteams", string serviceUrl = ServiceUrl, string deliveryMode = "expectReplies") => new
    {
        type = "message",
        id = "m-1",
        channelId,
        serviceUrl,
        from = new { id = "29:user" },
        recipient = new { id = "28:bot" },
        conversation = new { id = "a:personal-" + Guid.NewGuid() },
        text = "is there a cure?",
        deliveryMode,
    };

    private async Task<HttpResponseMessage> Post(string? token, object? activity = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity ?? Activity()) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _client.SendAsync(request);
    }

    [Fact]
    public async Task ValidChannelToken_ShouldBeAnswered()
    {
        var response = await Post(_identity.ChannelToken(ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("no cure", body.GetProperty("activities")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenExpiredWithinTheSkew_ShouldBeAccepted()
    {
        var response = await Post(_identity.ChannelToken(ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-4)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task EmulatorTokens_ShouldBeAccepted(string version)
    {
        var response = await Post(_identity.EmulatorToken(version), Activity(channelId: "emulator", serviceUrl: "http://127.0.0.1:9/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task MissingToken_ShouldGet401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(null)).StatusCode);
    }

    [Fact]
    public async Task MalformedToken_ShouldGet401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post("not.a.jwt")).StatusCode);
    }

    [Fact]
    public async Task ExpiredToken_ShouldGet401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(_identity.ChannelToken(ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-10)))).StatusCode);
    }

    [Fact]
    public async Task TokenSignedByAnotherKey_ShouldGet401()
    {
        using var forger = RSA.Create(2048);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(_identity.ChannelToken(ServiceUrl, signWith: forger))).StatusCode);
    }

    [Fact]
    public async Task TokenForAnotherBot_ShouldGet401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(_identity.ChannelToken(ServiceUrl, audience: "another-app"))).StatusCode);
    }

    [Fact]
    public async Task TokenFromAnotherIssuer_ShouldGet401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(_identity.ChannelToken(ServiceUrl, issuer: "https://issuer.example"))).StatusCode);
    }

    [Fact]
    public async Task ServiceUrlClaimNotMatchingTheActivity_ShouldGet401()
    {
        var response = await Post(_identity.ChannelToken("https://elsewhere.example/"), Activity(serviceUrl: ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ChannelNotEndorsedByTheSigningKey_ShouldGet403()
    {
        var response = await Post(_identity.ChannelToken(ServiceUrl), Activity(channelId: "slack"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task EmulatorTokenForAnotherApp_ShouldGet401()
    {
        var response = await Post(_identity.EmulatorToken("1.0", appId: "someone-else"), Activity(channelId: "emulator"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Replies_ShouldCarryTheBotsCachedToken_ToTheValidatedServiceUrl()
    {
        await using var channel = await FakeChannel.StartAsync();

        var first = await Post(_identity.ChannelToken(channel.ServiceUrl), Activity(serviceUrl: channel.ServiceUrl, deliveryMode: "normal"));
        var second = await Post(_identity.ChannelToken(channel.ServiceUrl), Activity(serviceUrl: channel.ServiceUrl, deliveryMode: "normal"));
        await channel.WaitForAsync(4);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(4, channel.Received.Count);
        Assert.All(channel.Authorizations, header => Assert.Equal("Bearer bot-access-token", header));
        Assert.Equal(1, _identity.TokenRequests);
    }
}
