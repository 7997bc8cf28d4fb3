using System.Globalization;
using System.Text.Json;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.Conversation.Policy;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace DystoniaBot.Web.State;

/// <summary>Where the embedded database lives (section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Storage";

    /// <summary>The SQLite file; empty means <c>dystoniabot.db</c> in the user's local application data folder.</summary>
    public string? SqlitePath { get; set; }

    /// <summary>The SQLite file to use.</summary>
    public string ResolvedSqlitePath => string.IsNullOrWhiteSpace(SqlitePath)
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "DystoniaBot", "dystoniabot.db")
        : SqlitePath;
}

/// <summary>
/// Conversation state, conversation references and feedback in one embedded SQLite file (the default storage).
/// The schema is created at startup; each operation opens a pooled connection, so the store is thread-safe.
/// </summary>
public sealed class SqliteStore : IConversationStateStore, IConversationReferenceStore, IFeedbackStore
{
    private readonly string _connectionString;

    /// <summary>Opens (and if needed creates) the database.</summary>
    public SqliteStore(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.Value.ResolvedSqlitePath;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        using var connection = Open();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS conversation_state (conversation_key TEXT PRIMARY KEY, state TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS conversation_reference (conversation_key TEXT PRIMARY KEY, reference TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS sent_answer (conversation_key TEXT NOT NULL, activity_id TEXT NOT NULL, question TEXT NOT NULL, passage_id TEXT NOT NULL, sent_at TEXT NOT NULL, PRIMARY KEY (conversation_key, activity_id));
            CREATE TABLE IF NOT EXISTS feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_key TEXT NOT NULL, question TEXT, passage_id TEXT, helpful INTEGER NOT NULL, comment TEXT, created_at TEXT NOT NULL);
            """);
    }

    /// <inheritdoc />
    public async Task<ConversationState> GetAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var json = await ScalarAsync("SELECT state FROM conversation_state WHERE conversation_key = $key", cancellationToken, ("$key", conversationKey));
        return json is null ? ConversationState.Empty : JsonSerializer.Deserialize<ConversationState>(json) ?? ConversationState.Empty;
    }

    /// <inheritdoc />
    public Task SetAsync(string conversationKey, ConversationState state, CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT INTO conversation_state VALUES ($key, $value, $at) ON CONFLICT(conversation_key) DO UPDATE SET state = $value, updated_at = $at",
            cancellationToken, ("$key", conversationKey), ("$value", JsonSerializer.Serialize(state)), ("$at", Now()));

    /// <inheritdoc />
    public Task SaveAsync(string conversationKey, ConversationReference reference, CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT INTO conversation_reference VALUES ($key, $value, $at) ON CONFLICT(conversation_key) DO UPDATE SET reference = $value, updated_at = $at",
            cancellationToken, ("$key", conversationKey), ("$value", JsonSerializer.Serialize(reference, ProtocolJson.Options)), ("$at", Now()));

    /// <inheritdoc />
    public async Task<ConversationReference?> FindAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var json = await ScalarAsync("SELECT reference FROM conversation_reference WHERE conversation_key = $key", cancellationToken, ("$key", conversationKey));
        return json is null ? null : JsonSerializer.Deserialize<ConversationReference>(json, ProtocolJson.Options);
    }

    /// <inheritdoc />
    public Task RecordAnswerAsync(SentAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return ExecuteAsync("INSERT OR REPLACE INTO sent_answer VALUES ($key, $id, $question, $passage, $at)", cancellationToken,
            ("$key", answer.ConversationKey), ("$id", answer.ActivityId), ("$question", answer.Question), ("$passage", answer.PassageId), ("$at", Now()));
    }

    /// <inheritdoc />
    public async Task<SentAnswer?> FindAnswerAsync(string conversationKey, string activityId, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = Command(connection, "SELECT question, passage_id FROM sent_answer WHERE conversation_key = $key AND activity_id = $id",
            ("$key", conversationKey), ("$id", activityId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new SentAnswer(activityId, conversationKey, reader.GetString(0), reader.GetString(1)) : null;
    }

    /// <inheritdoc />
    public Task AddAsync(Feedback feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        return ExecuteAsync("INSERT INTO feedback (conversation_key, question, passage_id, helpful, comment, created_at) VALUES ($key, $question, $passage, $helpful, $comment, $at)",
            cancellationToken, ("$key", feedback.ConversationKey), ("$question", feedback.Question), ("$passage", feedback.PassageId),
            ("$helpful", feedback.Helpful ? 1 : 0), ("$comment", feedback.Comment), ("$at", feedback.At.ToString("O", CultureInfo.InvariantCulture)));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Feedback>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = Command(connection, "SELECT conversation_key, question, passage_id, helpful, comment, created_at FROM feedback ORDER BY id DESC LIMIT $limit", ("$limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<Feedback>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new Feedback(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt64(3) == 1, reader.IsDBNull(4) ? null : reader.GetString(4), DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture)));
        }

        return list;
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // Statements are constants of this class; every value is a parameter.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = Command(connection, sql);
        command.ExecuteNonQuery();
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = Open();
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<string?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = Open();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}
