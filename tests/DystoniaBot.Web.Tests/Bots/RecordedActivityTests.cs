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
    private async Task<IReadOnlyList<(string Path, JsonElement Activity)>> Replay(string fixture, int expected, string? text = null)
    {
        await using var channel = await FakeChannel.StartAsync();
        var activity = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture)))!;
        activity["serviceUrl"] = channel.ServiceUrl;
        if (text is not null)
        {
            activity["text"] = text;
        }

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

    [Theory]
    [InlineData("I want to kill myself", "Talk to someone now", new[] { "tel:116123", "tel:999" })]
    [InlineData("my husband suddenly can't breathe and his lips are blue", "Call for help now", new[] { "tel:999" })]
    public async Task TeamsEmergency_ShouldBeAnAlertCard_WithTheNumbersToDial_AndTheTextKept(string question, string heading, string[] dial)
    {
        // The personal chat's locale is en-GB: Samaritans and 999.
        var message = Message(await Replay("teams-personal-message.json", 2, question));

        var text = message.GetProperty("text").GetString()!;
        Assert.Contains("[999](tel:999)", text, StringComparison.Ordinal);
        var speak = message.GetProperty("speak").GetString()!;
        Assert.Contains("999", speak, StringComparison.Ordinal);
        Assert.DoesNotContain("tel:", speak, StringComparison.Ordinal);

        var attachment = Assert.Single(message.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal(speak, card.GetProperty("speak").GetString());
        var alert = card.GetProperty("body")[0];
        Assert.Equal("attention", alert.GetProperty("style").GetString());
        Assert.Equal(heading, alert.GetProperty("items")[0].GetProperty("text").GetString());
        Assert.Equal(dial, alert.GetProperty("items")[1].GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("url").GetString()));
        Assert.False(message.TryGetProperty("entities", out var entities) && entities.GetArrayLength() > 0);
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
