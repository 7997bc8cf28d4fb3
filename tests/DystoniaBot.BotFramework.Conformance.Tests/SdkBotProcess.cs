using System.Collections.Concurrent;
using System.Diagnostics;
using DystoniaBot.Testing;

namespace DystoniaBot.BotFramework.Conformance.Tests;

/// <summary>
/// The official SDK's bot (tests/DystoniaBot.SdkBot) in its own process on 127.0.0.1: a process of its own so that its
/// environment can trust the test's certificate (SSL_CERT_FILE), which the SDK needs to fetch OpenID metadata over https
/// with the static HttpClient it keeps.
/// </summary>
public sealed class SdkBotProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SdkBotProcess(Process process, Uri baseAddress, ConcurrentQueue<string> log)
    {
        _process = process;
        BaseAddress = baseAddress;
        Log = log;
    }

    public Uri BaseAddress { get; }

    /// <summary>What the SDK wrote to its log (its warnings and errors: why it refused a request).</summary>
    public ConcurrentQueue<string> Log { get; }

    /// <summary>Starts the bot with <paramref name="settings"/> (the SDK's flat keys) and <paramref name="environment"/>.</summary>
    public static async Task<SdkBotProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Dll)!,
        };
        start.ArgumentList.Add(Dll);
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var log = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                listening.TrySetException(new InvalidOperationException("The SDK bot exited: " + string.Join('\n', log)));
                return;
            }

            log.Enqueue(line.Data);
            if (line.Data.StartsWith("listening on ", StringComparison.Ordinal))
            {
                listening.TrySetResult(new Uri(line.Data["listening on ".Length..]));
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                log.Enqueue(line.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            return new SdkBotProcess(process, await listening.Task.WaitAsync(TimeSpan.FromSeconds(60)), log);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>The built SDK bot beside this test assembly's configuration (Debug or Release).</summary>
    private static string Dll
    {
        get
        {
            // bin/<Configuration>/net10.0/ of this assembly: the SDK bot is built with the same configuration.
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = framework.Parent!.Name;
            return RepositoryPaths.Test("DystoniaBot.SdkBot", "bin", configuration, framework.Name, "DystoniaBot.SdkBot.dll");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
