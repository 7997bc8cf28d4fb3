using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace DystoniaBot.Web.Tests.Authentication;

/// <summary>
/// /api/messages with an app id, on the host's real port of 127.0.0.1: Bot Framework and Emulator tokens signed by our
/// own keys, every rejection.
/// </summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private const string ServiceUrl = "https://smba.example.net/emea/";
    private FakeIdentityProvider _identity = null!;
    private BotFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _identity = await FakeIdentityProvider.StartAsync("msteams", "webchat", "directline");
        _factory = BotFactory.CreateLive(_identity.Configuration());
        _client = LiveHost.Client(_factory.StartLive());
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
    [InlineData("1.0", HttpStatusCode.OK)]
    [InlineData("2.0", HttpStatusCode.OK)]
    [InlineData("3.0", HttpStatusCode.Unauthorized)]
    [InlineData("", HttpStatusCode.Unauthorized)]
    public async Task EmulatorTokens_ShouldBeAccepted_OfTheTwoKnownVersionsOnly(string version, HttpStatusCode expected)
    {
        var response = await Post(_identity.EmulatorToken(version), Activity(channelId: "emulator", serviceUrl: "http://127.0.0.1:9/"));

        Assert.Equal(expected, response.StatusCode);
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

    [Fact]
    public async Task TokenForTheAppsApiUri_ShouldGet401()
    {
        // Only the app id is this bot's audience; a token minted for another resource of the app is not for it.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(_identity.ChannelToken(ServiceUrl, audience: "api://" + FakeIdentityProvider.AppId))).StatusCode);
    }

    [Fact]
    public async Task ChannelTokenWithoutAServiceUrlClaim_ShouldGet401_EvenWhenTheActivityNamesNone()
    {
        var invoke = new { type = "invoke", name = "composeExtension/query", channelId = "msteams", from = new { id = "29:user" }, conversation = new { id = "a:1" }, value = new { } };

        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(_identity.ChannelToken(serviceUrl: null), invoke)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(_identity.ChannelToken(serviceUrl: null))).StatusCode);
    }

    [Fact]
    public async Task SigningKeyEndorsedForNoChannel_ShouldGet403()
    {
        await using var identity = await FakeIdentityProvider.StartAsync();
        await using var factory = BotFactory.CreateLive(identity.Configuration());
        using var client = LiveHost.Client(factory.StartLive());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(Activity()) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", identity.ChannelToken(ServiceUrl));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task EmulatorTokenForAnotherChannel_ShouldGet403()
    {
        var response = await Post(_identity.EmulatorToken("2.0"), Activity(channelId: "msteams"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ServiceUrlClaim_ShouldMatch_WhateverTheSpellingOfTheSameUrl()
    {
        // The default port spelled out, the host in capitals: still the activity's URL (RFC 3986 §6.2.2.1, §6.2.3).
        var response = await Post(_identity.ChannelToken("https://SMBA.example.net:443/emea/"), Activity(serviceUrl: ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("https://smba.example.net/emea")]
    [InlineData("https://smba.example.net/EMEA/")]
    public async Task ServiceUrlClaim_ShouldBeRefused_WhenItsPathIsAnother(string claimed)
    {
        // Another path is another URL: without its trailing slash (the SDK refuses it too) or in other capitals.
        var response = await Post(_identity.ChannelToken(claimed), Activity(serviceUrl: ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AnInvalidToken_ShouldBeRefused_BeforeTheBodyIsRead()
    {
        // Not even JSON: were the body parsed first, this would be a 400.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(new string('{', 200_000), System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _identity.ChannelToken(ServiceUrl, audience: "another-app"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task AConversationThatPostsFasterThanPeopleType_ShouldGet429_AndOthersStillBeAnswered()
    {
        await using var factory = BotFactory.CreateLive(new Dictionary<string, string?>(_identity.Configuration()) { ["ActivitiesPerMinutePerConversation"] = "3" });
        using var client = LiveHost.Client(factory.StartLive());
        var flooding = "a:personal-flood";
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await Send(client, flooding)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        var refused = await Send(client, flooding);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await Send(client, "a:personal-calm")).StatusCode);

        async Task<HttpResponseMessage> Send(HttpClient http, string conversation)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
            {
                Content = JsonContent.Create(new
                {
                    type = "message", channelId = "msteams", serviceUrl = ServiceUrl, from = new { id = "29:user" }, recipient = new { id = "28:bot" },
                    conversation = new { id = conversation }, text = "is there a cure?", deliveryMode = "expectReplies",
                }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _identity.ChannelToken(ServiceUrl));
            return await http.SendAsync(request);
        }
    }
}
