using System.Text.Json;
using System.Text.Json.Serialization;

namespace DystoniaBot.BotFramework.Schema;

/// <summary>
/// A Bot Framework activity: the one message shape between channels and bots. Unknown fields survive a round
/// trip (rule A2005), so a newer channel's fields are never lost.
/// </summary>
// DYSTONIABOT: an immutable record with init properties instead of the SDK's mutable class; build replies with
// `with` or MessageFactory.
public sealed record Activity
{
    /// <summary>Activity type (<see cref="ActivityTypes"/>); required on every incoming activity.</summary>
    public string? Type { get; init; }

    /// <summary>Id assigned by the channel.</summary>
    public string? Id { get; init; }

    /// <summary>When the channel received it (UTC).</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The sender's local time.</summary>
    public DateTimeOffset? LocalTimestamp { get; init; }

    /// <summary>Where replies go.</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>The channel: msteams, webchat, directline, emulator…</summary>
    public string? ChannelId { get; init; }

    /// <summary>Sender.</summary>
    public ChannelAccount? From { get; init; }

    /// <summary>Conversation.</summary>
    public ConversationAccount? Conversation { get; init; }

    /// <summary>Recipient.</summary>
    public ChannelAccount? Recipient { get; init; }

    /// <summary>Text.</summary>
    public string? Text { get; init; }

    /// <summary>plain, markdown or xml.</summary>
    public string? TextFormat { get; init; }

    /// <summary>Locale, e.g. en-US.</summary>
    public string? Locale { get; init; }

    /// <summary>Cards and files.</summary>
    public IReadOnlyList<Attachment>? Attachments { get; init; }

    /// <summary>list or carousel.</summary>
    public string? AttachmentLayout { get; init; }

    /// <summary>Buttons under the message.</summary>
    public SuggestedActions? SuggestedActions { get; init; }

    /// <summary>Mentions, citations and other metadata.</summary>
    public IReadOnlyList<Entity>? Entities { get; init; }

    /// <summary>Channel-specific data.</summary>
    public JsonElement? ChannelData { get; init; }

    /// <summary>The activity this one replies to.</summary>
    public string? ReplyToId { get; init; }

    /// <summary>Members who joined (conversationUpdate).</summary>
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    /// <summary>Members who left (conversationUpdate).</summary>
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    /// <summary>Name of an invoke or event.</summary>
    public string? Name { get; init; }

    /// <summary>Value of an invoke, event or card submit.</summary>
    public JsonElement? Value { get; init; }

    /// <summary>acceptingInput, expectingInput or ignoringInput.</summary>
    public string? InputHint { get; init; }

    /// <summary>What a client that reads replies aloud says, in place of the (Markdown) text.</summary>
    public string? Speak { get; init; }

    /// <summary>normal or expectReplies.</summary>
    public string? DeliveryMode { get; init; }

    /// <summary>Text for notifications.</summary>
    public string? Summary { get; init; }

    /// <summary>Fields this version does not know, kept for the round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>A message replying to this activity: conversation kept, sender and recipient swapped.</summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation,
        From = Recipient,
        Recipient = From,
        Locale = Locale,
        ReplyToId = Id,
        Text = text,
    };

    /// <summary>The reference needed to message this conversation later.</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        Locale = Locale,
        ServiceUrl = ServiceUrl,
    };
}
