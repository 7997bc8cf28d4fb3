using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DystoniaBot.Web.Tests.DirectLine;

namespace DystoniaBot.Web.Tests.Security;

/// <summary>
/// Filling the disk through Direct Line, on the host's real port of 127.0.0.1: what a visitor posts is kept small, each
/// conversation and the host have a daily byte budget, and conversations start at a bounded pace.
/// </summary>
public sealed class DirectLineStorageAttackTests(LiveHost host) : IClassFixture<LiveHost>
{
    [Fact]
    public async Task AVisitorsActivity_ShouldBeKeptSmall_WhateverItCarries()
    {
        using var http = host.CreateClient();
        var visitor = await DirectLineClient.VisitAsync(http);
        await visitor.StartAsync();
        var padding = new string('x', 9_000);

        using var posted = await visitor.SendAsync(HttpMethod.Post, $"conversations/{visitor.ConversationId}/activities", new
        {
            type = "message",
            text = "is there a cure?",
            from = new { id = visitor.UserId },
            channelData = new { clientActivityID = "c-big", padding },
            entities = new[] { new { type = "ClientCapabilities", padding } },
            summary = padding,
        });

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var stored = (await visitor.GetAsync()).Activities.Single(a => a.TryGetProperty("channelData", out var data)
            && data.TryGetProperty("clientActivityID", out var id) && id.GetString() == "c-big");
        Assert.True(stored.GetRawText().Length < 1024, $"stored {stored.GetRawText().Length} characters");
        Assert.False(stored.TryGetProperty("entities", out _));
    }

    [Fact]
    public async Task AValueOverItsLimit_ShouldBeRefused_AndNothingStored()
    {
        using var http = host.CreateClient();
        var visitor = await DirectLineClient.VisitAsync(http);
        await visitor.StartAsync();
        var before = (await visitor.GetAsync()).Activities.Count;

        using var posted = await visitor.SendAsync(HttpMethod.Post, $"conversations/{visitor.ConversationId}/activities", new
        {
            type = "message",
            from = new { id = visitor.UserId },
            value = new { action = "feedback", comment = new string('x', 6_000) },
        });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, posted.StatusCode);
        Assert.Equal(before, (await visitor.GetAsync()).Activities.Count);
    }

    [Fact]
    public async Task NewConversations_ShouldStartAtABoundedPace_AcrossAddresses_WhileOngoingOnesResume()
    {
        await using var limited = BotFactory.CreateLive(new() { ["DirectLine:NewConversationsPerMinute"] = "3", ["DirectLine:ConversationsPerMinute"] = "1000" });
        var address = limited.StartLive();
        using var http = LiveHost.Client(address, "203.0.113.1");
        var first = await DirectLineClient.VisitAsync(http);
        await DirectLineClient.VisitAsync(http);
        await DirectLineClient.VisitAsync(http);

        // From another address: the cap is the host's, not the address's.
        using var other = LiveHost.Client(address, "198.51.100.2");
        using var fourth = await other.PostAsync(new Uri("/api/directline/token", UriKind.Relative), null);
        using var resumed = await http.PostAsJsonAsync(new Uri("/api/directline/token", UriKind.Relative), new { token = first.Token });

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Equal("TooManyConversations", (await fourth.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
    }

    [Fact]
    public async Task AVisitorPostingAllDay_ShouldStopAtTheConversationsDailyByteBudget_AndOthersGoOn()
    {
        await using var limited = BotFactory.CreateLive(new() { ["DirectLine:MaxVisitorBytesPerConversationPerDay"] = "16384" });
        var address = limited.StartLive();
        using var attackerHttp = LiveHost.Client(address);
        var attacker = await DirectLineClient.VisitAsync(attackerHttp);
        await attacker.StartAsync();
        var statuses = new List<HttpStatusCode>();

        // Long messages (the most a visitor may post each time) until refused; bounded, and far past the budget.
        for (var i = 0; i < 40 && !statuses.Contains(HttpStatusCode.Conflict); i++)
        {
            statuses.Add(await PostTextAsync(attacker, $"{i} " + new string('y', 1990)));
        }

        Assert.Equal(HttpStatusCode.Conflict, statuses[^1]);
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.OK), 5, 8);
        var stored = (await attacker.GetAsync()).Activities.Where(a => a.GetProperty("from").GetProperty("id").GetString() == attacker.UserId);
        Assert.True(stored.Sum(a => a.GetRawText().Length) <= 16384);

        using var someoneElseHttp = LiveHost.Client(address);
        var someoneElse = await DirectLineClient.VisitAsync(someoneElseHttp);
        await someoneElse.StartAsync();
        await someoneElse.SayAsync("is there a cure?");
        await someoneElse.WaitForAsync(a => a.TryGetProperty("text", out var text) && text.GetString()!.Contains("no cure", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ManyVisitorsPostingAllDay_ShouldStopAtTheHostsDailyByteBudget()
    {
        await using var limited = BotFactory.CreateLive(new()
        {
            ["DirectLine:MaxTextLength"] = "60000",
            ["DirectLine:MaxActivityBytes"] = "65536",
            ["DirectLine:MaxVisitorBytesPerDay"] = "1048576",
            ["DirectLine:RequestsPerMinute"] = "1000",
        });
        var address = limited.StartLive();
        var statuses = new List<HttpStatusCode>();

        // A new visitor (from a new address) every four posts of 60,000 characters, each conversation within its own
        // budget: only the host's total stops them. Bounded, and far past the budget.
        for (var i = 0; i < 40 && !statuses.Contains(HttpStatusCode.Conflict); i += 4)
        {
            using var http = LiveHost.Client(address, $"198.51.100.{i + 1}");
            var visitor = await DirectLineClient.VisitAsync(http);
            await visitor.StartAsync();
            for (var j = 0; j < 4 && !statuses.Contains(HttpStatusCode.Conflict); j++)
            {
                statuses.Add(await PostTextAsync(visitor, $"{i + j} " + new string('z', 59_990)));
            }
        }

        Assert.Equal(HttpStatusCode.Conflict, statuses[^1]);
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.OK), 15, 17);

        // A newcomer's long message that day no longer fits either: the budget is the host's.
        using var lateHttp = LiveHost.Client(address, "203.0.113.99");
        var late = await DirectLineClient.VisitAsync(lateHttp);
        await late.StartAsync();
        Assert.Equal(HttpStatusCode.Conflict, await PostTextAsync(late, "is there a cure? " + new string('z', 59_000)));
    }

    private static async Task<HttpStatusCode> PostTextAsync(DirectLineClient visitor, string text)
    {
        using var posted = await visitor.SendAsync(HttpMethod.Post, $"conversations/{visitor.ConversationId}/activities",
            new { type = "message", text, from = new { id = visitor.UserId } });
        return posted.StatusCode;
    }
}
