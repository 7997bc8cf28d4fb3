using System.Text.Json;
using System.Text.Json.Nodes;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.BotFramework.Serialization;

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

    [Fact]
    public void RawJsonContent_ShouldBeWrittenAsItIs_AndReadBackAsJson()
    {
        var card = """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"a \"quoted\" <b>"}]}"""u8.ToArray();
        var activity = new Activity { Type = ActivityTypes.Message, Attachments = [new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = new RawJson(card) }] };

        var written = JsonSerializer.Serialize(activity, ProtocolJson.Options);
        var read = JsonSerializer.Deserialize<Activity>(written, ProtocolJson.Options)!;

        var content = Assert.IsType<JsonElement>(Assert.Single(read.Attachments!).Content);
        Assert.Equal("a \"quoted\" <b>", content.GetProperty("body")[0].GetProperty("text").GetString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(card), JsonNode.Parse(content.GetRawText())));
    }
}
