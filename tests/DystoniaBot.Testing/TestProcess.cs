using System.Diagnostics;
using System.Text;

namespace DystoniaBot.Testing;

/// <summary>Runs a program in its own process, as a user or a script would, and collects what it wrote.</summary>
public static class TestProcess
{
    /// <summary>What the process did.</summary>
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string[] Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>
    /// Runs <paramref name="program"/> with <paramref name="arguments"/> and <paramref name="input"/> on standard input
    /// (closed at once when null); fails if it runs longer than <paramref name="timeout"/>.
    /// </summary>
    public static async Task<Result> RunAsync(string program, string? input, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var cancellation = new CancellationTokenSource(timeout);
        var output = process.StandardOutput.ReadToEndAsync(cancellation.Token);
        var error = process.StandardError.ReadToEndAsync(cancellation.Token);
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellation.Token);
        return new Result(process.ExitCode, await output, await error);
    }
}
