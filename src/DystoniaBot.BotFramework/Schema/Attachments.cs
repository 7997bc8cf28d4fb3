using System.Text.Json;
using System.Text.Json.Serialization;

namespace DystoniaBot.BotFramework.Schema;

/// <summary>A card or file attached to an activity.</summary>
public sealed record Attachment
{
    /// <summary>MIME type, e.g. application/vnd.microsoft.card.adaptive.</summary>
    public string? ContentType { get; init; }

    /// <summary>Link to the content.</summary>
    public string? ContentUrl { get; init; }

    /// <summary>Inline content (a card's JSON): a <see cref="RawJson"/> or any serializable value; a <see cref="JsonElement"/> when read.</summary>
    public object? Content { get; init; }

    /// <summary>File name.</summary>
    public string? Name { get; init; }

    /// <summary>Thumbnail link.</summary>
    public string? ThumbnailUrl { get; init; }

    /// <summary>Fields this version does not know, kept for the round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>A button.</summary>
public sealed record CardAction
{
    /// <summary>Action type (<see cref="ActionTypes"/>).</summary>
    public string? Type { get; init; }

    /// <summary>Button text.</summary>
    public string? Title { get; init; }

    /// <summary>What the action sends or opens.</summary>
    public JsonElement? Value { get; init; }

    /// <summary>Text sent for message-back actions.</summary>
    public string? Text { get; init; }

    /// <summary>Text shown in the chat for message-back actions.</summary>
    public string? DisplayText { get; init; }

    /// <summary>Icon link.</summary>
    public string? Image { get; init; }

    /// <summary>Fields this version does not know, kept for the round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>Buttons offered under the last message.</summary>
public sealed record SuggestedActions
{
    /// <summary>Ids of the recipients who see them (empty: everyone).</summary>
    public IReadOnlyList<string>? To { get; init; }

    /// <summary>The buttons.</summary>
    public IReadOnlyList<CardAction>? Actions { get; init; }
}

/// <summary>Metadata attached to an activity (mentions, citations, client info).</summary>
public sealed record Entity
{
    /// <summary>Entity type, e.g. "mention" or "https://schema.org/Message".</summary>
    public string? Type { get; init; }

    /// <summary>Every other field of the entity.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>The id the channel gave an activity it received.</summary>
/// <param name="Id">The activity id.</param>
public sealed record ResourceResponse(string? Id);

/// <summary>The body of a 200 response to a <c>deliveryMode: expectReplies</c> request.</summary>
/// <param name="Activities">The replies.</param>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);

/// <summary>The synchronous answer to an invoke activity.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="Body">Response body.</param>
public sealed record InvokeResponse(int Status, object? Body = null);
