using DystoniaBot.BotFramework.Schema;

namespace DystoniaBot.Handoff;

/// <summary>Remembers how to reach each conversation later (proactive messages).</summary>
public interface IConversationReferenceStore
{
    /// <summary>Saves (or refreshes) the reference of a conversation.</summary>
    Task SaveAsync(string conversationKey, StoredConversationReference reference, CancellationToken cancellationToken);

    /// <summary>The reference of <paramref name="conversationKey"/>, or null.</summary>
    Task<StoredConversationReference?> FindAsync(string conversationKey, CancellationToken cancellationToken);
}

/// <summary>A conversation's reference as kept for a later message, with what vouched for it.</summary>
/// <param name="Reference">The reference, as the protocol defines it.</param>
/// <param name="FromAnonymousRequest">
/// True when it was taken from a request that carried no token (a bot without an app id): nothing vouches for its
/// service URL, so the bot's credentials are never sent there. The protocol's reference has no such field (the SDK
/// trusts whatever service URL a stored reference names), so it is kept beside it.
/// </param>
public sealed record StoredConversationReference(ConversationReference Reference, bool FromAnonymousRequest = false);
