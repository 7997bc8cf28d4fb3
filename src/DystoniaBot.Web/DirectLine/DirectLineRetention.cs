using Microsoft.Extensions.Options;

namespace DystoniaBot.Web.DirectLine;

/// <summary>Deletes Direct Line conversations (and their text) once they have been idle for the retention period.</summary>
public sealed partial class DirectLineRetention : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private readonly IDirectLineStore _store;
    private readonly DirectLineOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DirectLineRetention> _logger;

    /// <summary>Creates the service.</summary>
    public DirectLineRetention(IDirectLineStore store, IOptions<DirectLineOptions> options, TimeProvider time, ILogger<DirectLineRetention> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _options = options.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Deletes what is past the retention period now; returns how many conversations went.</summary>
    public Task<int> SweepAsync(CancellationToken cancellationToken) =>
        _store.DeleteInactiveSinceAsync(_time.GetUtcNow().AddDays(-_options.RetentionDays), cancellationToken);

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
                    LogDeleted(_logger, deleted, _options.RetentionDays);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(_logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} Direct Line conversations idle for more than {Days} days")]
    private static partial void LogDeleted(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting old Direct Line conversations failed; trying again in an hour")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
