using DystoniaBot.Conversation.Handoff;
using DystoniaBot.Handoff;
using Npgsql;

namespace DystoniaBot.Storage;

// Each ticket operation is one statement, so it is atomic without a transaction, and two staff members answering the
// same ticket from two processes cannot both succeed.
public sealed partial class PostgresStore : ITicketStore
{
    private const string TicketColumns = "id, reference, conversation_key, channel_id, user_id, question, locale, status, created_at, answer, answered_by, " +
        "answered_at, delivery, delivery_attempts, next_delivery_at, delivery_error, close_reason, close_note";

    /// <inheritdoc />
    public async Task<Ticket> CreateAsync(NewTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            // Two references alike (one in a billion) insert nothing: draw another. The insert is idempotent for one
            // reference (see InsertTicketAsync), so a connection that breaks under it doesn't refuse the ticket.
            var reference = TicketReferences.New();
            var createdAt = DateTimeOffset.UtcNow;
            if (await OnLiveConnectionAsync(() => InsertTicketAsync(reference, ticket, createdAt, cancellationToken), rerunnable: true) is { } created)
            {
                return created;
            }
        }

        throw new InvalidOperationException("No unused ticket reference after 5 draws.");
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Ticket>> ListForConversationAsync(string conversationKey, int max, CancellationToken cancellationToken) =>
        QueryTicketsAsync($"SELECT {TicketColumns} FROM ticket WHERE conversation_key = $1 ORDER BY id DESC LIMIT $2", cancellationToken, conversationKey, Math.Max(0, max));

    /// <inheritdoc />
    public Task<IReadOnlyList<Ticket>> ListAsync(TicketStatus? status, int max, CancellationToken cancellationToken) => status is { } only
        ? QueryTicketsAsync($"SELECT {TicketColumns} FROM ticket WHERE status = $1 ORDER BY id LIMIT $2", cancellationToken, (int)only, Math.Max(0, max))
        : QueryTicketsAsync($"SELECT {TicketColumns} FROM ticket ORDER BY id LIMIT $1", cancellationToken, Math.Max(0, max));

    /// <inheritdoc />
    public async Task<Ticket?> FindTicketAsync(string reference, CancellationToken cancellationToken) =>
        (await QueryTicketsAsync($"SELECT {TicketColumns} FROM ticket WHERE reference = $1", cancellationToken, reference)).SingleOrDefault();

    /// <inheritdoc />
    public async Task<Ticket?> AnswerAsync(string reference, string answer, string staff, CancellationToken cancellationToken) =>
        (await QueryTicketsAsync("UPDATE ticket SET status = 1, answer = $2, answered_by = $3, answered_at = $4, delivery = 1, next_delivery_at = $4 " +
            $"WHERE reference = $1 AND status = 0 RETURNING {TicketColumns}", cancellationToken, reference, answer, staff, DateTimeOffset.UtcNow)).SingleOrDefault();

    /// <inheritdoc />
    public async Task<bool> CloseAsync(string reference, string staff, TicketCloseReason reason, string? note, CancellationToken cancellationToken)
    {
        var tell = TicketCloseReasons.TellsTheAsker(reason);
        return await ExecuteAsync("UPDATE ticket SET status = 2, answered_by = $2, answered_at = $3, close_reason = $4, close_note = $5, delivery = $6, next_delivery_at = $7 " +
            "WHERE reference = $1 AND status = 0", cancellationToken, reference, staff, DateTimeOffset.UtcNow, TicketCloseReasons.Code(reason), note,
            tell ? 1 : 0, tell ? DateTimeOffset.UtcNow : null) == 1;
    }

    /// <inheritdoc />
    public async Task<TicketPage> QueryAsync(TicketQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var order = query.NewestFirst ? "DESC" : "ASC";
        var (skip, take) = (Math.Max(0, query.Skip), Math.Max(0, query.Take));
        if (query.Status is { } status)
        {
            return new TicketPage(
                await QueryTicketsAsync($"SELECT {TicketColumns} FROM ticket WHERE status = $1 ORDER BY id {order} LIMIT $2 OFFSET $3", cancellationToken, (int)status, take, skip),
                (int)await ScalarAsync<long>("SELECT count(*) FROM ticket WHERE status = $1", cancellationToken, (int)status));
        }

        return new TicketPage(
            await QueryTicketsAsync($"SELECT {TicketColumns} FROM ticket ORDER BY id {order} LIMIT $1 OFFSET $2", cancellationToken, take, skip),
            (int)await ScalarAsync<long>("SELECT count(*) FROM ticket", cancellationToken));
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<TicketStatus, int>> CountByStatusAsync(CancellationToken cancellationToken) => OnLiveConnectionAsync<IReadOnlyDictionary<TicketStatus, int>>(async () =>
    {
        var counts = Enum.GetValues<TicketStatus>().ToDictionary(s => s, _ => 0);
        await using var command = Command("SELECT status, count(*) FROM ticket GROUP BY status");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[(TicketStatus)reader.GetInt32(0)] = (int)reader.GetInt64(1);
        }

        return counts;
    }, rerunnable: true);

