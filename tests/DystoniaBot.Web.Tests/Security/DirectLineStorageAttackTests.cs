using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DystoniaBot.Web.Tests.DirectLine;

namespace DystoniaBot.Web.Tests.Security;

/// <summary>Filling the disk through Direct Line: what a visitor posts is kept small, and conversations start at a bounded pace.</summary>
public sealed class DirectLineStorageAttackTests(BotFactory factory) : IClassFixture<BotFactory>
{
    [Fact]
    public async Task AVisitorsActivity_ShouldBeKeptSmall_WhateverItCarries()
    {
        var visitor = await DirectLineClient.VisitAsync(factory.CreateClient());
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
        var visitor = await DirectLineClient.VisitAsync(factory.CreateClient());
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
        using var limited = BotFactory.Create(new() { ["DirectLine:NewConversationsPerMinute"] = "3", ["DirectLine:ConversationsPerMinute"] = "1000" });
        var http = limited.CreateClient();
        var first = await DirectLineClient.VisitAsync(http);
        await DirectLineClient.VisitAsync(http);
        await DirectLineClient.VisitAsync(http);

        using var fourth = await http.PostAsync(new Uri("/api/directline/token", UriKind.Relative), null);
        using var resumed = await http.PostAsJsonAsync(new Uri("/api/directline/token", UriKind.Relative), new { token = first.Token });

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Equal("TooManyConversations", (await fourth.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
    }

    [Fact]
    public async Task AVisitorPostingAllDay_ShouldStopAtTheConversationsDailyByteBudget_AndOthersGoOn()
    {
        using var limited = BotFactory.Create(new() { ["DirectLine:MaxVisitorBytesPerConversationPerDay"] = "16384" });
        var attacker = await DirectLineClient.VisitAsync(limited.CreateClient());
        await attacker.StartAsync();
        var statuses = new List<HttpStatusCode>();

        // Long messages (the most a visitor may post each time) until refused; bounded, and far past the budget.
        for (var i = 0; i < 40 && !statuses.Contains(HttpStatusCode.Conflict); i++)
        {
            using var posted = await attacker.SendAsync(HttpMethod.Post, $"conversations/{attacker.ConversationId}/activities",
                new { type = "message", text = $"{i} " + new string('y', 1990), from = new { id = attacker.UserId } });
            statuses.Add(posted.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Conflict, statuses[^1]);
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.OK), 5, 8);
        var stored = (await attacker.GetAsync()).Activities.Where(a => a.GetProperty("from").GetProperty("id").GetString() == attacker.UserId);
        Assert.True(stored.Sum(a => a.GetRawText().Length) <= 16384);

        var someoneElse = await DirectLineClient.VisitAsync(limited.CreateClient());
        await someoneElse.StartAsync();
        await someoneElse.SayAsync("is there a cure?");
        await someoneElse.WaitForAsync(a => a.TryGetProperty("text", out var text) && text.GetString()!.Contains("no cure", StringComparison.Ordinal));
    }
}
