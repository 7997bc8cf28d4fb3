using DystoniaBot.BotFramework.Schema;
using DystoniaBot.Conversation.Persistence;
using DystoniaBot.DirectLine;
using DystoniaBot.Handoff;
using DystoniaBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DystoniaBot.Storage.Tests;

/// <summary>The store contract on the embedded SQLite file.</summary>
public sealed class SqliteStoreTests : StoreContractTests, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"dystoniabot-store-{Guid.NewGuid():N}.db");

    protected override Task<StoreUnderTest> OpenNewAsync() => OpenAgainAsync();

    protected override Task<StoreUnderTest> OpenAgainAsync() =>
        Task.FromResult(StoreUnderTest.Of(new SqliteStore(Options.Create(new StorageOptions { SqlitePath = _path }), NullLogger<SqliteStore>.Instance)));

    [Fact]
    public async Task AFileMadeBeforeTicketsHadCloseReasons_ShouldGainTheColumns_KeepingItsTickets()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dystoniabot-store-{Guid.NewGuid():N}.db");
        try
        {
            // The ticket table as it first shipped, with one ticket in it.
            await using (var connection = new SqliteConnection($"Data Source={path}"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = """
                    CREATE TABLE ticket (id INTEGER PRIMARY KEY AUTOINCREMENT, reference TEXT NOT NULL UNIQUE, conversation_key TEXT NOT NULL, channel_id TEXT NOT NULL,
                        user_id TEXT, question TEXT NOT NULL, locale TEXT, status INTEGER NOT NULL, created_at TEXT NOT NULL, answer TEXT, answered_by TEXT, answered_at TEXT,
                        delivery INTEGER NOT NULL, delivery_attempts INTEGER NOT NULL, next_delivery_at TEXT, delivery_error TEXT);
                    INSERT INTO ticket (reference, conversation_key, channel_id, question, status, created_at, delivery, delivery_attempts)
                        VALUES ('Q-OLD111', 'directline/old', 'directline', 'An old question', 0, '2026-01-01T00:00:00.0000000+00:00', 0, 0);
                    """;
                await command.ExecuteNonQueryAsync();
            }

            using var store = new SqliteStore(Options.Create(new StorageOptions { SqlitePath = path }), NullLogger<SqliteStore>.Instance);
            using var again = new SqliteStore(Options.Create(new StorageOptions { SqlitePath = path }), NullLogger<SqliteStore>.Instance);

            Assert.Null((await store.FindTicketAsync("Q-OLD111", default))!.CloseReason);
            Assert.True(await store.CloseAsync("Q-OLD111", "Dr Lee", Conversation.Handoff.TicketCloseReason.Duplicate, null, default));
            Assert.Equal(Conversation.Handoff.TicketCloseReason.Duplicate, (await again.FindTicketAsync("Q-OLD111", default))!.CloseReason);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task DatabaseFiles_ShouldBeReadableByTheirOwnerOnly()
    {
        // The store of the contract tests is open on _path already; a write creates the log beside it.
        using var store = new SqliteStore(Options.Create(new StorageOptions { SqlitePath = _path }), NullLogger<SqliteStore>.Instance);
        await store.CreateConversationAsync("conv-perm", "dl_user", default);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_path + "-wal"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void AnExistingDatabase_ShouldBeMadeReadableByItsOwnerOnly_WhenOpened()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dystoniabot-store-{Guid.NewGuid():N}.db");
        File.WriteAllBytes(path, []);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        try
        {
            using (new SqliteStore(Options.Create(new StorageOptions { SqlitePath = path }), NullLogger<SqliteStore>.Instance))
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public async Task AnErasedConversation_ShouldLeaveNothingReadable_InTheDatabaseFiles()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dystoniabot-erased-{Guid.NewGuid():N}.db");
        const string Secret = "Quenby-Marchetti-took-forty-tablets";
        try
        {
            using (var store = new SqliteStore(Options.Create(new StorageOptions { SqlitePath = path }), NullLogger<SqliteStore>.Instance))
            {
                await store.SaveAsync("msteams/a:erased", new StoredConversationReference(new ConversationReference { User = new ChannelAccount { Id = "29:user", Name = Secret }, ServiceUrl = "https://smba.trafficmanager.net/emea/" }), default);
                await store.SaveAsync("msteams/a:kept", new StoredConversationReference(new ConversationReference { User = new ChannelAccount { Id = "29:other", Name = "Kept Person" } }), default);
                Assert.Equal(1, await store.EraseConversationAsync("msteams/a:erased", default));
            }

            // The row is gone, and so are its bytes: overwritten in the page (secure_delete), not left in free space
            // for anyone who reads the file, nor in the write-ahead log.
            SqliteConnection.ClearAllPools();
            var files = new[] { path, path + "-wal" }.Where(File.Exists).ToList();
            Assert.Contains(files, f => System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(f)).Contains("Kept Person", StringComparison.Ordinal));
            Assert.All(files, f => Assert.DoesNotContain(Secret, System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(f)), StringComparison.Ordinal));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public async Task WriteAheadLog_ShouldBeEmptied_WhenItOutgrowsItsLimit()
    {
        using var store = new SqliteStore(Options.Create(new StorageOptions { SqlitePath = _path, SqliteLogLimitMegabytes = 1 }), NullLogger<SqliteStore>.Instance);
        var directLine = store;
        await directLine.CreateConversationAsync("conv-1", "dl_user", default);

        // About 3 MB of activities, read back while they are written, as sockets do.
        var text = new string('x', 3_000);
        var log = new FileInfo(_path + "-wal");
        var largest = 0L;
        for (var i = 0; i < 1_000; i++)
        {
            await directLine.AppendAsync("conv-1", new Activity { Type = "message", Text = text }, new AppendLimits(10_000), default);
            await directLine.ReadAsync("conv-1", i, 1, default);
            log.Refresh();
            largest = Math.Max(largest, log.Exists ? log.Length : 0);
        }

        // The checkpointer may have emptied the log already: what counts is that it grew past the limit on the way.
        Assert.True(largest > 1024 * 1024, $"the test wrote too little to pass the limit ({largest} bytes at most)");
        log.Refresh();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (log.Length > 1024 * 1024 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            log.Refresh();
        }

        Assert.InRange(log.Length, 0, 1024 * 1024);
        Assert.Equal(1_000, (await directLine.ReadAsync("conv-1", 0, 2_000, default)).Activities.Count);
    }

    public void Dispose()
    {
        // Pooled connections keep the file open until the pools are cleared.
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
