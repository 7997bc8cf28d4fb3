using System.Threading.Channels;
using DystoniaBot.BotFramework.Schema;

namespace DystoniaBot.DirectLine;

/// <summary>
/// An activity on its way to a socket; typing has no sequence number (it is never stored). Without an activity, news
/// that the log holds activities up to <paramref name="Sequence"/> which the socket reads from the store itself.
/// </summary>
/// <param name="Activity">The activity, or null when only its sequence number is known (stored by another process).</param>
/// <param name="Sequence">Its place in the conversation's log, or null for typing.</param>
public readonly record struct StreamItem(Activity? Activity, long? Sequence);

/// <summary>
/// Tells the WebSockets open on this process about new activities in their conversation, as they are stored: by this
/// process (<see cref="Publish"/>, the activity itself) or by another one sharing the store (<see cref="Announce"/>,
/// only its sequence number).
/// </summary>
/// <remarks>
/// Thread-safe. A slow socket never holds up the others: each has its own bounded queue. Each socket sends every
/// sequence number once and in order, however it hears of it (<see cref="DirectLineStream"/>).
/// </remarks>
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

        Write(subscribers ?? [], item);
    }

    /// <summary>
    /// Tells the conversation's sockets that its log holds activities up to <paramref name="sequence"/>: each reads
    /// from the store whatever it has not sent yet. A conversation nobody listens to here is ignored.
    /// </summary>
    public void Announce(string conversationId, long sequence) => Publish(conversationId, new StreamItem(null, sequence));

    /// <summary>Has every socket read the log after what it has sent, for when news of new activities may have been missed.</summary>
    public void CatchUp()
    {
        Subscription[] subscribers;
        lock (_gate)
        {
            subscribers = [.. _subscribers.Values.SelectMany(s => s)];
        }

        Write(subscribers, new StreamItem(null, long.MaxValue));
    }

    private static void Write(Subscription[] subscribers, StreamItem item)
    {
        foreach (var subscriber in subscribers)
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
