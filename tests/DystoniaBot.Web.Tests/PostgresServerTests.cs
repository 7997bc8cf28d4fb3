namespace DystoniaBot.Web.Tests;

/// <summary>The test server's own checks.</summary>
public sealed class PostgresServerTests
{
    [Fact]
    public void FindBinaries_ShouldSayHowToInstallThem_WhenTheyAreMissing()
    {
        var nowhere = Path.Combine(Path.GetTempPath(), $"dystoniabot-nowhere-{Guid.NewGuid():N}");

        var missing = Assert.Throws<InvalidOperationException>(() => PostgresServer.FindBinaries(nowhere, nowhere));

        Assert.Contains("apt-get install postgresql", missing.Message, StringComparison.Ordinal);
    }
}
