using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.BotFramework.Serialization;

namespace DystoniaBot.DirectLine;

/// <summary>
/// One open WebSocket of a conversation: first what the log holds after the client's watermark, then every new
/// activity as it is stored (and typing, which is never stored), with an empty message when idle to keep proxies and
/// the browser from dropping the connection. Activities go out once each, in the log's order, however the hub heard
/// of them: what was sent already is skipped, and what another process stored is read from the log. Typing keeps its
/// place among them, in the order the hub heard of it.
/// </summary>
internal sealed partial class DirectLineStream
{
    private readonly WebSocket _socket;
    private readonly DirectLineChannel _channel;
    private readonly DirectLineHub _hub;
    private readonly string _conversationId;
    private readonly ILogger _logger;

    public DirectLineStream(WebSocket socket, DirectLineChannel channel, DirectLineHub hub, string conversationId, ILogger logger)
    {
        _socket = socket;
        _channel = channel;
        _hub = hub;
        _conversationId = conversationId;
        _logger = logger;
    }

    public async Task RunAsync(long watermark, CancellationToken cancellationToken)
    {
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var receiving = ReceiveUntilClosedAsync(closed);

        // Subscribe before reading the log, so nothing stored in between is missed; what both deliver is skipped.
        using var subscription = _hub.Subscribe(_conversationId);
        try
        {
            var sent = await SendBacklogAsync(watermark, long.MaxValue, closed.Token);
            while (!closed.IsCancellationRequested)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(closed.Token);
                idle.CancelAfter(_channel.Options.KeepAliveInterval);
                bool more;
                try
                {
                    more = await subscription.Reader.WaitToReadAsync(idle.Token);
                }
                catch (OperationCanceledException) when (!closed.IsCancellationRequested)
                {
                    await SendAsync(ReadOnlyMemory<byte>.Empty, closed.Token);
                    continue;
                }

                if (!more)
                {
                    break;
                }

                while (subscription.Reader.TryRead(out var item))
                {
                    if (item.Sequence is not { } sequence)
                    {
                        if (item.Activity is { } typing)
                        {
                            await SendAsync(Serialize([typing], null), closed.Token);
                        }

                        continue;
                    }

                    // Already sent: this process stored it and heard of it again from the database, or the backlog had it.
                    if (sequence <= sent)
                    {
                        continue;
                    }

                    if (item.Activity is not { } activity || sequence > sent + 1)
                    {
                        // Stored by another process, or the queue overflowed: read from the log rather than skip anything,
                        // but no further than this item. What was stored after it has an item of its own later in the
                        // queue, behind any typing sent in between: read now, the bot's reply would reach the socket
                        // before the typing that preceded it.
                        sent = await SendBacklogAsync(sent, sequence, closed.Token);
                        continue;
                    }

                    sent = sequence;
                    await SendAsync(Serialize([activity], sequence), closed.Token);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client went away or the host is stopping.
        }
        finally
        {
            await closed.CancelAsync();
            await receiving;
            await CloseAsync();
        }
    }

    /// <summary>Sends what the log holds after <paramref name="watermark"/> up to sequence <paramref name="upTo"/>; returns the last sequence sent.</summary>
    private async Task<long> SendBacklogAsync(long watermark, long upTo, CancellationToken cancellationToken)
    {
        while (watermark < upTo)
        {
            // Sequence numbers have no gaps (an append that fails takes none), so a count of rows stops at upTo.
            var set = await _channel.Store.ReadAsync(_conversationId, watermark, (int)Math.Min(_channel.Options.PageSize, upTo - watermark), cancellationToken);
            if (set.Activities.Count == 0)
            {
                return watermark;
            }

            await SendAsync(Serialize(set.Activities, set.Watermark), cancellationToken);
            watermark = set.Watermark;
        }

        return watermark;
    }

    private static byte[] Serialize(IReadOnlyList<Activity> activities, long? watermark) =>
        JsonSerializer.SerializeToUtf8Bytes(new ActivitySetJson(activities, watermark?.ToString(CultureInfo.InvariantCulture)), ProtocolJson.Options);

    private Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken) =>
        _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).AsTask();

    /// <summary>Reads (and ignores) what the client sends, its empty pings included, until it closes.</summary>
    private async Task ReceiveUntilClosedAsync(CancellationTokenSource closed)
    {
        var buffer = new byte[1024];
        try
        {
            while (!closed.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer, closed.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Closed from either side.
        }
        finally
        {
            await closed.CancelAsync();
        }
    }

    private async Task CloseAsync()
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                LogCloseFailed(_logger);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A Direct Line socket could not be closed cleanly")]
    private static partial void LogCloseFailed(ILogger logger);
}
