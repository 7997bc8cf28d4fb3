using DystoniaBot.Web.State;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DystoniaBot.Web.Tests.State;

/// <summary>The store contract on the embedded SQLite file.</summary>
public sealed class SqliteStoreTests : StoreContractTests, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"dystoniabot-store-{Guid.NewGuid():N}.db");

    protected override Task<StoreUnderTest> OpenNewAsync() => OpenAgainAsync();

    protected override Task<StoreUnderTest> OpenAgainAsync() =>
        Task.FromResult(StoreUnderTest.Of(new SqliteStore(Options.Create(new StorageOptions { SqlitePath = _path }), NullLogger<SqliteStore>.Instance)));

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
