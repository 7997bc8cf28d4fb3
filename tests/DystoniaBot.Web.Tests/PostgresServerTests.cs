using DystoniaBot.Testing;
using DystoniaBot.Web.Tests.Faults;
using Npgsql;

namespace DystoniaBot.Web.Tests;

/// <summary>The test server's own checks.</summary>
[Collection(RunsAlone.Name)]
public sealed class PostgresServerTests
{
    [Fact]
    public void FindBinaries_ShouldSayHowToInstallThem_WhenTheyAreMissing()
    {
        var nowhere = Path.Combine(Path.GetTempPath(), $"dystoniabot-nowhere-{Guid.NewGuid():N}");

        var missing = Assert.Throws<InvalidOperationException>(() => PostgresServer.FindBinaries(nowhere, nowhere));

        Assert.Contains("apt-get install postgresql", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopAsync_ShouldKeepWhatWasCommitted_AsACrashOfARealServerDoes()
    {
        var server = new PostgresServer();
        await server.InitializeAsync();
        try
        {
            // Unpooled: every connection of the pool would be dead after the restart.
            var database = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync()) { Pooling = false }.ConnectionString;
            await using (var connection = new NpgsqlConnection(database))
            {
                await connection.OpenAsync();
                await using var write = new NpgsqlCommand("CREATE TABLE kept (id integer); INSERT INTO kept VALUES (1)", connection);
                await write.ExecuteNonQueryAsync();
            }

            // At once after the commit, as the outage tests stop it after the bot's first writes.
            await server.StopAsync();
            await server.StartAsync();

            await using (var connection = new NpgsqlConnection(database))
            {
                await connection.OpenAsync();
                await using var read = new NpgsqlCommand("SELECT count(*) FROM kept", connection);
                Assert.Equal(1L, await read.ExecuteScalarAsync());
            }
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
