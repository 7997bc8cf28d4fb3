using System.Globalization;
using System.Text.Json;
using DystoniaBot.BotFramework.Builder;
using DystoniaBot.BotFramework.Builder.Teams;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.BotFramework.Schema.Teams;
using DystoniaBot.Conversation.Persistence;
using DystoniaBot.Conversation.Policy;
using DystoniaBot.DirectLine;
using DystoniaBot.Handoff;
using DystoniaBot.Knowledge.Documents;
using DystoniaBot.Knowledge.Search;
using DystoniaBot.Storage;
using Microsoft.Extensions.Options;

namespace DystoniaBot.Web.Bots;

/// <summary>
/// Maps activities to the conversation policy and its replies back to activities; stores what must outlive the
/// turn (state, the conversation reference, ratings). No answering logic lives here.
/// </summary>
public sealed partial class DystoniaBotHandler : TeamsActivityHandler
{
    /// <summary>The reply to a rating.</summary>
    public const string FeedbackThanks = "Thank you for your feedback: it helps us improve the answers.";

    /// <summary>The reply to a first "Not helpful": thanks, and the offer of a person's answer.</summary>
    public const string NotHelpfulThanks = "Thank you for telling me. If you like, our health-line staff can answer your question themselves.";

    /// <summary>The reply to a rating that could not be stored (the database is unreachable).</summary>
    public const string FeedbackNotSaved = "Thank you, but I can't reach our records right now, so your rating wasn't saved. Please try again later.";

    private readonly ConversationPolicy _policy;
    private readonly IConversationStateStore _states;
    private readonly IConversationReferenceStore _references;
    private readonly IFeedbackStore _feedback;
    private readonly TimeProvider _time;
    private readonly ITicketStore _tickets;
    private readonly ILogger<DystoniaBotHandler> _logger;
    private readonly IKnowledgeSearch _search;
    private readonly StarterQuestions _starters;
    private readonly int _maxTextLength;
    private readonly IRetentionStore _erasure;
    private readonly TicketIntake _intake;

