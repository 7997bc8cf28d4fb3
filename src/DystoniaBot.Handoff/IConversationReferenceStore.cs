using DystoniaBot.BotFramework.Schema;

namespace DystoniaBot.Handoff;

/// <summary>Remembers how to reach each conversation later (proactive messages).</summary>
public interface IConversationReferenceStore
{
    /// <summary>Saves (or refreshes) the reference of a conversation.</summary>
    Task SaveAsync(string conversationKey, ConversationReference reference, CancellationToken cancellationToken);

    /// <summary>The reference of <paramref name="conversationKey"/>, or null.</summary>
    Task<ConversationReference?> FindAsync(string conversationKey, CancellationToken cancellationToken);
}