    /// <inheritdoc />
    public async Task<int> CountOpenForConversationAsync(string conversationKey, CancellationToken cancellationToken) =>
        (int)await ScalarAsync<long>("SELECT count(*) FROM ticket WHERE conversation_key = $1 AND status = 0", cancellationToken, conversationKey);

    /// <inheritdoc />
    public async Task<int> CountForAskerSinceAsync(string askerKey, DateTimeOffset since, CancellationToken cancellationToken) =>
        (int)await ScalarAsync<long>("SELECT count(*) FROM ticket WHERE asker_key = $1 AND created_at >= $2", cancellationToken, askerKey, since);

    /// <inheritdoc />
    public async Task<IReadOnlyList<Ticket>> ClaimDueDeliveriesAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        // SKIP LOCKED: a row another process is claiming at this moment is left to it rather than waited for.
        var claimed = await QueryTicketsAsync(
            $"UPDATE ticket SET next_delivery_at = $2 WHERE id IN (SELECT id FROM ticket WHERE delivery = 1 AND next_delivery_at <= $1 " +
            $"ORDER BY next_delivery_at, id LIMIT $3 FOR UPDATE SKIP LOCKED) RETURNING {TicketColumns}", cancellationToken, now, now + lease, Math.Max(0, max));
        return [.. claimed.OrderBy(t => t.AnsweredAt).ThenBy(t => t.Id)];
    }

    /// <inheritdoc />
    public async Task MarkDeliveredAsync(string reference, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE ticket SET delivery = 2, delivery_error = NULL, next_delivery_at = NULL WHERE reference = $1", cancellationToken, reference);

    /// <inheritdoc />
    public async Task MarkDeliveryFailedAsync(string reference, string error, DateTimeOffset retryAt, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE ticket SET delivery_attempts = delivery_attempts + 1, delivery_error = $2, next_delivery_at = $3 WHERE reference = $1 AND delivery = 1",
            cancellationToken, reference, error, retryAt);

    /// <inheritdoc />
    public Task<int> DeleteCreatedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM ticket WHERE created_at < $1", cancellationToken, cutoff);

    /// <inheritdoc />
    public async Task AuditAsync(string actor, string action, string target, CancellationToken cancellationToken) =>
        await ExecuteAsync("INSERT INTO audit_log (at, actor, action, target) VALUES ($1, $2, $3, $4)", cancellationToken, DateTimeOffset.UtcNow, actor, action, target);

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> ListAuditAsync(int max, CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT at, actor, action, target FROM audit_log ORDER BY id DESC LIMIT $1", Math.Max(0, max));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return entries;
    }

    /// <summary>
    /// Inserts the ticket under <paramref name="reference"/>, or finds it there when an earlier run of this same insert
    /// committed (its answer lost with a broken connection); null when another ticket holds the reference.
    /// </summary>
    private async Task<Ticket?> InsertTicketAsync(string reference, NewTicket ticket, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        await using var insert = Command(
            "INSERT INTO ticket (reference, conversation_key, channel_id, user_id, question, locale, status, created_at, delivery, delivery_attempts, asker_key) " +
            $"VALUES ($1, $2, $3, $4, $5, $6, 0, $7, 0, 0, $8) ON CONFLICT (reference) DO NOTHING RETURNING {TicketColumns}",
            reference, ticket.ConversationKey, ticket.ChannelId, ticket.UserId, ticket.Question, ticket.Locale, createdAt, ticket.AskerKey);
        await using (var reader = await insert.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                return ReadTicket(reader);
            }
        }

        await using var find = Command($"SELECT {TicketColumns} FROM ticket WHERE reference = $1 AND conversation_key = $2 AND question = $3 AND created_at = $4",
            reference, ticket.ConversationKey, ticket.Question, createdAt);
        await using var found = await find.ExecuteReaderAsync(cancellationToken);
        return await found.ReadAsync(cancellationToken) ? ReadTicket(found) : null;
    }

    private Task<IReadOnlyList<Ticket>> QueryTicketsAsync(string sql, CancellationToken cancellationToken, params object?[] values) =>
        OnLiveConnectionAsync<IReadOnlyList<Ticket>>(async () =>
        {
            await using var command = Command(sql, values);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var tickets = new List<Ticket>();
            while (await reader.ReadAsync(cancellationToken))
            {
                tickets.Add(ReadTicket(reader));
            }

            return tickets;
        });

    private static Ticket ReadTicket(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), TextOrNull(reader, 4), reader.GetString(5), TextOrNull(reader, 6),
        (TicketStatus)reader.GetInt32(7), reader.GetFieldValue<DateTimeOffset>(8), TextOrNull(reader, 9), TextOrNull(reader, 10), TimeOrNull(reader, 11),
        (DeliveryStatus)reader.GetInt32(12), reader.GetInt32(13), TimeOrNull(reader, 14), TextOrNull(reader, 15),
        TicketCloseReasons.FromCode(TextOrNull(reader, 16)), TextOrNull(reader, 17));
}