    /// <summary>Creates the handler for one turn.</summary>
    public DystoniaBotHandler(ConversationPolicy policy, IConversationStateStore states, IConversationReferenceStore references, IFeedbackStore feedback,
        ITicketStore tickets, TimeProvider time, ILogger<DystoniaBotHandler> logger, IKnowledgeSearch search, StarterQuestions starters,
        IOptions<DirectLineOptions> directLine, IRetentionStore erasure, TicketIntake intake)
    {
        _intake = intake ?? throw new ArgumentNullException(nameof(intake));
        ArgumentNullException.ThrowIfNull(directLine);
        _erasure = erasure ?? throw new ArgumentNullException(nameof(erasure));

        // One limit for every channel: what Direct Line accepts is what a message from Teams or the Emulator may carry.
        _maxTextLength = directLine.Value.MaxTextLength;
        _search = search ?? throw new ArgumentNullException(nameof(search));
        _starters = starters ?? throw new ArgumentNullException(nameof(starters));
        _tickets = tickets ?? throw new ArgumentNullException(nameof(tickets));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _states = states ?? throw new ArgumentNullException(nameof(states));
        _references = references ?? throw new ArgumentNullException(nameof(references));
        _feedback = feedback ?? throw new ArgumentNullException(nameof(feedback));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>
    /// The reply to a message over the length limit: nothing of it is kept or sent to staff, and the person is asked
    /// for a shorter one. An emergency in its first part still gets the emergency reply.
    /// </summary>
    private BotReply TooLong(string text, string? locale)
    {
        var head = _policy.Respond(text[.._maxTextLength], locale, ConversationState.Empty).Reply;
        return head.Kind == ReplyKind.Emergency
            ? head
            : new BotReply(ReplyKind.SmallTalk, string.Create(CultureInfo.InvariantCulture,
                $"That message is {text.Length:N0} characters long, and I can read up to {_maxTextLength:N0}. Could you send a shorter question? A sentence or two is usually enough."),
                null, [], null, false, [], null);
    }

    /// <inheritdoc />
    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var key = StateKey(activity);
        await BestEffortAsync(() => _references.SaveAsync(key, Reference(turnContext), cancellationToken), "conversation reference");

        var question = activity.RemoveRecipientMention();
        if (question.Length > _maxTextLength)
        {
            await turnContext.SendActivityAsync(ReplyActivities.From(TooLong(question, activity.Locale), IsOneToOne(activity), channelId: activity.ChannelId), cancellationToken);
            return;
        }

        if (CardAction(activity) is { } value)
        {
            if (Field(value, AnswerCard.ActionField) == "feedback")
            {
                // The card's fields come back from the client: a passage is kept only if the index has it (or it
                // names a staff answer), and texts no longer than a message may be.
                var passageId = Field(value, "passageId") is { } id && (_search.FindPassage(id) is not null || AnswerCard.IsStaffAnswerPassageId(id)) ? id : null;
                var ratedQuestion = Capped(Field(value, "question"));
                var wasHelpful = value.TryGetProperty("helpful", out var helpful) && helpful.ValueKind == JsonValueKind.True;
                var first = await BestEffortAsync<bool?>(async () => await _feedback.AddAsync(new Feedback(key, ratedQuestion, passageId,
                    wasHelpful, Capped(Field(value, "comment")), _time.GetUtcNow()), cancellationToken), null, "rating");
                await AcknowledgeRatingAsync(turnContext, key, first, wasHelpful, ratedQuestion, cancellationToken);
                return;
            }

            if (Field(value, AnswerCard.ActionField) == "ask")
            {
                question = Capped(Field(value, "question")) ?? question;
            }
        }

        await turnContext.SendActivityAsync(MessageFactory.Typing(), cancellationToken);
        var state = await BestEffortAsync(() => _states.GetAsync(key, cancellationToken), ConversationState.Empty, "conversation state");
        var chosenPassage = CardAction(activity) is { } choice && Field(choice, AnswerCard.ActionField) == "passage" ? Field(choice, "passageId") : null;
        var turn = chosenPassage is null ? _policy.Respond(question, activity.Locale, state) : _policy.ShowPassage(chosenPassage, state);
        var erase = turn.Action is { Kind: HandoffActionKind.EraseConversation };
        var (reply, ticketSent) = turn.Action is { } action ? await HandoffAsync(action, activity, key, cancellationToken) : (turn.Reply, null);
        Operations.BotMetrics.Replied(reply);
        if (!erase && !ReferenceEquals(turn.State, state))
        {
            await BestEffortAsync(() => _states.SetAsync(key, turn.State, cancellationToken), "conversation state");
        }

        var replyActivity = ReplyActivities.From(reply, IsOneToOne(activity), question, activity.ChannelId);
        if (activity.ChannelId == DirectLineChannel.ChannelId && (ticketSent is not null || reply.Kind == ReplyKind.Emergency))
        {
            // The bot's page shows an emergency reply as an alert, and the visitor a link to come back from another
            // device when a question was sent.
            replyActivity = replyActivity with { ChannelData = ticketSent is not null ? ReplyActivities.PageEvent("ticketSent", ticketSent) : ReplyActivities.PageEvent("emergency") };
        }

        var sent = await turnContext.SendActivityAsync(replyActivity, cancellationToken);
        if (turn.Reply.Kind == ReplyKind.Answer && turn.Reply.Answer is { } answer && sent.Id is { } sentId)
        {
            await BestEffortAsync(() => _feedback.RecordAnswerAsync(new SentAnswer(sentId, key, question, answer.Passage.Id), cancellationToken), "sent answer");
        }
    }

