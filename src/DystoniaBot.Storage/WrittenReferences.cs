using DystoniaBot.Handoff;

namespace DystoniaBot.Storage;

/// <summary>
/// The conversation references a store wrote last, so that an unchanged one (the usual case: every message carries
/// one) costs neither serialization nor a write. Bounded, and each remembered for an hour at most: the retention sweep
/// (here or on another instance) may have deleted the row since, and forgetting only costs a redundant write.
/// </summary>
internal sealed class WrittenReferences
{
    private static readonly long RememberedFor = (long)TimeSpan.FromHours(1).TotalMilliseconds;
    private readonly ConversationCache<(Identity Identity, long WrittenAt)> _written = new();

    /// <summary>Whether <paramref name="reference"/> is the one last written for <paramref name="conversationKey"/>, within the hour.</summary>
    public bool IsUnchanged(string conversationKey, StoredConversationReference reference) =>
        _written.TryGetValue(conversationKey, out var written) && written.Identity == Identity.Of(reference)
        && Environment.TickCount64 - written.WrittenAt < RememberedFor;

    /// <summary>Remembers <paramref name="reference"/> as written.</summary>
    public void Remember(string conversationKey, StoredConversationReference reference)
    {
        _written.Set(conversationKey, (Identity.Of(reference), Environment.TickCount64));
    }

    /// <summary>Forgets everything (rows were deleted).</summary>
    public void Clear() => _written.Clear();

    /// <summary>What a proactive message needs from a reference; unknown fields don't count.</summary>
    private readonly record struct Identity(string? ServiceUrl, string? ChannelId, string? Locale, string? UserId, string? UserName, string? BotId,
        string? ConversationId, string? ConversationType, string? TenantId, bool? IsGroup, bool FromAnonymousRequest)
    {
        public static Identity Of(StoredConversationReference stored)
        {
            var r = stored.Reference;
            return new(r.ServiceUrl, r.ChannelId, r.Locale, r.User?.Id, r.User?.Name, r.Bot?.Id,
                r.Conversation?.Id, r.Conversation?.ConversationType, r.Conversation?.TenantId, r.Conversation?.IsGroup, stored.FromAnonymousRequest);
        }
    }
}
