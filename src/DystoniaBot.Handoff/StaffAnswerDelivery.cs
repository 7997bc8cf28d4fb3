using DystoniaBot.BotFramework.Builder;
using DystoniaBot.BotFramework.Connector;
using DystoniaBot.BotFramework.Connector.Authentication;
using DystoniaBot.BotFramework.Schema;
using Microsoft.Extensions.Options;

namespace DystoniaBot.Handoff;

/// <summary>
/// Delivers staff answers, and the messages saying staff closed a question, into the askers' chats through the
/// Connector API, from the stored conversation reference:
/// due answers are tried at once and then with growing pauses until they get through, across restarts, since what is
/// due lives in the ticket store. An answer is marked delivered only after the channel accepted it.
/// </summary>
public sealed partial class StaffAnswerDelivery : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxPause = TimeSpan.FromHours(1);
    private const int MaxPerRound = 50;
    private readonly ITicketStore _tickets;
    private readonly IConversationReferenceStore _references;
    private readonly IConnectorClient _connector;
    private readonly IStaffAnswerMessages _messages;
    private readonly BotFrameworkAuthentication _authentication;
    private readonly TimeProvider _time;
    private readonly ILogger<StaffAnswerDelivery> _logger;
    private readonly TimeSpan _lease;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Creates the service.</summary>
    public StaffAnswerDelivery(ITicketStore tickets, IConversationReferenceStore references, IConnectorClient connector, IStaffAnswerMessages messages,
        BotFrameworkAuthentication authentication, IOptions<HandoffOptions> options, TimeProvider time, ILogger<StaffAnswerDelivery> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _lease = options.Value.DeliveryLease;
        _tickets = tickets ?? throw new ArgumentNullException(nameof(tickets));
        _references = references ?? throw new ArgumentNullException(nameof(references));
        _connector = connector ?? throw new ArgumentNullException(nameof(connector));
        _messages = messages ?? throw new ArgumentNullException(nameof(messages));
        _authentication = authentication ?? throw new ArgumentNullException(nameof(authentication));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Asks for a delivery round now (a staff member just answered).</summary>
    public void Wake() => _wake.Release();

    /// <summary>Tries every due delivery once; returns how many got through.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            // One answer claimed at a time, so each claim only has to outlast one delivery.
            var delivered = 0;
            for (var round = 0; round < MaxPerRound; round++)
            {
                var due = await _tickets.ClaimDueDeliveriesAsync(_time.GetUtcNow(), _lease, 1, cancellationToken);
                if (due.Count == 0)
                {
                    break;
                }

                delivered += await DeliverAsync(due[0], cancellationToken) ? 1 : 0;
            }

            return delivered;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _wake.Dispose();
        _oneAtATime.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
                await _wake.WaitAsync(Idle, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is System.Data.Common.DbException or IOException or InvalidOperationException)
            {
                // The store is unavailable: the answers stay due and the next round tries again.
                LogRoundFailed(_logger, e);
                await Task.Delay(Idle, _time, stoppingToken);
            }
        }
    }

    private async Task<bool> DeliverAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        try
        {
            var stored = await _references.FindAsync(ticket.ConversationKey, cancellationToken)
                ?? throw new InvalidOperationException("no conversation reference is stored for the chat");
            var reference = stored.Reference;

            // A reference stored from a validated turn names a service URL the bot may send its token to; one stored
            // from a request without a token (while the bot had no app id) names whatever its sender chose, so the
            // bot's credentials are never used with it.
            if (_authentication is ParameterizedBotFrameworkAuthentication validated && reference.ServiceUrl is { } serviceUrl)
            {
                if (stored.FromAnonymousRequest)
                {
                    throw new UnauthorizedAccessException(
                        "the chat's reference came from a request without a token, and the bot's credentials are never sent with one; the user can ask again");
                }

                validated.TrustServiceUrl(serviceUrl);
            }

            var activity = _messages.Create(ticket) with
            {
                // The same id on every round and after a restart, so a channel that took the answer before we could
                // record it can recognise the repeat (see ConnectorClient).
                Id = (ticket.Status == Conversation.Handoff.TicketStatus.Closed ? "staff-close-" : "staff-answer-") + ticket.Reference,
                ChannelId = reference.ChannelId,
                ServiceUrl = reference.ServiceUrl,
                Conversation = reference.Conversation,
                From = reference.Bot,
                Recipient = reference.User,
                Locale = reference.Locale ?? ticket.Locale,
            };
            await _connector.SendAsync(activity, cancellationToken);
            await _tickets.MarkDeliveredAsync(ticket.Reference, cancellationToken);
            await _tickets.AuditAsync("system", "delivered", ticket.Reference, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or UnauthorizedAccessException or ArgumentException or TaskCanceledException
            && !cancellationToken.IsCancellationRequested)
        {
            // Never the text: the reason is the kind of failure and the channel's status.
            var reason = e is HttpRequestException { StatusCode: { } status } ? $"channel answered {(int)status}" : e.GetType().Name + ": " + e.Message;
            var pause = TimeSpan.FromSeconds(Math.Min(MaxPause.TotalSeconds, 30 * Math.Pow(2, ticket.DeliveryAttempts)));
            await _tickets.MarkDeliveryFailedAsync(ticket.Reference, reason, _time.GetUtcNow() + pause, cancellationToken);
            LogNotDelivered(_logger, ticket.Reference, ticket.DeliveryAttempts + 1, reason);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff answer {Reference} not delivered (try {Attempt}): {Reason}; will try again")]
    private static partial void LogNotDelivered(ILogger logger, string reference, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A delivery round of staff answers failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