    /// <summary>
    /// One rating per answer: the first is thanked (a "not helpful" with an offer to ask the health-line staff, the
    /// question filled in); pressing again only changes it, with no second thanks.
    /// </summary>
    private async Task AcknowledgeRatingAsync(ITurnContext turnContext, string key, bool? first, bool helpful, string? question, CancellationToken cancellationToken)
    {
        if (first is null)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(FeedbackNotSaved), cancellationToken);
            return;
        }

        if (first is false)
        {
            return;
        }

        if (helpful || string.IsNullOrWhiteSpace(question) || !IsOneToOne(turnContext.Activity))
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(FeedbackThanks), cancellationToken);
            return;
        }

        // "Ask a question" then forwards what they asked, as after an answer the bot couldn't give.
        var state = await BestEffortAsync(() => _states.GetAsync(key, cancellationToken), ConversationState.Empty, "conversation state");
        await BestEffortAsync(() => _states.SetAsync(key, state with { LastUnanswered = question }, cancellationToken), "conversation state");
        await turnContext.SendActivityAsync(MessageFactory.Text(NotHelpfulThanks) with
        {
            SuggestedActions = MessageFactory.SuggestedActions([Conversation.Handoff.HandoffDetector.AskButton], string.Empty).SuggestedActions,
        }, cancellationToken);
    }

    /// <summary>
    /// Runs a storage step the answer doesn't depend on. The answer comes from the local index, so when the database
    /// can't be reached the user still gets it — without "tell me more", a pending handoff or a rating's context.
    /// </summary>
    private async Task<T> BestEffortAsync<T>(Func<Task<T>> step, T fallback, string what)
    {
        try
        {
            return await step();
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
            LogStorageSkipped(_logger, what, e);
            return fallback;
        }
    }

    private Task<bool> BestEffortAsync(Func<Task> step, string what) => BestEffortAsync(async () =>
    {
        await step();
        return true;
    }, false, what);

    private static bool IsStorageFailure(Exception e) => e is System.Data.Common.DbException or IOException or TimeoutException;

    /// <summary>Stores the ticket (durably, before the user is told) or reads the user's tickets.</summary>
    /// <returns>The reply, and the reference of the ticket stored, if one was.</returns>
    private async Task<(BotReply Reply, string? TicketSent)> HandoffAsync(HandoffAction action, Activity activity, string key, CancellationToken cancellationToken)
    {
        if (action.Kind == HandoffActionKind.EraseConversation)
        {
            return (await EraseAsync(key, cancellationToken), null);
        }

        if (action.Kind == HandoffActionKind.ListTickets)
        {
            var tickets = await BestEffortAsync<IReadOnlyList<Ticket>?>(async () => await _tickets.ListForConversationAsync(key, 10, cancellationToken), null, "user's questions");
            return (tickets is null ? ConversationPolicy.TicketListUnavailable() : ConversationPolicy.TicketList([.. tickets.Select(t => t.Summary)]), null);
        }

        try
        {
            // Only our own Direct Line knows the visitor's address (for this turn, from the connection, not the activity).
            var channel = activity.ChannelId ?? "unknown";
            var asker = TicketIntake.AskerKey(channel == DirectLineChannel.ChannelId ? DirectLineVisitor.CurrentAddress : null, channel, activity.From?.Id);
            var intake = await _intake.CreateAsync(new NewTicket(key, channel, activity.From?.Id, action.Question!, activity.Locale, asker), cancellationToken);
            if (intake.Ticket is not { } ticket)
            {
                return (intake.Limit == TicketLimit.OpenInConversation ? _policy.TooManyOpenTickets(intake.Max, activity.Locale) : _policy.TooManyTicketsToday(intake.Max, activity.Locale), null);
            }

            Operations.BotMetrics.TicketCreated();
            return (ConversationPolicy.TicketCreated(ticket.Reference, onTheWebPage: activity.ChannelId == DirectLineChannel.ChannelId), ticket.Reference);
        }
        catch (Exception e) when (IsStorageFailure(e) || e is InvalidOperationException)
        {
            // Nothing half-written: the insert is one statement. The user is told plainly and can try again.
            LogTicketNotSaved(_logger, e);
            return (ConversationPolicy.TicketUnavailable(), null);
        }
    }

    /// <summary>The user confirmed "delete my data": everything kept of this conversation goes, and the audit log says so (never what).</summary>
    private async Task<BotReply> EraseAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var deleted = await _erasure.EraseConversationAsync(key, cancellationToken);
            await BestEffortAsync(() => _tickets.AuditAsync("user", "erased their conversation", $"{deleted} rows", cancellationToken), "audit entry");
            return ConversationPolicy.Erased();
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
            LogEraseFailed(_logger, e);
            return ConversationPolicy.EraseUnavailable();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A user's request to delete their conversation could not be carried out; they were told nothing was deleted")]
    private static partial void LogEraseFailed(ILogger logger, Exception exception);

    /// <inheritdoc />
    protected override Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;

        // Teams announces the bot's installation in a team or group chat with the bot alone in membersAdded, which
        // ActivityHandler (like the SDK's) does not pass on: that is the one moment to greet a team.
        return activity.MembersAdded is { Count: > 0 } added && !IsOneToOne(activity) && added.All(m => m?.Id == activity.Recipient?.Id)
            ? OnMembersAddedAsync(added, turnContext, cancellationToken)
            : base.OnConversationUpdateActivityAsync(turnContext, cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membersAdded);
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var botJoined = membersAdded.Any(m => m?.Id == activity.Recipient?.Id);

        // In a 1:1 chat greet the user who joins; in a team or group greet once, when the bot itself is added,
        // never for every member who joins later.
        if (IsOneToOne(activity) ? membersAdded.Any(m => m is not null && m.Id != activity.Recipient?.Id) : botJoined)
        {
            await _references.SaveAsync(StateKey(activity), Reference(turnContext), cancellationToken);
            await turnContext.SendActivityAsync(ReplyActivities.From(_policy.Welcome(), IsOneToOne(activity)), cancellationToken);
        }
    }

    /// <inheritdoc />
    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (activity.Name != "message/submitAction" || activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("actionValue", out var actionValue) || actionValue.ValueKind != JsonValueKind.Object)
        {
            return await base.OnInvokeActivityAsync(turnContext, cancellationToken);
        }

        // Teams' own thumbs up/down under a bot message: the rated answer is found by the message it replies to.
        var key = StateKey(activity);
        var answer = activity.ReplyToId is { } replyTo
            ? await BestEffortAsync(() => _feedback.FindAnswerAsync(key, replyTo, cancellationToken), null, "rated answer")
            : null;
        var comment = Capped(Field(actionValue, "feedback"));
        if (!await BestEffortAsync(() => _feedback.AddAsync(new Feedback(key, answer?.Question, answer?.PassageId, Field(actionValue, "reaction") == "like", comment,
            _time.GetUtcNow()), cancellationToken), "rating"))
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(FeedbackNotSaved), cancellationToken);
        }

        return new InvokeResponse(200);
    }

    /// <inheritdoc />
    protected override Task<MessagingExtensionResponse> OnTeamsMessagingExtensionQueryAsync(ITurnContext turnContext, MessagingExtensionQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(SearchExtensionResults.Create(query, _search, _starters));

    private static JsonElement? CardAction(Activity activity) =>
        activity.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(AnswerCard.ActionField, out _) ? value : null;

    private static string? Field(JsonElement value, string name) =>
        value.TryGetProperty(name, out var field) && field.ValueKind == JsonValueKind.String ? field.GetString() : null;

    /// <summary>A field a client filled in, no longer than a message may be: what is stored of it is bounded too.</summary>
    private string? Capped(string? field) => field is { Length: var length } && length > _maxTextLength ? field[.._maxTextLength] : field;

    private static bool IsOneToOne(Activity activity) =>
        activity.Conversation?.IsGroup != true && activity.Conversation?.ConversationType is null or "personal";

    private static string StateKey(Activity activity) => $"{activity.ChannelId}/{activity.Conversation?.Id}";

    /// <summary>The turn's reference, marked when no token vouched for it (so a staff answer never carries the bot's token there).</summary>
    private static StoredConversationReference Reference(ITurnContext turnContext) =>
        new(turnContext.Activity.GetConversationReference(), turnContext.IsAnonymous);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database could not be reached for the {What}; the turn went on without it")]
    private static partial void LogStorageSkipped(ILogger logger, string what, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A ticket could not be saved; the user was asked to try again")]
    private static partial void LogTicketNotSaved(ILogger logger, Exception exception);
}
