using DystoniaBot.DirectLine;
using DystoniaBot.Handoff;
using Microsoft.Extensions.Options;

namespace DystoniaBot.Storage;

/// <summary>
/// Deletes what users wrote once it is past its retention period: Direct Line conversations idle for
/// <c>DirectLine:RetentionDays</c>, tickets (question and answer) older than <c>Handoff:RetentionDays</c>.
/// </summary>
public sealed partial class RetentionService : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private readonly IDirectLineStore _conversations;
    private readonly ITicketStore _tickets;
    private readonly DirectLineOptions _directLine;
    private readonly HandoffOptions _handoff;
    private readonly TimeProvider _time;
    private readonly ILogger<RetentionService> _logger;

    /// <summary>Creates the service.</summary>
    public RetentionService(IDirectLineStore conversations, ITicketStore tickets, IOptions<DirectLineOptions> directLine, IOptions<HandoffOptions> handoff,
        TimeProvider time, ILogger<RetentionService> logger)
    {
        ArgumentNullException.ThrowIfNull(directLine);
        ArgumentNullException.ThrowIfNull(handoff);
        _conversations = conversations ?? throw new ArgumentNullException(nameof(conversations));
        _tickets = tickets ?? throw new ArgumentNullException(nameof(tickets));
        _directLine = directLine.Value;
        _handoff = handoff.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Deletes what is past its retention period now; returns how many conversations and tickets went.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        return await _conversations.DeleteInactiveSinceAsync(now.AddDays(-_directLine.RetentionDays), cancellationToken)
            + await _tickets.DeleteCreatedBeforeAsync(now.AddDays(-_handoff.RetentionDays), cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, _time);
        do
        {
            try
            {
                var deleted = await SweepAsync(stoppingToken);
                if (deleted > 0)
                {
                    LogDeleted(_logger, deleted);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(_logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} conversations and tickets past their retention period")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting old conversations and tickets failed; trying again in an hour")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
