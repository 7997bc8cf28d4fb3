using DystoniaBot.Conversation.Handoff;

namespace DystoniaBot.Handoff;

/// <summary>Where the delivery of a staff answer into the asker's chat stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Nothing to deliver.</summary>
    None,

    /// <summary>Answered (or closed with a message); not delivered yet, or a try failed and another is due.</summary>
    Pending,

    /// <summary>The answer (or the closing message) reached the chat.</summary>
    Delivered,
}

/// <summary>A question forwarded to health-line staff, and what became of it.</summary>
/// <param name="Id">Storage id.</param>
/// <param name="Reference">What the asker was told (e.g. Q-7K3M9P).</param>
/// <param name="ConversationKey">channel/conversation of the asker's chat.</param>
/// <param name="ChannelId">The channel (msteams, directline, emulator…).</param>
/// <param name="UserId">The asker's id on that channel.</param>
/// <param name="Question">The question as the asker agreed to send it.</param>
/// <param name="Locale">The asker's locale, for the emergency numbers repeated with the answer.</param>
/// <param name="Status">Open, answered or closed.</param>
/// <param name="CreatedAt">When the asker sent it.</param>
/// <param name="Answer">The staff answer, once given.</param>
/// <param name="AnsweredBy">Who answered or closed it (staff display name).</param>
/// <param name="AnsweredAt">When.</param>
/// <param name="Delivery">Whether the answer (or the message saying it was closed) reached the chat.</param>
/// <param name="DeliveryAttempts">Failed delivery tries so far.</param>
/// <param name="NextDeliveryAt">When the next try is due.</param>
/// <param name="DeliveryError">Why the last try failed (never question text).</param>
/// <param name="CloseReason">Why staff closed it without an answer, when they did.</param>
/// <param name="CloseNote">What staff added for the asker when closing it, if anything.</param>
public sealed record Ticket(
    long Id,
    string Reference,
    string ConversationKey,
    string ChannelId,
    string? UserId,
    string Question,
    string? Locale,
    TicketStatus Status,
    DateTimeOffset CreatedAt,
    string? Answer,
    string? AnsweredBy,
    DateTimeOffset? AnsweredAt,
    DeliveryStatus Delivery,
    int DeliveryAttempts,
    DateTimeOffset? NextDeliveryAt,
    string? DeliveryError,
    TicketCloseReason? CloseReason = null,
    string? CloseNote = null)
{
    /// <summary>The ticket as its asker sees it.</summary>
    public TicketSummary Summary => new(Reference, Question, Status, CreatedAt, CloseReason);
}

/// <summary>A question to store.</summary>
/// <param name="ConversationKey">channel/conversation of the asker's chat.</param>
/// <param name="ChannelId">The channel.</param>
/// <param name="UserId">The asker's id on that channel.</param>
/// <param name="Question">The question.</param>
/// <param name="Locale">The asker's locale.</param>
/// <param name="AskerKey">
/// Who is asking, for the daily limit: a digest of the visitor's address on our Direct Line, or of the channel and
/// user id elsewhere (see <see cref="TicketIntake"/>); null counts under no one.
/// </param>
public sealed record NewTicket(string ConversationKey, string ChannelId, string? UserId, string Question, string? Locale, string? AskerKey = null);

/// <summary>Which tickets a queue shows, in which order, and which part of them.</summary>
/// <param name="Status">One status, or every status.</param>
/// <param name="NewestFirst">Newest first instead of oldest first.</param>
/// <param name="Skip">How many to leave out from the start (the earlier pages).</param>
/// <param name="Take">How many to return at most (a page).</param>
public sealed record TicketQuery(TicketStatus? Status, bool NewestFirst, int Skip, int Take);

/// <summary>A page of tickets and how many match in all.</summary>
/// <param name="Tickets">The page.</param>
/// <param name="Total">How many tickets match the query, on every page.</param>
public sealed record TicketPage(IReadOnlyList<Ticket> Tickets, int Total);

/// <summary>One line of the audit log: who did what to which ticket, when.</summary>
/// <param name="At">When.</param>
/// <param name="Actor">The staff member (or "system").</param>
/// <param name="Action">What they did (answer, close, deliver…).</param>
/// <param name="Target">What it was done to (a ticket reference).</param>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string Target);

/// <summary>Tickets of the "Ask a question" flow, their delivery, and the audit log of staff actions.</summary>
public interface ITicketStore
{
    /// <summary>Stores a ticket durably (on disk before this returns) with a new unique reference.</summary>
    Task<Ticket> CreateAsync(NewTicket ticket, CancellationToken cancellationToken);

    /// <summary>The tickets of one chat, newest first.</summary>
    Task<IReadOnlyList<Ticket>> ListForConversationAsync(string conversationKey, int max, CancellationToken cancellationToken);

    /// <summary>Tickets oldest first, optionally of one status.</summary>
    Task<IReadOnlyList<Ticket>> ListAsync(TicketStatus? status, int max, CancellationToken cancellationToken);

    /// <summary>The ticket with <paramref name="reference"/>, or null.</summary>
    Task<Ticket?> FindTicketAsync(string reference, CancellationToken cancellationToken);

    /// <summary>Records a staff answer to an open ticket and queues its delivery; null when the ticket isn't open.</summary>
    Task<Ticket?> AnswerAsync(string reference, string answer, string staff, CancellationToken cancellationToken);

    /// <summary>
    /// Closes an open ticket without an answer, for <paramref name="reason"/>; unless the reason is spam, a message
    /// telling the asker is queued for delivery like an answer. False when the ticket isn't open.
    /// </summary>
    Task<bool> CloseAsync(string reference, string staff, TicketCloseReason reason, string? note, CancellationToken cancellationToken);

    /// <summary>A page of tickets of one status (or all), oldest or newest first, with how many there are in all.</summary>
    Task<TicketPage> QueryAsync(TicketQuery query, CancellationToken cancellationToken);

    /// <summary>How many tickets have each status.</summary>
    Task<IReadOnlyDictionary<TicketStatus, int>> CountByStatusAsync(CancellationToken cancellationToken);

    /// <summary>How many open tickets the chat <paramref name="conversationKey"/> has.</summary>
    Task<int> CountOpenForConversationAsync(string conversationKey, CancellationToken cancellationToken);

    /// <summary>How many tickets the asker <paramref name="askerKey"/> sent since <paramref name="since"/>.</summary>
    Task<int> CountForAskerSinceAsync(string askerKey, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>
    /// Claims answers whose delivery is due at <paramref name="now"/>, oldest due first: each is held for the caller
    /// until <paramref name="now"/> + <paramref name="lease"/>, so several processes sharing the store never deliver
    /// the same answer at once; one whose delivery is neither marked done nor failed by then (its process died) is
    /// due again.
    /// </summary>
    Task<IReadOnlyList<Ticket>> ClaimDueDeliveriesAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken);

    /// <summary>Marks the answer delivered.</summary>
    Task MarkDeliveredAsync(string reference, CancellationToken cancellationToken);

    /// <summary>Records a failed delivery try and when to try again.</summary>
    Task MarkDeliveryFailedAsync(string reference, string error, DateTimeOffset retryAt, CancellationToken cancellationToken);

    /// <summary>Deletes tickets (question and answer text) created before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> DeleteCreatedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Appends to the audit log.</summary>
    Task AuditAsync(string actor, string action, string target, CancellationToken cancellationToken);

    /// <summary>The audit log, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAuditAsync(int max, CancellationToken cancellationToken);
}
