using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DystoniaBot.Web.Tests.Bots;

/// <summary>Activities as Teams, the Emulator and Web Chat send them, replayed against the host and a fake channel.</summary>
public sealed class RecordedActivityTests : IClassFixture<BotFactory>
{
    private readonly HttpClient _client;

    public RecordedActivityTests(BotFactory factory) => _client = factory.CreateClient();

    /// <summary>Posts a fixture with its serviceUrl pointed at the fake channel; returns what the channel received.</summary>
    private async Task<IReadOnlyList<(string Path, JsonElement Activity)>> Replay(string fixture, int expected)
    {
        await using var channel = await FakeChannel.StartAsync();
        var activity = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture)))!;
        activity["serviceUrl"] = channel.ServiceUrl;

        var response = await _client.PostAsJsonAsync("/api/messages", activity);
        await channel.WaitForAsync(expected);
        await Task.Delay(expected == 0 ? 300 : 0);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return channel.Received.ToList();
    }

    private static JsonElement Message(IReadOnlyList<(string Path, JsonElement Activity)> received) =>
        Assert.Single(received, r => r.Activity.GetProperty("type").GetString() == "message").Activity;

    [Fact]
    public async Task TeamsPersonalChat_ShouldGetTypingThenAnAnswerWithSuggestedActions()
    {
        var received = await Replay("teams-personal-message.json", 2);

        Assert.Equal("typing", received[0].Activity.GetProperty("type").GetString());
        var message = Message(received);
        Assert.Contains("**Symptoms vary", message.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(message.TryGetProperty("suggestedActions", out _));
        Assert.EndsWith("/v3/conversations/a:1personal-conversation-id/activities/1763633911456", received[1].Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsChannelMention_ShouldBeAnsweredWithCardButtonsAndNoSuggestedActions()
    {
        var message = Message(await Replay("teams-channel-message.json", 2));

        Assert.Contains("**Dystonia has no cure.**", message.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(message.TryGetProperty("suggestedActions", out _));
        Assert.True(message.GetProperty("attachments")[0].GetProperty("content").GetProperty("actions").GetArrayLength() > 1);
    }

    [Fact]
    public async Task TeamsTeamInstall_ShouldGreetOnce_AndNotGreetEveryNewMember()
    {
        var install = await Replay("teams-team-install.json", 1);
        var join = await Replay("teams-member-joins-team.json", 0);

        Assert.Contains("I'm DystoniaBot", Message(install).GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(join);
    }

    [Fact]
    public async Task EmulatorJoin_ShouldGetTheWelcome()
    {
        var welcome = Message(await Replay("emulator-conversation-update.json", 1));

        Assert.Equal(4, welcome.GetProperty("suggestedActions").GetProperty("actions").GetArrayLength());
    }

    [Fact]
    public async Task EmulatorMessageWithTypos_ShouldBeAnswered()
    {
        var message = Message(await Replay("emulator-message.json", 2));

        Assert.Contains("no cure", message.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("9b3a1f20-c64b-11f0-9e1b-0d0bd6c1b2c4", message.GetProperty("replyToId").GetString());
    }

    [Fact]
    public async Task WebChatPersonalQuestion_ShouldBeEscalatedToANeurologist()
    {
        var message = Message(await Replay("webchat-message.json", 2));

        Assert.StartsWith("Because this is about your own health, please see a neurologist", message.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("fr-FR", message.GetProperty("locale").GetString());
    }
}
