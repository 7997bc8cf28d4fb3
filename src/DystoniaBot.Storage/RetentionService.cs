using DystoniaBot.DirectLine;
using DystoniaBot.Handoff;
using Microsoft.Extensions.Options;

namespace DystoniaBot.Storage;

/// <summary>
/// Deletes what users and staff wrote once it is past its retention period, every table by its own rule: Direct Line
/// conversations idle for <c>DirectLine:RetentionDays</c>; tickets (question and answer) older than
/// <c>Handoff:RetentionDays</c>, and curated answers waiting for review (or sent back) as long after they were submitted;
/// conversation state, sent answers and conversation references not written for
/// <c>Storage:ConversationRetentionDays</c> (a reference stays while its conversation has a ticket); ratings older
/// than <c>Storage:FeedbackRetentionDays</c>; audit entries older than <c>Storage:AuditRetentionDays</c>; counts of failed
/// staff sign-ins a day after their last failure. The Direct
/// Line signing key is not user data and stays.
/// </summary>
public sealed partial class RetentionService : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private readonly IDirectLineStore _conversations;
    private readonly ITicketStore _tickets;
    private readonly ICuratedSubmissionStore _submissions;
    private readonly IRetentionStore _rest;
    private readonly IRevokedSessions _revokedSessions;
    private readonly ISignInFailures _signInFailures;
    private readonly StorageOptions _storage;
    private readonly DirectLineOptions _directLine;
    private readonly HandoffOptions _handoff;
    private readonly TimeProvider _time;
    private readonly ILogger<RetentionService> _logger;

    /// <summary>Creates the service.</summary>
    public RetentionService(IDirectLineStore conversations, ITicketStore tickets, ICuratedSubmissionStore submissions, IRetentionStore rest, IRevokedSessions revokedSessions, ISignInFailures signInFailures,
        IOptions<DirectLineOptions> directLine, IOptions<HandoffOptions> handoff, IOptions<StorageOptions> storage, TimeProvider time, ILogger<RetentionService> logger)
    {
        _revokedSessions = revokedSessions ?? throw new ArgumentNullException(nameof(revokedSessions));
        _signInFailures = signInFailures ?? throw new ArgumentNullException(nameof(signInFailures));
        ArgumentNullException.ThrowIfNull(storage);
        _storage = storage.Value;
        _rest = rest ?? throw new ArgumentNullException(nameof(rest));
        _submissions = submissions ?? throw new ArgumentNullException(nameof(submissions));
        ArgumentNullException.ThrowIfNull(directLine);
        ArgumentNullException.ThrowIfNull(handoff);
        _conversations = conversations ?? throw new ArgumentNullException(nameof(conversations));
        _tickets = tickets ?? throw new ArgumentNullException(nameof(tickets));
        _directLine = directLine.Value;
        _handoff = handoff.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Deletes what is past its retention period now; returns how many conversations, tickets and rows went.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        return await _conversations.DeleteInactiveSinceAsync(now.AddDays(-_directLine.RetentionDays), cancellationToken)
            + await _tickets.DeleteCreatedBeforeAsync(now.AddDays(-_handoff.RetentionDays), cancellationToken)
            + await _submissions.DeleteSubmissionsBeforeAsync(now.AddDays(-_handoff.RetentionDays), cancellationToken)
            + await _rest.DeleteConversationDataBeforeAsync(now.AddDays(-_storage.ConversationRetentionDays), cancellationToken)
            + await _rest.DeleteFeedbackBeforeAsync(now.AddDays(-_storage.FeedbackRetentionDays), cancellationToken)
            + await _rest.DeleteAuditBeforeAsync(now.AddDays(-_storage.AuditRetentionDays), cancellationToken)
            + await _revokedSessions.DeleteExpiredRevocationsAsync(now, cancellationToken)
            + await _signInFailures.DeleteSignInFailuresBeforeAsync(now - ISignInFailures.RememberedFor, cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} conversations, tickets and other rows past their retention period")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting old conversations and tickets failed; trying again in an hour")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
