using System.Net;
using Microsoft.Extensions.Options;

namespace DystoniaBot.DirectLine;

/// <summary>
/// How many WebSocket streams may be open at once, per conversation, per client address (per /64 for IPv6, which a
/// single client may rotate through) and on this host: each open socket holds a descriptor and buffers, and without
/// a bound a few hundred of them end the process. A stream over a limit is refused (429) and the rest keep working.
/// </summary>
public sealed class StreamLimits
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _byConversation = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byAddress = new(StringComparer.Ordinal);
    private readonly DirectLineOptions _options;
    private int _open;

    /// <summary>Creates the limits from the Direct Line options.</summary>
    public StreamLimits(IOptions<DirectLineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    /// <summary>Streams open on this host now.</summary>
    public int Open
    {
        get
        {
            lock (_gate)
            {
                return _open;
            }
        }
    }

    /// <summary>A lease for one more stream of <paramref name="conversationId"/> from <paramref name="address"/>, or null and why not.</summary>
    public (Lease? Lease, string? Refusal) TryOpen(string conversationId, IPAddress? address)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var client = ClientAddress.Key(address);
        lock (_gate)
        {
            if (_open >= _options.MaxStreams)
            {
                return (null, "This service has as many open streams as it can hold; try again shortly.");
            }

            if (_byConversation.GetValueOrDefault(conversationId) >= _options.MaxStreamsPerConversation)
            {
                return (null, $"A conversation may have at most {_options.MaxStreamsPerConversation} open streams.");
            }

            if (_byAddress.GetValueOrDefault(client) >= _options.MaxStreamsPerAddress)
            {
                return (null, $"One address may have at most {_options.MaxStreamsPerAddress} open streams.");
            }

            _open++;
            _byConversation[conversationId] = _byConversation.GetValueOrDefault(conversationId) + 1;
            _byAddress[client] = _byAddress.GetValueOrDefault(client) + 1;
            return (new Lease(this, conversationId, client), null);
        }
    }

    private void Close(string conversationId, string client)
    {
        lock (_gate)
        {
            _open--;
            Decrement(_byConversation, conversationId);
            Decrement(_byAddress, client);
        }
    }

    private static void Decrement(Dictionary<string, int> counts, string key)
    {
        if (counts.GetValueOrDefault(key) <= 1)
        {
            counts.Remove(key);
        }
        else
        {
            counts[key]--;
        }
    }

    /// <summary>One open stream; disposing it closes its place.</summary>
    public sealed class Lease : IDisposable
    {
        private readonly StreamLimits _limits;
        private readonly string _conversationId;
        private readonly string _client;
        private int _disposed;

        internal Lease(StreamLimits limits, string conversationId, string client)
        {
            _limits = limits;
            _conversationId = conversationId;
            _client = client;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _limits.Close(_conversationId, _client);
            }
        }
    }
}
