using DystoniaBot.Conversation.Policy;

namespace DystoniaBot.Conversation.Persistence;

/// <summary>Keeps each conversation's state between turns.</summary>
public interface IConversationStateStore
{
    /// <summary>The state of <paramref name="conversationKey"/>, or a new one.</summary>
    Task<ConversationState> GetAsync(string conversationKey, CancellationToken cancellationToken);

    /// <summary>Saves the state of <paramref name="conversationKey"/>.</summary>
    Task SetAsync(string conversationKey, ConversationState state, CancellationToken cancellationToken);
}

/// <summary>A user's rating of an answer.</summary>
/// <param name="ConversationKey">channel/conversation.</param>
/// <param name="Question">The question the answer was for.</param>
/// <param name="PassageId">The passage answered with, when known.</param>
/// <param name="Helpful">The rating.</param>
/// <param name="Comment">Free text the user added, if any.</param>
/// <param name="At">When.</param>
public sealed record Feedback(string ConversationKey, string? Question, string? PassageId, bool Helpful, string? Comment, DateTimeOffset At);

/// <summary>An answer the bot sent: which passage, for which question, under which activity id.</summary>
/// <param name="ActivityId">The id of the sent activity (as the channel gave it).</param>
/// <param name="ConversationKey">channel/conversation.</param>
/// <param name="Question">The question.</param>
/// <param name="PassageId">The passage.</param>
public sealed record SentAnswer(string ActivityId, string ConversationKey, string Question, string PassageId);

/// <summary>Ratings of answers, and the answers they rate.</summary>
public interface IFeedbackStore
{
    /// <summary>Records that an answer was sent, so a later rating of it (by activity id) knows its passage.</summary>
    Task RecordAnswerAsync(SentAnswer answer, CancellationToken cancellationToken);

    /// <summary>The answer sent as <paramref name="activityId"/> in <paramref name="conversationKey"/>, or null.</summary>
    Task<SentAnswer?> FindAnswerAsync(string conversationKey, string activityId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a rating: one per answer (passage and question) per conversation, so rating it again replaces the first.
    /// True when it is the conversation's first rating of that answer.
    /// </summary>
    Task<bool> AddAsync(Feedback feedback, CancellationToken cancellationToken);

    /// <summary>Ratings, newest first.</summary>
    Task<IReadOnlyList<Feedback>> ListAsync(int limit, CancellationToken cancellationToken);
}
