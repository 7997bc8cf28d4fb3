namespace DystoniaBot.Storage;

/// <summary>The readiness check of the PostgreSQL database.</summary>
public sealed partial class PostgresStore : IStorageHealth
{
    /// <inheritdoc />
    public Task CheckAsync(CancellationToken cancellationToken) =>
        // A table of ours, not just "SELECT 1": the schema is there and the user may read it.
        ScalarAsync<long>("SELECT count(*) FROM (SELECT 1 FROM conversation_reference LIMIT 1) AS one", cancellationToken);
}
