using DystoniaBot.Testing;

namespace DystoniaBot.Storage.Tests;

/// <summary>The tests that need the throwaway PostgreSQL server; they share one, each with databases of its own.</summary>
[CollectionDefinition(Name)]
public sealed class UsesPostgres : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
