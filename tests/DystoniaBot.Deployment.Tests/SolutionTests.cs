using DystoniaBot.Testing;

namespace DystoniaBot.Deployment.Tests;

public sealed class SolutionTests
{
    // tests/run-all.sh runs `dotnet test DystoniaBot.sln`: a test project missing from the solution never runs in CI.
    [Fact]
    public void Solution_ShouldHoldEveryTestProject()
    {
        var solution = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "DystoniaBot.sln"));

        var projects = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "tests"), "*.Tests.csproj", SearchOption.AllDirectories);
        Assert.Contains(projects, project => project.EndsWith("DystoniaBot.Deployment.Tests.csproj", StringComparison.Ordinal));
        Assert.All(projects, project => Assert.Contains(Path.GetRelativePath(RepositoryPaths.Root, project).Replace('/', '\\'), solution, StringComparison.Ordinal));
    }
}
