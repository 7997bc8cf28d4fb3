using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DystoniaBot.Web.Tests.DirectLine;

/// <summary>
/// Coming back to a conversation with the page's resume secret, and what Direct Line tokens can and can't do: the
/// stream URL's token opens the stream only, a token in a query string works on the stream alone, refreshing stops
/// with the session's age, a socket closes when its token expires.
/// </summary>
public sealed class ResumeTests
{
    private static readonly Uri TokenUrl = new("/api/directline/token", UriKind.Relative);

    [Fact]
    public async Task AResumeSecret_ShouldOpenTheSameConversation_AfterEveryTokenExpired()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = BotFactory.Create([], services: s => s.AddSingleton<TimeProvider>(time));
        var http = factory.CreateClient();
        var visitor = await DirectLineClient.VisitAsync(http);
        Assert.False(string.IsNullOrEmpty(visitor.Resume));
        await visitor.StartAsync();
        await visitor.SayAsync("is there a cure?");
        await visitor.WaitForAsync(a => a.TryGetProperty("text", out var text) && text.GetString()!.Contains("no cure", StringComparison.Ordinal));

        // Days later: the token is long dead, the secret still opens the conversation, as the same user.
        time.Advance(TimeSpan.FromDays(3));
        using var stale = await visitor.SendAsync(HttpMethod.Get, $"conversations/{visitor.ConversationId}/activities");
        Assert.Equal(HttpStatusCode.Forbidden, stale.StatusCode);
        using var resumed = await http.PostAsJsonAsync(TokenUrl, new { resume = visitor.Resume });
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        var body = await resumed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(visitor.ConversationId, body.GetProperty("conversationId").GetString());
        Assert.Equal(visitor.UserId, body.GetProperty("userId").GetString());
        Assert.False(body.TryGetProperty("resume", out _));
        visitor.Token = body.GetProperty("token").GetString()!;
        Assert.Contains((await visitor.GetAsync()).Activities, a => a.TryGetProperty("text", out var text) && text.GetString() == "is there a cure?");
    }

    [Fact]
    public async Task AnotherVisitorsSecret_OrAMadeUpOne_ShouldOpenNothing()
    {
        using var factory = BotFactory.Create([]);
        var http = factory.CreateClient();
        var alice = await DirectLineClient.VisitAsync(http);
        var bob = await DirectLineClient.VisitAsync(http);

        using var bobs = await http.PostAsJsonAsync(TokenUrl, new { resume = bob.Resume });
        using var madeUp = await http.PostAsJsonAsync(TokenUrl, new { resume = alice.Resume![..^2] + "xx" });

        Assert.NotEqual(alice.ConversationId, (await bobs.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, madeUp.StatusCode);
    }

    [Fact]
    public async Task ForgettingTheConversation_ShouldMakeItsSecretAndTokensUseless()
    {
        using var factory = BotFactory.Create([]);
        var http = factory.CreateClient();
        var visitor = await DirectLineClient.VisitAsync(http);
        await visitor.StartAsync();
        await visitor.SayAsync("hello");

        using var forgotten = await http.PostAsJsonAsync(new Uri("/api/directline/forget", UriKind.Relative), new { resume = visitor.Resume });
        Assert.Equal(HttpStatusCode.NoContent, forgotten.StatusCode);

        using var resumed = await http.PostAsJsonAsync(TokenUrl, new { resume = visitor.Resume });
        using var read = await visitor.SendAsync(HttpMethod.Get, $"conversations/{visitor.ConversationId}/activities");
        using var posted = await visitor.SendAsync(HttpMethod.Post, $"conversations/{visitor.ConversationId}/activities", new { type = "message", text = "still there?" });
        Assert.Equal(HttpStatusCode.Forbidden, resumed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
    }

    [Fact]
    public async Task ForgettingTheConversation_ShouldTakeItsQuestionOffTheStaffQueue_WithAnAuditEntry()
    {
        using var factory = Staff.StaffClient.Host();
        var http = factory.CreateClient();
        var visitor = await DirectLineClient.VisitAsync(http);
        await visitor.StartAsync();
        await visitor.SayAsync("ask a specialist: can dystonia affect my voice?");
        await visitor.SayAsync("Send it");
        var sent = await visitor.WaitForAsync(a => DirectLineClient.Text(a)?.Contains("Your reference is", StringComparison.Ordinal) == true);
        var reference = System.Text.RegularExpressions.Regex.Match(DirectLineClient.Text(sent)!, "Q-[A-Z0-9]+").Value;
        using var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Staff.StaffClient.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri($"/api/staff/questions/{reference}", UriKind.Relative))).StatusCode);

        using var forgotten = await http.PostAsJsonAsync(new Uri("/api/directline/forget", UriKind.Relative), new { resume = visitor.Resume });

        // Its answer could reach nobody: the question is gone, not left for staff to answer into the void.
        Assert.Equal(HttpStatusCode.NoContent, forgotten.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(new Uri($"/api/staff/questions/{reference}", UriKind.Relative))).StatusCode);
        var queue = await api.GetFromJsonAsync<JsonElement>(new Uri("/api/staff/questions?status=all", UriKind.Relative));
        Assert.Equal(0, queue.GetProperty("total").GetInt32());
        var audit = await api.GetStringAsync(new Uri("/api/staff/audit", UriKind.Relative));
        Assert.Contains("forgot their web conversation", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("voice", audit, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheStreamUrlsToken_ShouldOpenTheStreamOnly()
    {
        using var factory = BotFactory.Create([]);
        var visitor = await DirectLineClient.VisitAsync(factory.CreateClient());
        var streamUrl = new Uri((await visitor.StartAsync()).GetProperty("streamUrl").GetString()!);
        var streamToken = Uri.UnescapeDataString(System.Web.HttpUtility.ParseQueryString(streamUrl.Query)["t"]!);

        Assert.NotEqual(visitor.Token, streamToken);
        using var read = await visitor.SendAsync(HttpMethod.Get, $"conversations/{visitor.ConversationId}/activities", token: streamToken);
        using var refreshed = await visitor.SendAsync(HttpMethod.Post, "tokens/refresh", token: streamToken);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refreshed.StatusCode);

        using var socket = await factory.Server.CreateWebSocketClient().ConnectAsync(streamUrl, CancellationToken.None);
        Assert.Equal("1", (await DirectLineClient.ReceiveAsync(socket)).GetProperty("watermark").GetString());
    }

    [Fact]
    public async Task ATokenInTheQueryString_ShouldWorkOnTheStreamAlone()
    {
        using var factory = BotFactory.Create([]);
        var http = factory.CreateClient();
        var visitor = await DirectLineClient.VisitAsync(http);
        await visitor.StartAsync();

        using var read = await http.GetAsync(new Uri($"/v3/directline/conversations/{visitor.ConversationId}/activities?t={Uri.EscapeDataString(visitor.Token)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
    }

    [Fact]
    public async Task Refreshing_ShouldStop_OnceTheSessionIsOlderThanItsMaximumAge()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = BotFactory.Create(new() { ["DirectLine:MaxSessionAge"] = "01:00:00" }, services: s => s.AddSingleton<TimeProvider>(time));
        var visitor = await DirectLineClient.VisitAsync(factory.CreateClient());

        // Refreshed every 20 minutes, as Web Chat does, until the hour is up.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            time.Advance(TimeSpan.FromMinutes(20));
            using var refresh = await visitor.SendAsync(HttpMethod.Post, "tokens/refresh");
            statuses.Add(refresh.StatusCode);
            if (refresh.IsSuccessStatusCode)
            {
                visitor.Token = (await refresh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], statuses);
    }

    [Fact]
    public async Task AnOpenSocket_ShouldClose_WhenItsTokenExpires()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = BotFactory.Create([], services: s => s.AddSingleton<TimeProvider>(time));
        var visitor = await DirectLineClient.VisitAsync(factory.CreateClient());
        var streamUrl = new Uri((await visitor.StartAsync()).GetProperty("streamUrl").GetString()!);
        using var socket = await factory.Server.CreateWebSocketClient().ConnectAsync(streamUrl, CancellationToken.None);
        await DirectLineClient.ReceiveAsync(socket);

        time.Advance(TimeSpan.FromMinutes(31));

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[4096];
        WebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(buffer, patience.Token);
        }
        while (received.MessageType != WebSocketMessageType.Close);
        Assert.Equal(WebSocketMessageType.Close, received.MessageType);
    }
}
