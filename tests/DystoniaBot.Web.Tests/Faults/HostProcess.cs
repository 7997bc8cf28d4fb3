using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using DystoniaBot.Web.Tests.Staff;

namespace DystoniaBot.Web.Tests.Faults;

/// <summary>
/// The web host as its own process (the built DystoniaBot.Web.dll) on a port of 127.0.0.1, with a staff API key;
/// <see cref="Kill"/> and disposing kill it with SIGKILL: no shutdown, no flush, as a crash or an OOM kill.
/// </summary>
public sealed class HostProcess : IDisposable
{
    /// <summary>The bearer key of <see cref="Staff"/> (role staff).</summary>
    public const string StaffApiKey = "dbk_fault-test-key";

    // Generous: the host builds its index at start, and the machine running the tests may be busy.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private const int OutputLines = 200;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private HostProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        var address = new Uri($"http://127.0.0.1:{port}/");
        Http = new HttpClient { BaseAddress = address };
        Staff = new HttpClient { BaseAddress = address };
        Staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StaffApiKey);
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
    }

    /// <summary>The port the host listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>A client for the host, without credentials.</summary>
    public HttpClient Http { get; }

    /// <summary>A client for the host that sends the staff API key.</summary>
    public HttpClient Staff { get; }

    /// <summary>The host's last lines of output, for failure messages.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts a host on the SQLite file <paramref name="database"/> and waits until it is ready.</summary>
    public static Task<HostProcess> StartAsync(string database, int? port = null) => StartAsync(["--Storage:SqlitePath", database], port);

    /// <summary>Starts a host on the PostgreSQL database <paramref name="connectionString"/> and waits until it is ready.</summary>
    public static Task<HostProcess> StartOnPostgresAsync(string connectionString, int? port = null) =>
        StartAsync(["--Storage:PostgresConnectionString", connectionString], port);

    /// <summary>SIGKILL, and waits until the process is gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Http.Dispose();
        Staff.Dispose();
        Kill();
        _process.Dispose();
    }

    private static async Task<HostProcess> StartAsync(IEnumerable<string> storage, int? port)
    {
        // A free port is only free when it is looked up: another test's server can take it before the host binds it.
        // The host then exits at once, and only a port the caller did not choose is worth trying again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(storage, port ?? FreePort());
            }
            catch (PortTakenException) when (port is null && attempt < 3)
            {
            }
        }
    }

    private static async Task<HostProcess> StartOnceAsync(IEnumerable<string> storage, int listen)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "DystoniaBot.Web.dll"), "--urls", $"http://127.0.0.1:{listen}",
            "--Staff:File", StaffClient.NoStaffFile, "--Staff:ApiKeys:fault:Role", "staff",
            "--Staff:ApiKeys:fault:Hash", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(StaffApiKey))),
            "--Handoff:DeliveryLease", "00:00:02", "--ChannelServiceHosts:0", "127.0.0.1",
        }.Concat(storage))
        {
            start.ArgumentList.Add(argument);
        }

        var host = new HostProcess(Process.Start(start)!, listen);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            try
            {
                using var ready = await host.Http.GetAsync(new Uri("/readyz", UriKind.Relative));
                if (ready.IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (host._process.HasExited)
            {
                var output = host.Output;
                host.Dispose();
                throw output.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
                    ? new PortTakenException($"The host's port {listen} was taken before it could bind it:\n{output}")
                    : new InvalidOperationException($"The host exited while starting:\n{output}");
            }

            await Task.Delay(200);
        }

        var last = host.Output;
        host.Dispose();
        throw new TimeoutException($"The host did not become ready within {StartTimeout.TotalSeconds:0} s:\n{last}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > OutputLines && _output.TryDequeue(out _))
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The host could not bind its port: something else took it first.</summary>
public sealed class PortTakenException(string message) : InvalidOperationException(message);
