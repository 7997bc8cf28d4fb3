using System.Text.Json;
using System.Text.Json.Serialization;

namespace DystoniaBot.BotFramework.Schema;

/// <summary>A user or bot on a channel.</summary>
public sealed record ChannelAccount
{
    /// <summary>Channel-specific id.</summary>
    public string? Id { get; init; }

    /// <summary>Display name.</summary>
    public string? Name { get; init; }

    /// <summary>Microsoft Entra object id (Teams).</summary>
    public string? AadObjectId { get; init; }

    /// <summary>"user" or "bot".</summary>
    public string? Role { get; init; }

    /// <summary>Fields this version does not know, kept for the round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>The conversation an activity belongs to.</summary>
public sealed record ConversationAccount
{
    /// <summary>Whether more than two participants take part.</summary>
    public bool? IsGroup { get; init; }

    /// <summary>"personal", "groupChat" or "channel" on Teams.</summary>
    public string? ConversationType { get; init; }

    /// <summary>Tenant (Teams).</summary>
    public string? TenantId { get; init; }

    /// <summary>Conversation id.</summary>
    public string? Id { get; init; }

    /// <summary>Display name.</summary>
    public string? Name { get; init; }

    /// <summary>Fields this version does not know, kept for the round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>Enough to continue a conversation later (proactive messages).</summary>
public sealed record ConversationReference
{
    /// <summary>The activity this reference was taken from.</summary>
    public string? ActivityId { get; init; }

    /// <summary>The user.</summary>
    public ChannelAccount? User { get; init; }

    /// <summary>The bot.</summary>
    public ChannelAccount? Bot { get; init; }

    /// <summary>The conversation.</summary>
    public ConversationAccount? Conversation { get; init; }

    /// <summary>The channel.</summary>
    public string? ChannelId { get; init; }

    /// <summary>The user's locale.</summary>
    public string? Locale { get; init; }

    /// <summary>Where replies go.</summary>
    public string? ServiceUrl { get; init; }
}
