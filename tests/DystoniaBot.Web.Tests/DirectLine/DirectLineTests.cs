using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using DystoniaBot.BotFramework.Connector;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.DirectLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace DystoniaBot.Web.Tests.DirectLine;

public sealed class DirectLineTests : IClassFixture<BotFactory>
{
    private readonly BotFactory _factory;

    public DirectLineTests(BotFactory factory) => _factory = factory;

    [Fact]
    public async Task Start_ShouldQueueTheWelcome_BeforeTheUserTypes()
    {
        var client = await DirectLineClient.VisitAsync(_factory.CreateClient());

        var started = await client.StartAsync();
        var (activities, watermark) = await client.GetAsync();

        Assert.Equal(client.ConversationId, started.GetProperty("conversationId").GetString());
        Assert.StartsWith("ws://", started.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
        var welcome = Assert.Single(activities);
        Assert.Contains("DystoniaBot", DirectLineClient.Text(welcome), StringComparison.Ordinal);
        Assert.NotEmpty(welcome.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray());
        Assert.Equal("1", watermark);

        // Starting again (a second tab, a retry) neither fails nor greets twice.
        await client.StartAsync();
        Assert.Single((await client.GetAsync()).Activities);
    }

    [Fact]
    public async Task Post_ShouldEchoTheUsersActivityWithItsClientId_ThenTheAnswer()
    {
        var client = await DirectLineClient.VisitAsync(_factory.CreateClient());
        await client.StartAsync();
        var (_, afterWelcome) = await client.GetAsync();

        var id = await client.SayAsync("is there a cure?", clientActivityId: "client-1");
        var (activities, watermark) = await client.GetAsync(afterWelcome);

        Assert.Equal(2, activities.Count);
        Assert.Equal(id, activities[0].GetProperty("id").GetString());
        Assert.Equal("client-1", activities[0].GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal(client.UserId, DirectLineClient.From(activities[0]));
        var answer = activities[1];
        Assert.Equal("dystoniabot", DirectLineClient.From(answer));
        Assert.Equal(id, answer.GetProperty("replyToId").GetString());
        Assert.Contains("no cure", DirectLineClient.Text(answer), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("neurologist", DirectLineClient.Text(answer), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("application/vnd.microsoft.card.adaptive", answer.GetProperty("attachments")[0].GetProperty("contentType").GetString());
        Assert.Equal("3", watermark);
    }

    [Fact]
    public async Task Post_ShouldTakeTheUserFromTheToken_NotFromTheBody()
    {
        var client = await DirectLineClient.VisitAsync(_factory.CreateClient());
        await client.StartAsync();

        using var response = await client.SendAsync(HttpMethod.Post, $"conversations/{client.ConversationId}/activities",
            new { type = "message", text = "hello", from = new { id = "someone-else" } });
        response.EnsureSuccessStatusCode();

        var mine = (await client.GetAsync()).Activities.Single(a => DirectLineClient.Text(a) == "hello");
        Assert.Equal(client.UserId, DirectLineClient.From(mine));
    }

    [Fact]
    public async Task Tokens_ShouldOnlyOpenTheirOwnConversation()
    {
        var http = _factory.CreateClient();
        var alice = await DirectLineClient.VisitAsync(http);
        var bob = await DirectLineClient.VisitAsync(http);
        await alice.StartAsync();
        await bob.StartAsync();
        await alice.SayAsync("is there a cure?");

        // Bob's token on Alice's conversation: every route refuses, and nothing of Alice's leaks.
        foreach (var (method, path) in new[]
                 {
                     (HttpMethod.Get, $"conversations/{alice.ConversationId}/activities"),
                     (HttpMethod.Get, $"conversations/{alice.ConversationId}"),
                     (HttpMethod.Post, $"conversations/{alice.ConversationId}/activities"),
                     (HttpMethod.Post, $"conversations/{alice.ConversationId}/upload"),
                 })
        {
            using var response = await bob.SendAsync(method, path, method == HttpMethod.Post ? new { type = "message", text = "hi" } : null);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain("cure", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A token whose payload is edited to name Alice's conversation fails its signature.
        var parts = bob.Token.Split('.');
        var forgedPayload = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"conv\":\"{alice.ConversationId}\",\"user\":\"{bob.UserId}\",\"iat\":0,\"exp\":4102444800}}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        using var forged = await bob.SendAsync(HttpMethod.Get, $"conversations/{alice.ConversationId}/activities", token: $"{parts[0]}.{forgedPayload}.{parts[2]}");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);

        // Nor is an unsigned one ("alg": "none") accepted.
        using var unsigned = await bob.SendAsync(HttpMethod.Get, $"conversations/{alice.ConversationId}/activities", token: $"eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.{forgedPayload}.");
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);

        using var anonymous = await http.GetAsync(new Uri($"/v3/directline/conversations/{alice.ConversationId}/activities", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(2, (await alice.GetAsync("1")).Activities.Count);
    }

    [Fact]
    public async Task UnknownConversation_ShouldBe404()
    {
        using var factory = BotFactory.Create([]);
        var tokens = factory.Services.GetRequiredService<DirectLineTokens>();
        var http = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/v3/directline/conversations/nope/activities", UriKind.Relative));
        request.Headers.Authorization = new("Bearer", tokens.Issue("nope", "dl_user"));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Tokens_ShouldExpireAfterThirtyMinutes_AndRefreshBeforeThen()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = BotFactory.Create([], services: s => s.AddSingleton<TimeProvider>(time));
        var http = factory.CreateClient();
        var client = await DirectLineClient.VisitAsync(http);
        await client.StartAsync();

        time.Advance(TimeSpan.FromMinutes(20));
        using var refresh = await client.SendAsync(HttpMethod.Post, "tokens/refresh");
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        var refreshed = await refresh.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(client.ConversationId, refreshed.GetProperty("conversationId").GetString());
        Assert.Equal(1800, refreshed.GetProperty("expires_in").GetInt32());
        var oldToken = client.Token;
        client.Token = refreshed.GetProperty("token").GetString()!;

        time.Advance(TimeSpan.FromMinutes(15));
        using var expired = await client.SendAsync(HttpMethod.Get, $"conversations/{client.ConversationId}/activities", token: oldToken);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        using var expiredRefresh = await client.SendAsync(HttpMethod.Post, "tokens/refresh", token: oldToken);
        Assert.Equal(HttpStatusCode.Forbidden, expiredRefresh.StatusCode);
        Assert.Single((await client.GetAsync()).Activities);

        // The page's endpoint renews a live token for the same conversation and refuses an expired one.
        using var renew = await http.PostAsJsonAsync(new Uri("/api/directline/token", UriKind.Relative), new { token = client.Token });
        Assert.Equal(client.ConversationId, (await renew.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString());
        using var stale = await http.PostAsJsonAsync(new Uri("/api/directline/token", UriKind.Relative), new { token = oldToken });
        Assert.Equal(HttpStatusCode.Forbidden, stale.StatusCode);
    }

    [Fact]
    public async Task Watermark_ShouldPageThroughTheLog()
    {
        using var factory = BotFactory.Create(new() { ["DirectLine:PageSize"] = "2" });
        var client = await DirectLineClient.VisitAsync(factory.CreateClient());
        await client.StartAsync();
        await client.SayAsync("hello");
        await client.SayAsync("is there a cure?");

        var seen = new List<string>();
        string? watermark = null;
        for (var page = 0; page < 10; page++)
        {
            var (activities, next) = await client.GetAsync(watermark);
            if (activities.Count == 0)
            {
                Assert.Equal(watermark, next);
                break;
            }

            Assert.True(activities.Count <= 2);
            seen.AddRange(activities.Select(a => a.GetProperty("id").GetString()!));
            watermark = next;
        }

        Assert.Equal(5, seen.Count);
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        Assert.Equal("5", watermark);
    }

    [Fact]
    public async Task RequestsPerToken_ShouldBeLimited_WithRetryAfter()
    {
        using var factory = BotFactory.Create(new() { ["DirectLine:RequestsPerMinute"] = "5" });
        var http = factory.CreateClient();
        var client = await DirectLineClient.VisitAsync(http);
        var other = await DirectLineClient.VisitAsync(http);
        await client.StartAsync();
        for (var i = 0; i < 4; i++)
        {
            await client.GetAsync();
        }

        using var refused = await client.SendAsync(HttpMethod.Get, $"conversations/{client.ConversationId}/activities");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await other.StartAsync();
    }

    [Fact]
    public async Task Get_ShouldNeverAnswer5xx_WhenTheStoreFails()
    {
        var store = new Mock<IDirectLineStore>();
        store.Setup(s => s.GetSigningKeyAsync(It.IsAny<CancellationToken>())).ReturnsAsync(new byte[32]);
        store.Setup(s => s.FindConversationAsync("c1", It.IsAny<CancellationToken>())).ReturnsAsync(new DirectLineConversation("c1", "dl_u", true));
        store.Setup(s => s.ReadAsync("c1", It.IsAny<long>(), It.IsAny<int>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("disk gone"));
        using var factory = BotFactory.Create([], services: s => s.AddSingleton(store.Object));
        var token = factory.Services.GetRequiredService<DirectLineTokens>().Issue("c1", "dl_u");
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);

        using var poll = await http.GetAsync(new Uri("/v3/directline/conversations/c1/activities?watermark=2", UriKind.Relative));
        store.Setup(s => s.FindConversationAsync("c1", It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("disk gone"));
        using var reconnect = await http.GetAsync(new Uri("/v3/directline/conversations/c1?watermark=2", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, poll.StatusCode);
        var body = await poll.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(body.GetProperty("activities").EnumerateArray());
        Assert.Equal("2", body.GetProperty("watermark").GetString());
        Assert.Equal(HttpStatusCode.TooManyRequests, reconnect.StatusCode);
    }

    [Fact]
    public async Task BadInput_ShouldGetClear4xx()
    {
        using var factory = BotFactory.Create(new() { ["DirectLine:MaxActivitiesPerConversation"] = "10" });
        var http = factory.CreateClient();
        var client = await DirectLineClient.VisitAsync(http);
        await client.StartAsync();
        var path = $"conversations/{client.ConversationId}/activities";

        async Task<HttpStatusCode> Post(object body)
        {
            using var response = await client.SendAsync(HttpMethod.Post, path, body);
            var error = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.False(string.IsNullOrEmpty(error.GetProperty("error").GetProperty("message").GetString()));
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.BadRequest, await Post(new StringContent("{not json", Encoding.UTF8, "application/json")));
        Assert.Equal(HttpStatusCode.BadRequest, await Post(new { text = "no type" }));
        Assert.Equal(HttpStatusCode.BadRequest, await Post(new { type = "message", attachments = new[] { new { contentType = "image/png", contentUrl = "x" } } }));
        Assert.Equal(HttpStatusCode.BadRequest, await Post(new { type = "conversationUpdate" }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await Post(new { type = "message", text = new string('a', 2001) }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await Post(new StringContent(new string(' ', 40_000) + "{}", Encoding.UTF8, "application/json")));
        using (var upload = await client.SendAsync(HttpMethod.Post, $"conversations/{client.ConversationId}/upload?userId={client.UserId}", new MultipartFormDataContent()))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, upload.StatusCode);
        }

        using (var watermark = await client.SendAsync(HttpMethod.Get, $"{path}?watermark=abc"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, watermark.StatusCode);
        }

        // Ten activities at most: the welcome, four turns, and a last message that still gets its answer.
        for (var i = 0; i < 5; i++)
        {
            await client.SayAsync("hello");
        }

        Assert.Equal(HttpStatusCode.Conflict, await Post(new { type = "message", text = "one more" }));
        var log = (await client.GetAsync()).Activities;
        Assert.Equal(11, log.Count);
        Assert.Equal("dystoniabot", DirectLineClient.From(log[^1]));
    }

    [Fact]
    public async Task Stream_ShouldSendTheBacklog_ThenTypingAndTheAnswerAsTheyHappen()
    {
        var client = await DirectLineClient.VisitAsync(_factory.CreateClient());
        var started = await client.StartAsync();
        var socketClient = _factory.Server.CreateWebSocketClient();
        using var socket = await socketClient.ConnectAsync(new Uri(started.GetProperty("streamUrl").GetString()!), CancellationToken.None);

        var backlog = await DirectLineClient.ReceiveAsync(socket);
        Assert.Equal("1", backlog.GetProperty("watermark").GetString());
        await client.SayAsync("what causes dystonia", clientActivityId: "c-7");

        var received = await DirectLineClient.ReceiveUntilAsync(socket, a => a.GetProperty("type").GetString() == "message" && DirectLineClient.From(a) == "dystoniabot");

        Assert.Equal("c-7", received[0].GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Contains(received, a => a.GetProperty("type").GetString() == "typing");
        Assert.DoesNotContain((await client.GetAsync()).Activities, a => a.GetProperty("type").GetString() == "typing");
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Fact]
    public async Task Stream_ShouldRefuseOtherConversationsTokens()
    {
        var http = _factory.CreateClient();
        var alice = await DirectLineClient.VisitAsync(http);
        var bob = await DirectLineClient.VisitAsync(http);
        var url = new Uri($"ws://localhost/v3/directline/conversations/{alice.ConversationId}/stream?t={Uri.EscapeDataString(bob.Token)}");

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => _factory.Server.CreateWebSocketClient().ConnectAsync(url, CancellationToken.None));

        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProactiveMessage_ShouldReachTheConversation_ThroughTheConnector()
    {
        var client = await DirectLineClient.VisitAsync(_factory.CreateClient());
        await client.StartAsync();
        var connector = _factory.Services.GetRequiredService<IConnectorClient>();

        // What a staff answer will do later: a message to the stored conversation, not a reply to anything.
        var sent = await connector.SendAsync(new Activity
        {
            Type = ActivityTypes.Message,
            ServiceUrl = DirectLineChannel.ServiceUrl.AbsoluteUri,
            Conversation = new ConversationAccount { Id = client.ConversationId },
            From = new ChannelAccount { Id = "dystoniabot" },
            Text = "An answer from health-line staff.",
        }, CancellationToken.None);

        var last = (await client.GetAsync()).Activities[^1];
        Assert.Equal(sent.Id, last.GetProperty("id").GetString());
        Assert.Equal("An answer from health-line staff.", DirectLineClient.Text(last));
        await Assert.ThrowsAsync<HttpRequestException>(() => connector.SendAsync(new Activity
        {
            Type = ActivityTypes.Message,
            ServiceUrl = DirectLineChannel.ServiceUrl.AbsoluteUri,
            Conversation = new ConversationAccount { Id = "no-such-conversation" },
            Text = "lost",
        }, CancellationToken.None));
    }

    [Fact]
    public async Task Retention_ShouldDeleteIdleConversations()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = BotFactory.Create([], services: s => s.AddSingleton<TimeProvider>(time));
        var client = await DirectLineClient.VisitAsync(factory.CreateClient());
        await client.StartAsync();
        var retention = factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DystoniaBot.Storage.RetentionService>().Single();

        var store = factory.Services.GetRequiredService<IDirectLineStore>();

        await retention.SweepAsync(CancellationToken.None);
        Assert.NotNull(await store.FindConversationAsync(client.ConversationId, CancellationToken.None));
        time.Advance(TimeSpan.FromDays(31));
        await retention.SweepAsync(CancellationToken.None);
        Assert.Null(await store.FindConversationAsync(client.ConversationId, CancellationToken.None));
        Assert.Empty((await store.ReadAsync(client.ConversationId, 0, 10, CancellationToken.None)).Activities);
    }
}
