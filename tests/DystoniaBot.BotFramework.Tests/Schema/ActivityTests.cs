using System.Text.Json;
using System.Text.Json.Nodes;
using DystoniaBot.BotFramework.Schema;

namespace DystoniaBot.BotFramework.Tests.Schema;

public class ActivityTests
{
    private static readonly string TeamsMessage = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "teams-channel-message.json"));

    [Fact]
    public void RoundTrip_ShouldKeepEveryField_IncludingOnesThisVersionDoesNotKnow()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsMessage, ProtocolJson.Options)!;

        var written = JsonSerializer.Serialize(activity, ProtocolJson.Options);

        // The same instant may be written "Z" or "+00:00": compare it as a time, the rest as JSON.
        var original = JsonNode.Parse(TeamsMessage)!.AsObject();
        var roundTripped = JsonNode.Parse(written)!.AsObject();
        Assert.Equal(DateTimeOffset.Parse(original["timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), activity.Timestamp);
        original.Remove("timestamp");
        roundTripped.Remove("timestamp");
        Assert.True(JsonNode.DeepEquals(original, roundTripped), written);
        Assert.True(activity.Properties!.ContainsKey("localTimezone"));
    }

    [Fact]
    public void RemoveRecipientMention_ShouldStripOnlyTheBotsOwnMention()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsMessage, ProtocolJson.Options)!;

        Assert.Equal("is there a cure?", activity.RemoveRecipientMention());
        Assert.Equal("<at>Someone</at> hi", (activity with { Text = "<at>Someone</at> hi" }).RemoveRecipientMention());
    }

    [Fact]
    public void CreateReply_ShouldSwapSenderAndRecipient_AndKeepTheConversation()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsMessage, ProtocolJson.Options)!;

        var reply = activity.CreateReply("hello");

        Assert.Equal(activity.Recipient, reply.From);
        Assert.Equal(activity.From, reply.Recipient);
        Assert.Equal(activity.Conversation, reply.Conversation);
        Assert.Equal(activity.Id, reply.ReplyToId);
        Assert.Equal("en-GB", reply.Locale);
        Assert.Null(reply.Id);
        Assert.Null(reply.Timestamp);
    }
}
