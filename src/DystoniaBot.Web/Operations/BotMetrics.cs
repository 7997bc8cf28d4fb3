using System.Diagnostics;
using System.Diagnostics.Metrics;
using DystoniaBot.BotFramework.Builder;
using DystoniaBot.Conversation.Policy;

namespace DystoniaBot.Web.Operations;

/// <summary>
/// The bot's own telemetry, the meter and activity source <c>DystoniaBot</c>: turns, replies by kind, turn duration,
/// abstentions, red flags and tickets. Never the user's words: every tag comes from a small fixed set.
/// </summary>
/// <remarks>
/// A turn is measured around the bot (<see cref="MeasuredBot"/>); the bot tells what it replied with one static call
/// (<see cref="Replied"/>), which lands on the turn in flight through an async-local, so the bot needs no extra
/// dependency. Thread-safe; one per host.
/// </remarks>
public sealed class BotMetrics
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "DystoniaBot";

    private static readonly ActivitySource Source = new(Name);
    private static readonly AsyncLocal<TurnRecord?> CurrentTurn = new();

    private readonly Counter<long> _turns;
    private readonly Counter<long> _replies;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _abstentions;
    private readonly Counter<long> _redFlags;
    private readonly Counter<long> _tickets;

    /// <summary>Creates the instruments on this host's meter.</summary>
    public BotMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(Name);
        _turns = meter.CreateCounter<long>("dystoniabot.turns", "{turn}", "Activities the bot handled, by activity type and reply kind");
        _replies = meter.CreateCounter<long>("dystoniabot.replies", "{reply}", "Replies to messages by kind: answer, no_answer, emergency, smalltalk, handoff");
        _duration = meter.CreateHistogram<double>("dystoniabot.turn.duration", "s", "Time the bot took over a turn, replies sent included",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _abstentions = meter.CreateCounter<long>("dystoniabot.abstentions", "{reply}", "Questions the bot declined to answer: no passage was confident enough");
        _redFlags = meter.CreateCounter<long>("dystoniabot.red_flags", "{reply}", "Messages answered with emergency numbers only, by red-flag kind");
        _tickets = meter.CreateCounter<long>("dystoniabot.tickets.created", "{ticket}", "Questions stored for health-line staff");
    }

    /// <summary>Records the reply chosen for the message of the turn in flight (nothing outside a measured turn).</summary>
    public static void Replied(BotReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        CurrentTurn.Value?.Reply = reply;
    }

    /// <summary>Records that the turn in flight stored a ticket for staff.</summary>
    public static void TicketCreated() => CurrentTurn.Value?.TicketCreated = true;

    /// <summary>Runs one turn of the bot, timed, in a trace span, and records what it replied.</summary>
    internal async Task MeasureAsync(ITurnContext turnContext, Func<Task> turn)
    {
        var activityType = ActivityType(turnContext.Activity.Type);
        using var span = Source.StartActivity("bot turn", ActivityKind.Internal);
        span?.SetTag("bot.activity.type", activityType);
        var record = new TurnRecord();
        CurrentTurn.Value = record;
        var started = Stopwatch.GetTimestamp();
        string kind;
        try
        {
            await turn();
            kind = record.Reply is { } reply ? Kind(reply.Kind) : "none";
        }
        catch (Exception e)
        {
            kind = "error";
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
        finally
        {
            CurrentTurn.Value = null;
        }

        var tags = new TagList { { "bot.activity.type", activityType }, { "bot.reply.kind", kind } };
        span?.SetTag("bot.reply.kind", kind);
        _turns.Add(1, tags);
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        Record(record);
    }

    private void Record(TurnRecord record)
    {
        if (record.Reply is { } reply)
        {
            _replies.Add(1, new KeyValuePair<string, object?>("bot.reply.kind", Kind(reply.Kind)));
            if (reply.Kind == ReplyKind.NoAnswer)
            {
                _abstentions.Add(1);
            }

            if (reply.RedFlag is { } redFlag)
            {
                _redFlags.Add(1, new KeyValuePair<string, object?>("bot.red_flag.kind", redFlag.Kind == Conversation.Safety.RedFlagKind.Crisis ? "crisis" : "emergency"));
            }
        }

        if (record.TicketCreated)
        {
            _tickets.Add(1);
        }
    }

    private static string Kind(ReplyKind kind) => kind switch
    {
        ReplyKind.Answer => "answer",
        ReplyKind.NoAnswer => "no_answer",
        ReplyKind.Emergency => "emergency",
        ReplyKind.SmallTalk => "smalltalk",
        ReplyKind.Handoff => "handoff",
        _ => "other",
    };

    // The activity type comes from the request: only the protocol's known types become tags.
    private static string ActivityType(string? type) => type switch
    {
        "message" or "conversationUpdate" or "invoke" or "typing" or "messageReaction" or "installationUpdate" or "event" => type,
        _ => "other",
    };

    private sealed class TurnRecord
    {
        public BotReply? Reply { get; set; }

        public bool TicketCreated { get; set; }
    }
}

/// <summary>The bot, measured by <see cref="BotMetrics"/>.</summary>
internal sealed class MeasuredBot(IBot bot, BotMetrics metrics) : IBot
{
    /// <inheritdoc />
    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return metrics.MeasureAsync(turnContext, () => bot.OnTurnAsync(turnContext, cancellationToken));
    }
}
