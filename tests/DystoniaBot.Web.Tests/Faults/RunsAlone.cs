namespace DystoniaBot.Web.Tests.Faults;

/// <summary>
/// Tests that take a server of their own down and bring it back on the same port: run after the parallel ones, by
/// themselves, so that no other test can take the port or the machine's attention while the server is down.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Runs alone";
}
