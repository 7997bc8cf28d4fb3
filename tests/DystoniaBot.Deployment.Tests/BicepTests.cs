using System.Text.Json;
using DystoniaBot.Testing;

namespace DystoniaBot.Deployment.Tests;

public sealed class BicepTests
{
    [Fact]
    public async Task EveryBicepFile_ShouldBuildWithoutWarnings()
    {
        var files = Directory.GetFiles(DeploymentFiles.Root, "*.bicep", SearchOption.AllDirectories);
        Assert.Contains(files, file => file.EndsWith("main.bicep", StringComparison.Ordinal));
        var output = Directory.CreateTempSubdirectory("dystoniabot-bicep-");
        try
        {
            var (exitCode, messages) = await RunAsync(DeploymentFiles.Bicep(), "build", "--pattern", Path.Combine(DeploymentFiles.Root, "**", "*.bicep"), "--outdir", output.FullName);

            Assert.True(exitCode == 0, messages);
            Assert.DoesNotContain("Warning", messages, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Error", messages, StringComparison.OrdinalIgnoreCase);
            foreach (var file in files)
            {
                var compiled = Path.ChangeExtension(Path.Combine(output.FullName, Path.GetRelativePath(DeploymentFiles.Root, file)), ".json");
                Assert.True(File.Exists(compiled), "no ARM template for " + file);
            }

            ParametersExample_ShouldMatchMainAndHoldNoSecret(Path.Combine(output.FullName, "azure", "main.json"));
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    // The example names only parameters main.bicep declares, every required one but the secure ones, and no secret.
    private static void ParametersExample_ShouldMatchMainAndHoldNoSecret(string compiledMain)
    {
        using var template = JsonDocument.Parse(File.ReadAllText(compiledMain));
        using var example = JsonDocument.Parse(DeploymentFiles.Text("azure", "main.parameters.json"));
        var declared = template.RootElement.GetProperty("parameters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        var given = example.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToList();

        Assert.All(given, name => Assert.True(declared.ContainsKey(name), $"main.parameters.json sets {name}, which main.bicep does not declare"));
        foreach (var (name, parameter) in declared)
        {
            var secure = parameter.GetProperty("type").GetString()!.StartsWith("secure", StringComparison.OrdinalIgnoreCase);
            if (secure)
            {
                Assert.DoesNotContain(name, given);
            }
            else if (!parameter.TryGetProperty("defaultValue", out _))
            {
                Assert.Contains(name, given);
            }
        }
    }

    /// <summary>Runs a program; returns its exit code and everything it wrote, output then errors.</summary>
    private static async Task<(int ExitCode, string Messages)> RunAsync(string program, params string[] arguments)
    {
        var result = await TestProcess.RunAsync(program, null, TimeSpan.FromMinutes(5), arguments);
        return (result.ExitCode, result.Output + result.Error);
    }
}
