using System.Globalization;
using DystoniaBot.Conversation.Handoff;
using DystoniaBot.Handoff;
using Microsoft.Data.Sqlite;

namespace DystoniaBot.Storage;

// Tickets are written before the asker is told they exist, and answers before anyone is told they will be delivered.
public sealed partial class SqliteStore : ITicketStore
{
    private const string TicketColumns = "id, reference, conversation_key, channel_id, user_id, question, locale, status, created_at, answer, answered_by, answered_at, delivery, delivery_attempts, next_delivery_at, delivery_error, close_reason, close_note";

    // Columns added after the table first shipped: a file made before gets them on open (see AddMissingColumns).
    private static readonly (string Name, string Type)[] LaterTicketColumns = [("close_reason", "TEXT"), ("close_note", "TEXT"), ("asker_key", "TEXT")];

    private static void CreateTicketTables(SqliteConnection connection)
    {
        CreateFirstTicketTables(connection);
        AddMissingColumns(connection, "ticket", LaterTicketColumns);
        Execute(connection, "CREATE INDEX IF NOT EXISTS ticket_asker ON ticket (asker_key, created_at)");
    }

    /// <summary>Adds the columns <paramref name="table"/> lacks (SQLite has no ADD COLUMN IF NOT EXISTS).</summary>
    private static void AddMissingColumns(SqliteConnection connection, string table, IEnumerable<(string Name, string Type)> columns)
    {
        var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var read = Command(connection, $"SELECT name FROM pragma_table_info('{table}')"))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                existing.Add(reader.GetString(0));
            }
        }

        foreach (var (name, type) in columns.Where(c => !existing.Contains(c.Name)))
        {
            try
            {
                Execute(connection, $"ALTER TABLE {table} ADD COLUMN {name} {type}");
            }
            catch (SqliteException e) when (e.Message.Contains("duplicate column", StringComparison.OrdinalIgnoreCase))
            {
                // Another process opening the same file added it first.
            }
        }
    }

    private static void CreateFirstTicketTables(SqliteConnection connection) => Execute(connection, """
        CREATE TABLE IF NOT EXISTS ticket (id INTEGER PRIMARY KEY AUTOINCREMENT, reference TEXT NOT NULL UNIQUE, conversation_key TEXT NOT NULL, channel_id TEXT NOT NULL,
            user_id TEXT, question TEXT NOT NULL, locale TEXT, status INTEGER NOT NULL, created_at TEXT NOT NULL, answer TEXT, answered_by TEXT, answered_at TEXT,
            delivery INTEGER NOT NULL, delivery_attempts INTEGER NOT NULL, next_delivery_at TEXT, delivery_error TEXT);
        CREATE INDEX IF NOT EXISTS ticket_conversation ON ticket (conversation_key);
        CREATE INDEX IF NOT EXISTS ticket_status ON ticket (status, created_at);
        CREATE INDEX IF NOT EXISTS ticket_delivery ON ticket (delivery, next_delivery_at);
        CREATE TABLE IF NOT EXISTS audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL);
        """);

    /// <inheritdoc />
    public async Task<Ticket> CreateAsync(NewTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        for (var attempt = 0; ; attempt++)
        {
            var reference = TicketReferences.New();
            try
            {
                await ExecuteAsync("INSERT INTO ticket (reference, conversation_key, channel_id, user_id, question, locale, status, created_at, delivery, delivery_attempts, asker_key) " +
                    "VALUES ($reference, $key, $channel, $user, $question, $locale, 0, $at, 0, 0, $asker)", cancellationToken,
                    ("$reference", reference), ("$key", ticket.ConversationKey), ("$channel", ticket.ChannelId), ("$user", ticket.UserId),
                    ("$question", ticket.Question), ("$locale", ticket.Locale), ("$at", Now()), ("$asker", ticket.AskerKey));
                return (await FindTicketAsync(reference, cancellationToken))!;
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 19 && attempt < 5)
            {
                // Two references alike (one in a billion): draw another.
            }
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Ticket>> ListForConversationAsync(string conversationKey, int max, CancellationToken cancellationToken) =>
        QueryTicketsAsync($"SELECT {TicketColumns} FROM ticket WHERE conversation_key = $key ORDER BY id DESC LIMIT $max", cancellationToken, ("$key", conversationKey), ("$max", max));

    /// <inheritdoc />
    public Task<IReadOnlyList<Ticket>> ListAsync(TicketStatus? status, int max, CancellationToken cancellationToken) => status is { } only
        ? QueryTicketsAsync($"SELECT {TicketColumns} FROM ticket WHERE status = $status ORDER BY id LIMIT $max", cancellationToken, ("$status", (int)only), ("$max", max))
        : QueryTicketsAsync($"SELECT {TicketColumns} FROM ticket ORDER BY id LIMIT $max", cancellationToken, ("$max", max));

    /// <inheritdoc />
    public async Task<Ticket?> FindTicketAsync(string reference, CancellationToken cancellationToken) =>
        (await QueryTicketsAsync($"SELECT {TicketColumns} FROM ticket WHERE reference = $reference", cancellationToken, ("$reference", reference))).SingleOrDefault();

    /// <inheritdoc />
    public async Task<Ticket?> AnswerAsync(string reference, string answer, string staff, CancellationToken cancellationToken)
    {
        var changed = await ExecuteAsync("UPDATE ticket SET status = 1, answer = $answer, answered_by = $staff, answered_at = $at, delivery = 1, next_delivery_at = $at " +
            "WHERE reference = $reference AND status = 0", cancellationToken, ("$reference", reference), ("$answer", answer), ("$staff", staff), ("$at", Now()));
        return changed == 1 ? await FindTicketAsync(reference, cancellationToken) : null;
    }

    /// <inheritdoc />
    public async Task<bool> CloseAsync(string reference, string staff, TicketCloseReason reason, string? note, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE ticket SET status = 2, answered_by = $staff, answered_at = $at, close_reason = $reason, close_note = $note, " +
            "delivery = $delivery, next_delivery_at = CASE WHEN $delivery = 1 THEN $at END WHERE reference = $reference AND status = 0", cancellationToken,
            ("$reference", reference), ("$staff", staff), ("$at", Now()), ("$reason", TicketCloseReasons.Code(reason)), ("$note", note),
            ("$delivery", TicketCloseReasons.TellsTheAsker(reason) ? 1 : 0)) == 1;

    /// <inheritdoc />
    public async Task<TicketPage> QueryAsync(TicketQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = query.Status is null ? "" : "WHERE status = $status";
        var order = query.NewestFirst ? "DESC" : "ASC";
        (string, object?)[] parameters = [("$status", query.Status is { } status ? (int)status : null), ("$skip", Math.Max(0, query.Skip)), ("$take", Math.Max(0, query.Take))];
        var tickets = await QueryTicketsAsync($"SELECT {TicketColumns} FROM ticket {where} ORDER BY id {order} LIMIT $take OFFSET $skip", cancellationToken, parameters);
        var total = await CountAsync($"SELECT count(*) FROM ticket {where}", cancellationToken, parameters);
        return new TicketPage(tickets, total);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<TicketStatus, int>> CountByStatusAsync(CancellationToken cancellationToken)
    {
        var counts = Enum.GetValues<TicketStatus>().ToDictionary(s => s, _ => 0);
        await using var connection = Open();
        await using var command = Command(connection, "SELECT status, count(*) FROM ticket GROUP BY status");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[(TicketStatus)reader.GetInt32(0)] = reader.GetInt32(1);
        }

        return counts;
    }

    /// <inheritdoc />
    public Task<int> CountOpenForConversationAsync(string conversationKey, CancellationToken cancellationToken) =>
        CountAsync("SELECT count(*) FROM ticket WHERE conversation_key = $key AND status = 0", cancellationToken, ("$key", conversationKey));

    /// <inheritdoc />
    public Task<int> CountForAskerSinceAsync(string askerKey, DateTimeOffset since, CancellationToken cancellationToken) =>
        CountAsync("SELECT count(*) FROM ticket WHERE asker_key = $asker AND created_at >= $since", cancellationToken, ("$asker", askerKey), ("$since", Format(since)));

    private async Task<int> CountAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = Open();
        await using var command = Command(connection, sql, parameters);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Ticket>> ClaimDueDeliveriesAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        // One statement: SQLite runs it under the database's write lock, so no other connection claims the same rows.
        var claimed = await QueryTicketsAsync(
            $"UPDATE ticket SET next_delivery_at = $lease WHERE id IN (SELECT id FROM ticket WHERE delivery = 1 AND next_delivery_at <= $now " +
            $"ORDER BY next_delivery_at, id LIMIT $max) RETURNING {TicketColumns}", cancellationToken, ("$now", Format(now)), ("$lease", Format(now + lease)), ("$max", max));
        return [.. claimed.OrderBy(t => t.AnsweredAt).ThenBy(t => t.Id)];
    }

    /// <inheritdoc />
    public async Task MarkDeliveredAsync(string reference, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE ticket SET delivery = 2, delivery_error = NULL, next_delivery_at = NULL WHERE reference = $reference", cancellationToken, ("$reference", reference));

    /// <inheritdoc />
    public async Task MarkDeliveryFailedAsync(string reference, string error, DateTimeOffset retryAt, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE ticket SET delivery_attempts = delivery_attempts + 1, delivery_error = $error, next_delivery_at = $retry WHERE reference = $reference AND delivery = 1",
            cancellationToken, ("$reference", reference), ("$error", error), ("$retry", Format(retryAt)));

    /// <inheritdoc />
    public Task<int> DeleteCreatedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM ticket WHERE created_at < $cutoff", cancellationToken, ("$cutoff", Format(cutoff)));

    /// <inheritdoc />
    public async Task AuditAsync(string actor, string action, string target, CancellationToken cancellationToken) =>
        await ExecuteAsync("INSERT INTO audit_log (at, actor, action, target) VALUES ($at, $actor, $action, $target)", cancellationToken,
            ("$at", Now()), ("$actor", actor), ("$action", action), ("$target", target));

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> ListAuditAsync(int max, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = Command(connection, "SELECT at, actor, action, target FROM audit_log ORDER BY id DESC LIMIT $max", ("$max", max));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return entries;
    }

    private async Task<IReadOnlyList<Ticket>> QueryTicketsAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = Open();
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tickets = new List<Ticket>();
        while (await reader.ReadAsync(cancellationToken))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            tickets.Add(new Ticket(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Text(4), reader.GetString(5), Text(6),
                (TicketStatus)reader.GetInt32(7), Parse(reader.GetString(8)), Text(9), Text(10), Text(11) is { } answered ? Parse(answered) : null,
                (DeliveryStatus)reader.GetInt32(12), reader.GetInt32(13), Text(14) is { } next ? Parse(next) : null, Text(15),
                TicketCloseReasons.FromCode(Text(16)), Text(17)));
        }

        return tickets;
    }

    private static string Format(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string at) => DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
