using System.Collections.Concurrent;
using DystoniaBot.Conversation.Policy;

namespace DystoniaBot.Web.State;

/// <summary>Keeps each conversation's state between turns.</summary>
public interface IConversationStateStore
{
    /// <summary>The state of <paramref name="conversationKey"/>, or a new one.</summary>
    Task<ConversationState> GetAsync(string conversationKey, CancellationToken cancellationToken);

    /// <summary>Saves the state of <paramref name="conversationKey"/>.</summary>
    Task SetAsync(string conversationKey, ConversationState state, CancellationToken cancellationToken);
}

/// <summary>
/// State in memory, bounded: the oldest conversations are forgotten first. Lost on restart, which costs only "tell
/// me more" and the follow-up history.
/// </summary>
public sealed class InMemoryConversationStateStore : IConversationStateStore
{
    private const int MaxConversations = 100_000;
    private readonly ConcurrentDictionary<string, (ConversationState State, long Touched)> _states = new(StringComparer.Ordinal);
    private long _clock;

    /// <inheritdoc />
    public Task<ConversationState> GetAsync(string conversationKey, CancellationToken cancellationToken) =>
        Task.FromResult(_states.TryGetValue(conversationKey, out var entry) ? entry.State : ConversationState.Empty);

    /// <inheritdoc />
    public Task SetAsync(string conversationKey, ConversationState state, CancellationToken cancellationToken)
    {
        _states[conversationKey] = (state, Interlocked.Increment(ref _clock));
        if (_states.Count > MaxConversations)
        {
            foreach (var stale in _states.OrderBy(e => e.Value.Touched).Take(_states.Count - MaxConversations).ToList())
            {
                _states.TryRemove(stale.Key, out _);
            }
        }

        return Task.CompletedTask;
    }
}
