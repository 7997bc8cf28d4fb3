namespace DystoniaBot.Web.Tests.Faults;

/// <summary>
/// Tests that take a server of their own down and bring it back on the same port: run after the parallel ones, by
/// themselves. In full parallel runs the restarted database twice answered with an error for a whole minute (never
/// when the test ran alone or beside a CPU load), most likely because the port or the server's resources were taken
/// by another test while it was down.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Runs alone";
}
