namespace DystoniaBot.Web.State;

/// <summary>The readiness check of the PostgreSQL database.</summary>
public sealed partial class PostgresStore : IStorageHealth
{
    /// <inheritdoc />
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        // A table of ours, not just "SELECT 1": the schema is there and the user may read it.
        await using var command = Command("SELECT count(*) FROM (SELECT 1 FROM conversation_reference LIMIT 1) AS one");
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
