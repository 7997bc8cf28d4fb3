namespace DystoniaBot.Storage;

/// <summary>The readiness check of the SQLite file.</summary>
public sealed partial class SqliteStore : IStorageHealth
{
    /// <inheritdoc />
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        // Reading a table (not just opening the file) proves the schema is there and the file is not locked out.
        await using var connection = Open();
        await using var command = Command(connection, "SELECT count(*) FROM (SELECT 1 FROM conversation_reference LIMIT 1)");
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
