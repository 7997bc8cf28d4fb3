using System.Net;
using System.Net.Sockets;
using DystoniaBot.Conversation.Persistence;
using DystoniaBot.DirectLine;
using DystoniaBot.Handoff;
using DystoniaBot.Storage;
using DystoniaBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DystoniaBot.Web.Tests.State;

/// <summary>Which store the host opens at startup, and how a bad storage setting stops it.</summary>
public sealed class StorageStartupTests
{
    [Theory]
    [InlineData("Host=127.0.0.1;Colour=blue", "Colour")]
    [InlineData("Database=dystoniabot;Username=bot", "no Host")]
    [InlineData("just some words", "")]
    public void Startup_ShouldStopNamingTheSetting_WhenTheConnectionStringIsMalformed(string connectionString, string detail)
    {
        using var factory = BotFactory.Create(new() { ["Storage:PostgresConnectionString"] = connectionString });

        var message = StartupFailure(factory);

        Assert.Contains("Storage:PostgresConnectionString is not a usable PostgreSQL connection string", message, StringComparison.Ordinal);
        Assert.Contains(detail, message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Startup_ShouldStopNamingTheSetting_WhenNoServerAnswers()
    {
        using var factory = BotFactory.Create(new() { ["Storage:PostgresConnectionString"] = $"Host=127.0.0.1;Port={ClosedPort()};Username=bot;Password=secret-word;Timeout=5" });

        var message = StartupFailure(factory);

        Assert.StartsWith("Storage:PostgresConnectionString: cannot open the PostgreSQL database (Host=127.0.0.1;", message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-word", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Startup_ShouldUseTheSqliteFile_WhenNoConnectionStringIsSet()
    {
        using var factory = BotFactory.Create([]);
        factory.CreateClient().Dispose();

        Assert.IsType<SqliteStore>(factory.Services.GetRequiredService<ITicketStore>());
        Assert.True(File.Exists(factory.DatabasePath));
    }

    /// <summary>The message that stopped the host (the first of its chain that names a setting).</summary>
    internal static string StartupFailure(BotFactory factory)
    {
        var failure = Record.Exception(() => factory.CreateClient().Dispose());
        Assert.NotNull(failure);
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e.Message.Contains("Storage:", StringComparison.Ordinal))
            {
                return e.Message;
            }
        }

        throw new Xunit.Sdk.XunitException("The host stopped without naming the setting: " + failure);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The host on the test PostgreSQL server.</summary>
[Collection(UsesPostgres.Name)]
public sealed class PostgresStartupTests(PostgresServer server)
{
    [Fact]
    public async Task Startup_ShouldServeEveryStoreFromPostgres_WhenConfigured()
    {
        using var factory = BotFactory.Create(new() { ["Storage:PostgresConnectionString"] = await server.CreateDatabaseAsync() });
        factory.CreateClient().Dispose();

        Assert.IsType<PostgresStore>(factory.Services.GetRequiredService<ITicketStore>());
        Assert.IsType<PostgresStore>(factory.Services.GetRequiredService<IFeedbackStore>());
        Assert.IsType<PostgresStore>(factory.Services.GetRequiredService<IConversationReferenceStore>());
        Assert.IsType<PostgresStore>(factory.Services.GetRequiredService<IConversationStateStore>());
        Assert.IsType<PostgresStore>(factory.Services.GetRequiredService<IDirectLineStore>());
    }

    [Fact]
    public void Startup_ShouldStopNamingTheSetting_WhenTheDatabaseDoesNotExist()
    {
        using var factory = BotFactory.Create(new() { ["Storage:PostgresConnectionString"] = server.ConnectionString("no_such_database") });

        var message = StorageStartupTests.StartupFailure(factory);

        Assert.StartsWith("Storage:PostgresConnectionString: cannot open the PostgreSQL database", message, StringComparison.Ordinal);
        Assert.Contains("no_such_database", message, StringComparison.Ordinal);
    }
}
