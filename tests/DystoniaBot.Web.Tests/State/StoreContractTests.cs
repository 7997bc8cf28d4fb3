using DystoniaBot.BotFramework.Schema;
using DystoniaBot.Conversation.Handoff;
using DystoniaBot.Conversation.Policy;
using DystoniaBot.Web.State;

namespace DystoniaBot.Web.Tests.State;

/// <summary>One store of every kind the host uses, and what to dispose.</summary>
public sealed record StoreUnderTest(
    ITicketStore Tickets, IFeedbackStore Feedback, IConversationReferenceStore References, IConversationStateStore States, IDisposable Owner)
{
    public static StoreUnderTest Of<TStore>(TStore store)
        where TStore : ITicketStore, IFeedbackStore, IConversationReferenceStore, IConversationStateStore, IDisposable =>
        new(store, store, store, store, store);
}

/// <summary>
/// What every store must do, whatever the database: each storage engine's test class inherits these tests and says
/// only how to open a store on a new empty database.
/// </summary>
public abstract class StoreContractTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly List<StoreUnderTest> _opened = [];

    private StoreUnderTest Store => _opened[0];

    private ITicketStore Tickets => Store.Tickets;

    /// <summary>Opens a store on a new, empty database.</summary>
    protected abstract Task<StoreUnderTest> OpenNewAsync();

    /// <summary>Opens a second store on the database of the first, as another process would.</summary>
    protected abstract Task<StoreUnderTest> OpenAgainAsync();

    public async Task InitializeAsync() => _opened.Add(await OpenNewAsync());

    public Task DisposeAsync()
    {
        foreach (var store in _opened)
        {
            store.Owner.Dispose();
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task CreateAsync_ShouldStoreAnOpenTicket_WithANewReference()
    {
        var first = await Tickets.CreateAsync(new NewTicket("directline/c1", "directline", "u1", "Can dystonia affect my voice?", "en-GB"), None);
        var second = await Tickets.CreateAsync(new NewTicket("msteams/c2", "msteams", null, "Is it inherited?", null), None);

        Assert.Matches("^Q-[0-9A-HJKMNP-TV-Z]{6}$", first.Reference);
        Assert.NotEqual(first.Reference, second.Reference);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(("directline/c1", "directline", "u1", "Can dystonia affect my voice?", "en-GB"),
            (first.ConversationKey, first.ChannelId, first.UserId, first.Question, first.Locale));
        Assert.Equal((TicketStatus.Open, DeliveryStatus.None, 0), (first.Status, first.Delivery, first.DeliveryAttempts));
        Assert.Null(first.Answer);
        Assert.Null(first.AnsweredAt);
        Assert.Null(first.NextDeliveryAt);
        Assert.InRange(first.CreatedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Null(second.UserId);
        Assert.Null(second.Locale);
    }

    [Fact]
    public async Task CreateAsync_ShouldBeStored_BeforeItReturns()
    {
        var ticket = await Tickets.CreateAsync(new NewTicket("directline/c1", "directline", "u1", "Is it inherited?", null), None);
        await Tickets.AuditAsync("Nurse Ada", "answer", ticket.Reference, None);

        var other = await OpenAgainAsync();
        _opened.Add(other);

        Assert.Equal(ticket, await other.Tickets.FindTicketAsync(ticket.Reference, None));
        Assert.Single(await other.Tickets.ListAuditAsync(10, None));
    }

    [Fact]
    public async Task CreateAsync_ShouldKeepTheQuestion_WhenItHoldsControlCharacters()
    {
        var ticket = await Tickets.CreateAsync(new NewTicket("directline/c1", "directline", "u1", "voice\0 and\u0001 tremor?", null), None);

        var found = await Tickets.FindTicketAsync(ticket.Reference, None);

        Assert.NotNull(found);
        Assert.StartsWith("voice", found.Question, StringComparison.Ordinal);
        Assert.EndsWith(" and\u0001 tremor?", found.Question, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindTicketAsync_ShouldReturnNull_WhenTheReferenceIsUnknown()
    {
        await Tickets.CreateAsync(new NewTicket("directline/c1", "directline", "u1", "Is it inherited?", null), None);

        Assert.Null(await Tickets.FindTicketAsync("Q-000000", None));
        Assert.Null(await Tickets.FindTicketAsync("'; DROP TABLE ticket; --", None));
    }

    [Fact]
    public async Task ListForConversationAsync_ShouldListThatChatsTickets_NewestFirst()
    {
        var older = await Tickets.CreateAsync(new NewTicket("directline/mine", "directline", "u1", "first", null), None);
        await Tickets.CreateAsync(new NewTicket("directline/other", "directline", "u2", "not mine", null), None);
        var newer = await Tickets.CreateAsync(new NewTicket("directline/mine", "directline", "u1", "second", null), None);
        var newest = await Tickets.CreateAsync(new NewTicket("directline/mine", "directline", "u1", "third", null), None);

        Assert.Equal([newest.Reference, newer.Reference, older.Reference],
            (await Tickets.ListForConversationAsync("directline/mine", 10, None)).Select(t => t.Reference));
        Assert.Equal([newest.Reference, newer.Reference], (await Tickets.ListForConversationAsync("directline/mine", 2, None)).Select(t => t.Reference));
        Assert.Empty(await Tickets.ListForConversationAsync("directline/nobody", 10, None));
    }

    [Fact]
    public async Task ListAsync_ShouldListOldestFirst_OfOneStatusOrAll()
    {
        var first = await Tickets.CreateAsync(new NewTicket("directline/a", "directline", "u1", "first", null), None);
        var second = await Tickets.CreateAsync(new NewTicket("directline/b", "directline", "u2", "second", null), None);
        var third = await Tickets.CreateAsync(new NewTicket("directline/c", "directline", "u3", "third", null), None);
        await Tickets.AnswerAsync(second.Reference, "an answer", "Nurse Ada", None);

        Assert.Equal([first.Reference, second.Reference, third.Reference], (await Tickets.ListAsync(null, 10, None)).Select(t => t.Reference));
        Assert.Equal([first.Reference, third.Reference], (await Tickets.ListAsync(TicketStatus.Open, 10, None)).Select(t => t.Reference));
        Assert.Equal([second.Reference], (await Tickets.ListAsync(TicketStatus.Answered, 10, None)).Select(t => t.Reference));
        Assert.Equal([first.Reference], (await Tickets.ListAsync(TicketStatus.Open, 1, None)).Select(t => t.Reference));
        Assert.Empty(await Tickets.ListAsync(TicketStatus.Closed, 10, None));
    }

    [Fact]
    public async Task AnswerAsync_ShouldAnswerAnOpenTicketOnce_AndQueueItsDelivery()
    {
        var ticket = await Tickets.CreateAsync(new NewTicket("directline/c1", "directline", "u1", "Is it inherited?", null), None);

        var answered = await Tickets.AnswerAsync(ticket.Reference, "Some forms are.", "Nurse Ada", None);
        var again = await Tickets.AnswerAsync(ticket.Reference, "Another answer.", "Dr Lee", None);

        Assert.NotNull(answered);
        Assert.Null(again);
        Assert.Equal((TicketStatus.Answered, "Some forms are.", "Nurse Ada", DeliveryStatus.Pending, 0),
            (answered.Status, answered.Answer, answered.AnsweredBy, answered.Delivery, answered.DeliveryAttempts));
        Assert.NotNull(answered.AnsweredAt);
        Assert.Equal(answered.AnsweredAt, answered.NextDeliveryAt);
        Assert.Equal(answered, await Tickets.FindTicketAsync(ticket.Reference, None));
        Assert.Equal([ticket.Reference], (await Tickets.DueDeliveriesAsync(DateTimeOffset.UtcNow.AddSeconds(1), 10, None)).Select(t => t.Reference));
        Assert.Null(await Tickets.AnswerAsync("Q-000000", "Nobody's.", "Nurse Ada", None));
    }

    [Fact]
    public async Task CloseAsync_ShouldCloseOnlyAnOpenTicket_WithNothingToDeliver()
    {
        var ticket = await Tickets.CreateAsync(new NewTicket("directline/c1", "directline", "u1", "Is it inherited?", null), None);
        var answered = await Tickets.CreateAsync(new NewTicket("directline/c2", "directline", "u2", "Is it contagious?", null), None);
        await Tickets.AnswerAsync(answered.Reference, "No.", "Nurse Ada", None);

        Assert.True(await Tickets.CloseAsync(ticket.Reference, "Dr Lee", None));
        Assert.False(await Tickets.CloseAsync(ticket.Reference, "Dr Lee", None));
        Assert.False(await Tickets.CloseAsync(answered.Reference, "Dr Lee", None));
        Assert.False(await Tickets.CloseAsync("Q-000000", "Dr Lee", None));
        Assert.Null(await Tickets.AnswerAsync(ticket.Reference, "Too late.", "Nurse Ada", None));

        var closed = (await Tickets.FindTicketAsync(ticket.Reference, None))!;
        Assert.Equal((TicketStatus.Closed, "Dr Lee", DeliveryStatus.None, (string?)null), (closed.Status, closed.AnsweredBy, closed.Delivery, closed.Answer));
        Assert.DoesNotContain(await Tickets.DueDeliveriesAsync(DateTimeOffset.UtcNow.AddMinutes(1), 10, None), t => t.Reference == ticket.Reference);
    }

    [Fact]
    public async Task DueDeliveriesAsync_ShouldListDueAnswers_OldestDueFirst()
    {
        var now = DateTimeOffset.UtcNow;
        var late = await AnsweredTicketAsync("late");
        var early = await AnsweredTicketAsync("early");
        var notYet = await AnsweredTicketAsync("not yet");
        await Tickets.CreateAsync(new NewTicket("directline/open", "directline", "u", "unanswered", null), None);
        await Tickets.MarkDeliveryFailedAsync(late.Reference, "channel answered 503", now.AddMinutes(-1), None);
        await Tickets.MarkDeliveryFailedAsync(early.Reference, "channel answered 503", now.AddMinutes(-2), None);
        await Tickets.MarkDeliveryFailedAsync(notYet.Reference, "channel answered 503", now.AddMinutes(5), None);

        Assert.Equal([early.Reference, late.Reference], (await Tickets.DueDeliveriesAsync(now, 10, None)).Select(t => t.Reference));
        Assert.Equal([early.Reference], (await Tickets.DueDeliveriesAsync(now, 1, None)).Select(t => t.Reference));
        Assert.Equal([early.Reference, late.Reference, notYet.Reference], (await Tickets.DueDeliveriesAsync(now.AddMinutes(10), 10, None)).Select(t => t.Reference));
    }

    [Fact]
    public async Task MarkDeliveryFailedAsync_ShouldCountTheTry_AndPutTheNextOneOff()
    {
        var ticket = await AnsweredTicketAsync("Is it inherited?");
        var retryAt = DateTimeOffset.UtcNow.AddMinutes(2);

        await Tickets.MarkDeliveryFailedAsync(ticket.Reference, "channel answered 503", DateTimeOffset.UtcNow.AddMinutes(1), None);
        await Tickets.MarkDeliveryFailedAsync(ticket.Reference, "channel unreachable", retryAt, None);

        var failed = (await Tickets.FindTicketAsync(ticket.Reference, None))!;
        Assert.Equal((DeliveryStatus.Pending, 2, "channel unreachable"), (failed.Delivery, failed.DeliveryAttempts, failed.DeliveryError));
        Assert.InRange(failed.NextDeliveryAt!.Value, retryAt.AddMilliseconds(-1), retryAt.AddMilliseconds(1));
        Assert.Empty(await Tickets.DueDeliveriesAsync(DateTimeOffset.UtcNow, 10, None));
        Assert.Single(await Tickets.DueDeliveriesAsync(retryAt.AddSeconds(1), 10, None));
    }

    [Fact]
    public async Task MarkDeliveredAsync_ShouldEndTheDelivery_AndLaterFailuresChangeNothing()
    {
        var ticket = await AnsweredTicketAsync("Is it inherited?");
        await Tickets.MarkDeliveryFailedAsync(ticket.Reference, "channel answered 503", DateTimeOffset.UtcNow.AddMinutes(-1), None);

        await Tickets.MarkDeliveredAsync(ticket.Reference, None);
        await Tickets.MarkDeliveryFailedAsync(ticket.Reference, "late failure", DateTimeOffset.UtcNow, None);

        var delivered = (await Tickets.FindTicketAsync(ticket.Reference, None))!;
        Assert.Equal((DeliveryStatus.Delivered, 1, (string?)null, (DateTimeOffset?)null),
            (delivered.Delivery, delivered.DeliveryAttempts, delivered.DeliveryError, delivered.NextDeliveryAt));
        Assert.Empty(await Tickets.DueDeliveriesAsync(DateTimeOffset.UtcNow.AddDays(1), 10, None));
    }

    [Fact]
    public async Task ListAuditAsync_ShouldListEntriesNewestFirst()
    {
        await Tickets.AuditAsync("Nurse Ada", "answer", "Q-AAAAAA", None);
        await Tickets.AuditAsync("system", "delivered", "Q-AAAAAA", None);
        await Tickets.AuditAsync("Dr Lee", "close", "Q-BBBBBB", None);

        var entries = await Tickets.ListAuditAsync(2, None);

        Assert.Equal([("Dr Lee", "close", "Q-BBBBBB"), ("system", "delivered", "Q-AAAAAA")], entries.Select(e => (e.Actor, e.Action, e.Target)));
        Assert.All(entries, e => Assert.InRange(e.At, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1)));
        Assert.Equal(3, (await Tickets.ListAuditAsync(10, None)).Count);
    }

    [Fact]
    public async Task DeleteCreatedBeforeAsync_ShouldDeleteOnlyOlderTickets()
    {
        var ticket = await AnsweredTicketAsync("Is it inherited?");
        await Tickets.CreateAsync(new NewTicket("directline/c2", "directline", "u2", "Is it contagious?", null), None);

        Assert.Equal(0, await Tickets.DeleteCreatedBeforeAsync(DateTimeOffset.UtcNow.AddHours(-1), None));
        Assert.Equal(2, (await Tickets.ListAsync(null, 10, None)).Count);
        Assert.Equal(2, await Tickets.DeleteCreatedBeforeAsync(DateTimeOffset.UtcNow.AddSeconds(1), None));

        Assert.Empty(await Tickets.ListAsync(null, 10, None));
        Assert.Null(await Tickets.FindTicketAsync(ticket.Reference, None));
        Assert.Empty(await Tickets.DueDeliveriesAsync(DateTimeOffset.UtcNow.AddDays(1), 10, None));
    }

    [Fact]
    public async Task FindAnswerAsync_ShouldFindASentAnswer_ByConversationAndActivity()
    {
        var feedback = Store.Feedback;
        await feedback.RecordAnswerAsync(new SentAnswer("a-1", "webchat/c1", "is there a cure?", "dystonia#4"), None);
        await feedback.RecordAnswerAsync(new SentAnswer("a-2", "webchat/c1", "what is dystonia?", "dystonia#1"), None);
        await feedback.RecordAnswerAsync(new SentAnswer("a-2", "webchat/c1", "what is dystonia, really?", "dystonia#2"), None);

        Assert.Equal(new SentAnswer("a-1", "webchat/c1", "is there a cure?", "dystonia#4"), await feedback.FindAnswerAsync("webchat/c1", "a-1", None));
        Assert.Equal(new SentAnswer("a-2", "webchat/c1", "what is dystonia, really?", "dystonia#2"), await feedback.FindAnswerAsync("webchat/c1", "a-2", None));
        Assert.Null(await feedback.FindAnswerAsync("webchat/other", "a-1", None));
        Assert.Null(await feedback.FindAnswerAsync("webchat/c1", "a-3", None));
    }

    [Fact]
    public async Task ListAsync_ShouldListRatingsNewestFirst_WithEveryField()
    {
        var feedback = Store.Feedback;
        var at = new DateTimeOffset(2026, 3, 1, 10, 30, 15, TimeSpan.FromHours(2));
        await feedback.AddAsync(new Feedback("webchat/c1", "is there a cure?", "dystonia#4", true, null, at), None);
        await feedback.AddAsync(new Feedback("webchat/c2", null, null, false, "too short", at.AddMinutes(1)), None);
        await feedback.AddAsync(new Feedback("webchat/c3", "what is it?", "dystonia#1", true, "thanks", at.AddMinutes(2)), None);

        var ratings = await feedback.ListAsync(2, None);

        Assert.Equal(["webchat/c3", "webchat/c2"], ratings.Select(r => r.ConversationKey));
        var unhelpful = ratings[1];
        Assert.Equal(((string?)null, (string?)null, false, "too short"), (unhelpful.Question, unhelpful.PassageId, unhelpful.Helpful, unhelpful.Comment));
        Assert.Equal(at.AddMinutes(1), unhelpful.At);
        Assert.True((await feedback.ListAsync(10, None))[2].Helpful);
    }

    [Fact]
    public async Task FindAsync_ShouldReturnTheLastSavedReference_WithoutItsActivityId()
    {
        var references = Store.References;
        var reference = new ConversationReference
        {
            ActivityId = "a-1",
            User = new ChannelAccount { Id = "u1", Name = "Sam" },
            Bot = new ChannelAccount { Id = "bot" },
            Conversation = new ConversationAccount { Id = "c1" },
            ChannelId = "msteams",
            Locale = "en-GB",
            ServiceUrl = "https://smba.example/emea/",
        };

        await references.SaveAsync("msteams/c1", reference, None);
        await references.SaveAsync("msteams/c1", reference, None);
        var saved = await references.FindAsync("msteams/c1", None);
        await references.SaveAsync("msteams/c1", reference with { ServiceUrl = "https://smba.example/amer/" }, None);

        Assert.NotNull(saved);
        Assert.Null(saved.ActivityId);
        Assert.Equal(("u1", "Sam", "bot", "c1", "msteams", "en-GB", "https://smba.example/emea/"),
            (saved.User?.Id, saved.User?.Name, saved.Bot?.Id, saved.Conversation?.Id, saved.ChannelId, saved.Locale, saved.ServiceUrl));
        Assert.Equal("https://smba.example/amer/", (await references.FindAsync("msteams/c1", None))?.ServiceUrl);
        Assert.Null(await references.FindAsync("msteams/unknown", None));
    }

    [Fact]
    public async Task GetAsync_ShouldReturnTheLastSavedState_OrANewOne()
    {
        var states = Store.States;
        await states.SetAsync("webchat/c1", ConversationState.Empty.After("dystonia#1"), None);
        await states.SetAsync("webchat/c1", ConversationState.Empty.After("dystonia#1").After("dystonia#2") with { PendingHandoff = "voice\0?", EditingHandoff = true }, None);
        await states.SetAsync("webchat/c2", ConversationState.Empty.After("dystonia#3"), None);

        var state = await states.GetAsync("webchat/c1", None);

        Assert.Equal(("dystonia#2", "voice\0?", true), (state.LastPassageId, state.PendingHandoff, state.EditingHandoff));
        Assert.Equal(["dystonia#1", "dystonia#2"], state.ShownPassageIds);
        Assert.Equal("dystonia#3", (await states.GetAsync("webchat/c2", None)).LastPassageId);
        var unknown = await states.GetAsync("webchat/unknown", None);
        Assert.Null(unknown.LastPassageId);
        Assert.Empty(unknown.ShownPassageIds);
    }

    private async Task<Ticket> AnsweredTicketAsync(string question)
    {
        var ticket = await Tickets.CreateAsync(new NewTicket("directline/" + question, "directline", "u", question, null), None);
        return (await Tickets.AnswerAsync(ticket.Reference, "An answer.", "Nurse Ada", None))!;
    }
}
