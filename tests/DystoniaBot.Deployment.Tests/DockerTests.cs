using System.Text.RegularExpressions;
using System.Xml.Linq;
using DystoniaBot.Testing;
using YamlDotNet.RepresentationModel;

namespace DystoniaBot.Deployment.Tests;

public sealed partial class DockerTests
{
    private static readonly string[] Dockerfile = Instructions(DeploymentFiles.Text("docker", "Dockerfile"));

    [Fact]
    public void Dockerfile_ShouldPinItsBaseImages()
    {
        var bases = Dockerfile.Where(line => line.StartsWith("FROM ", StringComparison.Ordinal)).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]).ToList();

        Assert.Equal(["mcr.microsoft.com/dotnet/sdk:10.0", "mcr.microsoft.com/dotnet/aspnet:10.0"], bases);
        Assert.All(bases, image => Assert.True(DeploymentFiles.IsPinned(image), image));
    }

    [Fact]
    public void Dockerfile_ShouldRunAsNonRoot_WithAHealthCheck_AndTheIndexBuiltIn()
    {
        var runtime = Dockerfile.SkipWhile(line => !line.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet", StringComparison.Ordinal)).ToList();

        var user = runtime.Last(line => line.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..].Trim();
        Assert.DoesNotContain(user, new[] { "root", "0", "0:0" });
        Assert.Contains(runtime, line => line.StartsWith("HEALTHCHECK ", StringComparison.Ordinal) && line.Contains("/healthz", StringComparison.Ordinal));
        Assert.Contains(runtime, line => line.StartsWith("EXPOSE 3978", StringComparison.Ordinal));
        Assert.Contains(Dockerfile, line => line.Contains("dystoniabot.dll index", StringComparison.Ordinal) && line.Contains("--out /out/index", StringComparison.Ordinal));
        Assert.Contains(runtime, line => line.Contains("Knowledge__IndexPath=/app/index", StringComparison.Ordinal));
        Assert.Contains(runtime, line => line.Contains("ASPNETCORE_URLS=http://+:3978", StringComparison.Ordinal));

        // The Web Chat bundle comes from npm during the Web project's build.
        Assert.Contains(Dockerfile, line => line.StartsWith("RUN ", StringComparison.Ordinal) && line.Contains("npm", StringComparison.Ordinal));
    }

    // The restore layer copies project files one by one: a project the hosts come to depend on must be added there.
    [Fact]
    public void Dockerfile_ShouldCopyEveryProjectTheHostsBuildOn()
    {
        var pending = new Stack<string>([Project("src/DystoniaBot.Web/DystoniaBot.Web.csproj"), Project("src/DystoniaBot.Cli/DystoniaBot.Cli.csproj")]);
        var projects = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryPop(out var project))
        {
            if (projects.Add(project))
            {
                var folder = Path.GetDirectoryName(project)!;
                foreach (var reference in XDocument.Load(project).Descendants("ProjectReference"))
                {
                    pending.Push(Path.GetFullPath(Path.Combine(folder, reference.Attribute("Include")!.Value.Replace('\\', '/'))));
                }
            }
        }

        var copied = string.Join('\n', Dockerfile.Where(line => line.StartsWith("COPY ", StringComparison.Ordinal)));
        Assert.All(projects, project => Assert.Contains(Path.GetRelativePath(RepositoryPaths.Root, project), copied, StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_ShouldStartTheBotOnceADatabaseIsHealthy()
    {
        var compose = Assert.Single(DeploymentFiles.Yaml(DeploymentFiles.PathOf("docker", "compose.yaml")));
        var services = (YamlMappingNode)compose.At("services")!;

        Assert.All(services.Children, service => Assert.NotNull(service.Value.At("healthcheck", "test")));
        var bot = services.At("bot")!;
        Assert.Equal("service_healthy", bot.Scalar("depends_on", "postgres", "condition"));
        Assert.NotNull(bot.Scalar("environment", "Storage__PostgresConnectionString"));
        Assert.Contains("/readyz", string.Join(' ', bot.Items("healthcheck", "test").Select(part => ((YamlScalarNode)part).Value)), StringComparison.Ordinal);
        Assert.NotEmpty(((YamlMappingNode)compose.At("volumes")!).Children);
        Assert.True(DeploymentFiles.IsPinned(services.Scalar("postgres", "image")!));
    }

    [Fact]
    public void Compose_ShouldPublishEveryPortOnThisMachineOnly_ByDefault()
    {
        var compose = Assert.Single(DeploymentFiles.Yaml(DeploymentFiles.PathOf("docker", "compose.yaml")));
        var services = (YamlMappingNode)compose.At("services")!;

        // "host address:host port:container port", the address 127.0.0.1 unless DYSTONIABOT_BIND says otherwise: a bare
        // "3978:3978" would publish the bot (anonymous without an app id) on every interface.
        var published = services.Children.SelectMany(service => service.Value.Items("ports")).Select(port => ((YamlScalarNode)port).Value!).ToList();
        Assert.NotEmpty(published);
        Assert.All(published, port => Assert.StartsWith("${DYSTONIABOT_BIND:-127.0.0.1}:", port, StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_ShouldUseOnlyVariablesTheReadmeDescribes()
    {
        var readme = DeploymentFiles.Text("README.md");
        var variables = Variable().Matches(DeploymentFiles.Text("docker", "compose.yaml")).Select(match => match.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(variables);
        Assert.All(variables, name => Assert.Contains($"`{name}`", readme, StringComparison.Ordinal));
    }

    private static string Project(string relative) => Path.Combine(RepositoryPaths.Root, relative);

    // Continuation lines joined, comments dropped.
    private static string[] Instructions(string dockerfile) =>
        [.. Continuation().Replace(dockerfile, " ").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#'))];

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex Continuation();

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Variable();
}
