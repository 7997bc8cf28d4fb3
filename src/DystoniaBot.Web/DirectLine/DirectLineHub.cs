using System.Threading.Channels;
using DystoniaBot.BotFramework.Schema;

namespace DystoniaBot.Web.DirectLine;

/// <summary>An activity on its way to a socket; typing has no sequence number (it is never stored).</summary>
/// <param name="Activity">The activity.</param>
/// <param name="Sequence">Its place in the conversation's log, or null for typing.</param>
public readonly record struct StreamItem(Activity Activity, long? Sequence);

/// <summary>
/// Tells the WebSockets open on this process about new activities in their conversation, as they are stored.
/// </summary>
/// <remarks>Thread-safe. A slow socket never holds up the others: each has its own bounded queue.</remarks>
public sealed class DirectLineHub
{
    private const int QueueLength = 256;
    private readonly System.Threading.Lock _gate = new();
    private readonly Dictionary<string, Subscription[]> _subscribers = new(StringComparer.Ordinal);

    /// <summary>How many sockets listen right now.</summary>
    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Values.Sum(s => s.Length);
            }
        }
    }

    /// <summary>Starts listening to <paramref name="conversationId"/>; dispose the subscription to stop.</summary>
    public Subscription Subscribe(string conversationId)
    {
        var subscription = new Subscription(this, conversationId);
        lock (_gate)
        {
            _subscribers[conversationId] = _subscribers.TryGetValue(conversationId, out var others) ? [.. others, subscription] : [subscription];
        }

        return subscription;
    }

    /// <summary>Hands <paramref name="item"/> to every socket of the conversation.</summary>
    public void Publish(string conversationId, StreamItem item)
    {
        Subscription[]? subscribers;
        lock (_gate)
        {
            _subscribers.TryGetValue(conversationId, out subscribers);
        }

        foreach (var subscriber in subscribers ?? [])
        {
            // A full queue means a socket that stopped reading; it catches up from the log when it reconnects.
            subscriber.Writer.TryWrite(item);
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            if (_subscribers.TryGetValue(subscription.ConversationId, out var subscribers))
            {
                var rest = subscribers.Where(s => !ReferenceEquals(s, subscription)).ToArray();
                if (rest.Length == 0)
                {
                    _subscribers.Remove(subscription.ConversationId);
                }
                else
                {
                    _subscribers[subscription.ConversationId] = rest;
                }
            }
        }
    }

    /// <summary>One socket's queue of activities.</summary>
    public sealed class Subscription : IDisposable
    {
        private readonly DirectLineHub _hub;
        private readonly Channel<StreamItem> _queue = Channel.CreateBounded<StreamItem>(
            new BoundedChannelOptions(QueueLength) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

        internal Subscription(DirectLineHub hub, string conversationId)
        {
            _hub = hub;
            ConversationId = conversationId;
        }

        /// <summary>The conversation listened to.</summary>
        public string ConversationId { get; }

        /// <summary>The activities published since subscribing, in order.</summary>
        public ChannelReader<StreamItem> Reader => _queue.Reader;

        internal ChannelWriter<StreamItem> Writer => _queue.Writer;

        /// <inheritdoc />
        public void Dispose()
        {
            _hub.Remove(this);
            _queue.Writer.TryComplete();
        }
    }
}
