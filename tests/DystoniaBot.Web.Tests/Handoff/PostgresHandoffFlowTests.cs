using DystoniaBot.Testing;

namespace DystoniaBot.Web.Tests.Handoff;

/// <summary>"Ask a question" end to end with tickets, references and state in PostgreSQL.</summary>
[Collection(UsesPostgres.Name)]
public sealed class PostgresHandoffFlowTests(PostgresServer server) : HandoffFlowTests
{
    protected override async Task<Dictionary<string, string?>> NewStorageAsync() =>
        new() { ["Storage:PostgresConnectionString"] = await server.CreateDatabaseAsync() };
}
