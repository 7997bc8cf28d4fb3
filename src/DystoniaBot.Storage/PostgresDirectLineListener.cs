using DystoniaBot.DirectLine;
using Npgsql;

namespace DystoniaBot.Storage;

/// <summary>
/// Pushes what other processes store to the Direct Line sockets open on this one: while the Direct Line store is
/// PostgreSQL, one connection of its own LISTENs for every append (this process's own included, which its sockets
/// skip) and tells the <see cref="DirectLineHub"/>, whose sockets read from the log what they have not sent; typing,
/// never stored, comes with its notice and goes to the sockets as it is (another process's only).
/// </summary>
/// <remarks>
/// A lost connection is opened again after growing pauses; notices sent meanwhile are lost, so once it listens again
/// every socket catches up from the log. With SQLite there is one process, which pushes what it stores itself, and
/// this service does nothing.
/// </remarks>
public sealed partial class PostgresDirectLineListener : BackgroundService
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(30);

    // A query after this much silence finds a connection that died without a word (a dropped network path).
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(30);
    private readonly PostgresStore? _store;
    private readonly DirectLineHub _hub;
    private readonly TimeProvider _time;
    private readonly ILogger<PostgresDirectLineListener> _logger;

    /// <summary>Creates the service; it listens only when <paramref name="store"/> is the PostgreSQL store.</summary>
    public PostgresDirectLineListener(IDirectLineStore store, DirectLineHub hub, TimeProvider time, ILogger<PostgresDirectLineListener> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store as PostgresStore;
        _hub = hub ?? throw new ArgumentNullException(nameof(hub));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_store is null)
        {
            return;
        }

        var pause = FirstPause;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _store.ListenAsync(stoppingToken);
                connection.Notification += OnNotification;

                // Listening from here on: whatever was stored before (while the connection was down) comes from the log.
                _hub.CatchUp();
                LogListening(_logger);
                pause = FirstPause;
                while (true)
                {
                    if (!await connection.WaitAsync(Heartbeat, stoppingToken))
                    {
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteNonQueryAsync(stoppingToken);
                    }
                }
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever broke the connection (the server restarted, the backend was ended, the network), listening
                // matters more than the cause: try again, and meanwhile sockets still get what this process stores.
                LogLost(_logger, pause.TotalSeconds, e);
                await Task.Delay(pause, _time, stoppingToken);
                pause = TimeSpan.FromTicks(Math.Min(MaxPause.Ticks, pause.Ticks * 2));
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (e.Channel == DirectLineNotices.Channel && DirectLineNotices.TryParse(e.Payload, out var conversationId, out var sequence))
        {
            _hub.Announce(conversationId, sequence);
        }
        else if (e.Channel == DirectLineNotices.Channel && DirectLineNotices.TryParseTyping(e.Payload, out var origin, out conversationId, out var typing))
        {
            // This process's own sockets were handed its typing when it was sent.
            if (origin != _store!.InstanceId)
            {
                _hub.Publish(conversationId, new StreamItem(typing, null));
            }
        }
        else
        {
            LogUnreadable(_logger, e.Channel);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for Direct Line activities stored by any instance")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Direct Line listening connection failed; opening it again in {Seconds} s")]
    private static partial void LogLost(ILogger logger, double seconds, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored a notice on channel {Channel} that is not a Direct Line activity")]
    private static partial void LogUnreadable(ILogger logger, string channel);
}
