using DystoniaBot.Testing;

namespace DystoniaBot.Cli.Tests;

/// <summary>Runs the built <c>dystoniabot</c> as a user would, in its own process.</summary>
internal static class CliProcess
{
    public static Task<TestProcess.Result> RunAsync(string? input, params string[] arguments) =>
        DotnetProcess.RunAsync(Path.Combine(AppContext.BaseDirectory, "dystoniabot.dll"), input, arguments);
}
