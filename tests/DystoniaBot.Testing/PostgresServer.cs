using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace DystoniaBot.Testing;

/// <summary>
/// A PostgreSQL server of its own for the tests: Debian's initdb and pg_ctl in a temporary folder, listening on a free
/// port of 127.0.0.1 (its socket in that folder too), stopped and deleted on dispose. PostgreSQL refuses to run as
/// root, so under root (CI) it runs as the postgres system user.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);
    // Under root the server runs as postgres, which must reach the folder: /tmp is open to all, a root TMPDIR may not be.
    private readonly string _folder = Path.Combine(Environment.IsPrivilegedProcess && Directory.Exists("/tmp") ? "/tmp" : Path.GetTempPath(),
        $"dystoniabot-pg-{Guid.NewGuid():N}");
    private string? _binaries;
    private bool _running;

    public int Port { get; private set; }

    private string DataFolder => Path.Combine(_folder, "data");

    public async Task InitializeAsync()
    {
        _binaries = FindBinaries(Environment.GetEnvironmentVariable("PATH") ?? "", "/usr/lib/postgresql");
        Directory.CreateDirectory(_folder);
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", _folder], asPostgres: false);
        }

        // No fsync: the data is thrown away, and initdb and every test commit are much faster without it.
        await RunAsync(Path.Combine(_binaries, "initdb"), ["-D", DataFolder, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], asPostgres: true);

        // The free port is found by binding it and letting go; another process could take it in between, so try again.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            try
            {
                await StartAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Starts the server (again) on its port.</summary>
    public async Task StartAsync()
    {
        // fsync and full page writes only guard against the machine failing, so they are off. Commits stay synchronous:
        // StopAsync ends the server as a crash does, and without them a commit is acknowledged before its WAL is written,
        // so the restart would lose the last fraction of a second of acknowledged work (the bot's whole schema, when the
        // stop follows its start closely), which a crash of a server with default settings never loses. With fsync off,
        // a synchronous commit costs one write to the operating system's cache.
        var settings = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={_folder} -c fsync=off " +
            "-c full_page_writes=off -c max_connections=300 -c shared_buffers=32MB";
        await RunAsync(Path.Combine(_binaries!, "pg_ctl"), ["-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-o", settings, "start"], asPostgres: true);
        _running = true;
    }

    /// <summary>Stops the server at once, as a crash or an outage would (its data stays for <see cref="StartAsync"/>).</summary>
    public async Task StopAsync()
    {
        await RunAsync(Path.Combine(_binaries!, "pg_ctl"), ["-D", DataFolder, "-m", "immediate", "-w", "stop"], asPostgres: true);
        _running = false;
    }

    /// <summary>What the server has written to its log, for failure messages.</summary>
    public async Task<string> ReadLogAsync()
    {
        var log = Path.Combine(_folder, "server.log");
        return File.Exists(log) ? await File.ReadAllTextAsync(log) : string.Empty;
    }

    /// <summary>A new empty database; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        // A name can't be a parameter; this one is made here of hex digits only.
        var name = $"test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
#pragma warning disable CA2100 // The database name is generated above, never input.
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    /// <summary>A connection string to <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, MaxPoolSize = 20 }.ConnectionString;

    public async Task DisposeAsync()
    {
        try
        {
            if (_running && _binaries is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await StopAsync();
            }
        }
        finally
        {
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
    }

    /// <summary>The folder holding initdb and pg_ctl: on <paramref name="path"/>, or Debian's {debianRoot}/{version}/bin (newest first).</summary>
    public static string FindBinaries(string path, string debianRoot)
    {
        var onPath = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "initdb"))
            .Where(File.Exists)
            .Select(initdb => Path.GetDirectoryName(new FileInfo(initdb).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb)!);
        var debian = Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot)
                .OrderByDescending(folder => int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0)
                .Select(folder => Path.Combine(folder, "bin"))
            : [];
        return onPath.Concat(debian).FirstOrDefault(folder => File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "The PostgreSQL tests need initdb and pg_ctl (on PATH or in /usr/lib/postgresql/*/bin): install them with `apt-get install postgresql` " +
                "(bash tests/run-all.sh does it).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _folder };
        if (asPostgres && Environment.IsPrivilegedProcess)
        {
            start.FileName = "runuser";
            foreach (var argument in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = program;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_folder, "server.log");
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await errors}" +
                (File.Exists(log) ? "\nserver log:\n" + await File.ReadAllTextAsync(log) : ""));
        }
    }
}
