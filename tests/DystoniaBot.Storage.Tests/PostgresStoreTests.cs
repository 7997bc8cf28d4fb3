using DystoniaBot.Conversation.Persistence;
using DystoniaBot.Handoff;
using DystoniaBot.Storage;
using DystoniaBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DystoniaBot.Storage.Tests;

/// <summary>The store contract on PostgreSQL, and its schema migrations.</summary>
[Collection(UsesPostgres.Name)]
public sealed class PostgresStoreTests(PostgresServer server) : StoreContractTests
{
    private string? _connectionString;

    protected override async Task<StoreUnderTest> OpenNewAsync()
    {
        _connectionString = await server.CreateDatabaseAsync();
        return await OpenAgainAsync();
    }

    protected override async Task<StoreUnderTest> OpenAgainAsync()
    {
        var store = Open(_connectionString!);
        await store.MigrateAsync(CancellationToken.None);
        return StoreUnderTest.Of(store);
    }

    [Fact]
    public async Task MigrateAsync_ShouldCreateTheSchemaOnce_WhenProcessesStartTogether()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var stores = Enumerable.Range(0, 4).Select(_ => Open(connectionString)).ToList();
        try
        {
            await Task.WhenAll(stores.Select(store => store.MigrateAsync(CancellationToken.None)));
            await stores[0].MigrateAsync(CancellationToken.None);

            Assert.Equal(Enumerable.Range(1, PostgresStore.SchemaVersion), await VersionsAsync(connectionString));
        }
        finally
        {
            stores.ForEach(store => store.Dispose());
        }
    }

    [Fact]
    public async Task MigrateAsync_ShouldRefuse_WhenTheSchemaIsNewerThanThisBuild()
    {
        var connectionString = await server.CreateDatabaseAsync();
        using var store = Open(connectionString);
        await store.MigrateAsync(CancellationToken.None);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("INSERT INTO schema_version VALUES ($1, now())", connection) { Parameters = { new() { Value = PostgresStore.SchemaVersion + 1 } } };
            await command.ExecuteNonQueryAsync();
        }

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => store.MigrateAsync(CancellationToken.None));

        Assert.Contains($"schema version {PostgresStore.SchemaVersion + 1}", refusal.Message, StringComparison.Ordinal);
    }

    private static PostgresStore Open(string connectionString) =>
        new(Options.Create(new StorageOptions { PostgresConnectionString = connectionString }), NullLoggerFactory.Instance);

    private static async Task<List<int>> VersionsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version FROM schema_version ORDER BY version", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<int>();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }
}
