namespace DystoniaBot.Web.State;

/// <summary>The bound of the stores' per-conversation memory caches.</summary>
internal static class ConversationCache
{
    /// <summary>
    /// How many conversations each cache (state, last written reference, started Direct Line conversation) keeps
    /// before it starts again from empty. Together they hold about 1.3 KB a conversation, so at most ~13 MB; a
    /// conversation forgotten costs one indexed read when it speaks again. Measured by the soak (tests/load/soak.sh):
    /// with 100,000 the memory kept growing with every new conversation for the whole run.
    /// </summary>
    public const int MaxConversations = 10_000;
}
