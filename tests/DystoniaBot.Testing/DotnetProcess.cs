namespace DystoniaBot.Testing;

/// <summary>Runs a built .NET program in its own process, as a user would.</summary>
public static class DotnetProcess
{
    /// <summary>Runs <c>dotnet <paramref name="dll"/> <paramref name="arguments"/></c> with <paramref name="input"/> on standard input.</summary>
    public static Task<TestProcess.Result> RunAsync(string dll, string? input, params string[] arguments) =>
        TestProcess.RunAsync("dotnet", input, TimeSpan.FromSeconds(60), [dll, .. arguments]);
}
