using System.ComponentModel.DataAnnotations;
using Npgsql;

namespace DystoniaBot.Storage;

/// <summary>Where the bot keeps what must outlive a turn (section <c>Storage</c>).</summary>
public sealed class StorageOptions : IValidatableObject
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Storage";

    /// <summary>The SQLite file; empty means <c>dystoniabot.db</c> in the user's local application data folder.</summary>
    public string? SqlitePath { get; set; }

    /// <summary>A PostgreSQL connection string (Npgsql's keys); empty keeps everything in the embedded SQLite file.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>
    /// How large SQLite's write-ahead log may grow, in MB, before the store empties it, holding writes for the moment
    /// that takes. Under steady traffic there is always a reader somewhere in the log, so it is never reused by itself.
    /// </summary>
    [Range(1, 4096)]
    public int SqliteLogLimitMegabytes { get; set; } = 64;

    /// <summary>Whether PostgreSQL is configured.</summary>
    /// <summary>Days conversation state, sent answers and conversation references are kept after they were last written.</summary>
    [Range(1, 3650)]
    public int ConversationRetentionDays { get; set; } = 30;

    /// <summary>Days a rating (with its question and comment) is kept.</summary>
    [Range(1, 3650)]
    public int FeedbackRetentionDays { get; set; } = 365;

    /// <summary>Days an audit entry is kept.</summary>
    [Range(1, 3650)]
    public int AuditRetentionDays { get; set; } = 730;

    /// <summary>Whether PostgreSQL is used.</summary>
    public bool UsesPostgres => !string.IsNullOrWhiteSpace(PostgresConnectionString);

    /// <summary>The SQLite file to use.</summary>
    public string ResolvedSqlitePath => string.IsNullOrWhiteSpace(SqlitePath)
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "DystoniaBot", "dystoniabot.db")
        : SqlitePath;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!UsesPostgres)
        {
            yield break;
        }

        string? problem;
        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(PostgresConnectionString);
            problem = string.IsNullOrWhiteSpace(parsed.Host) ? "it names no Host" : null;
        }
        catch (ArgumentException e)
        {
            problem = e.Message;
        }

        if (problem is not null)
        {
            yield return new ValidationResult(
                $"Storage:PostgresConnectionString is not a usable PostgreSQL connection string ({problem}); write it as Host=…;Database=…;Username=…;Password=…",
                [nameof(PostgresConnectionString)]);
        }
    }
}
