using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace DystoniaBot.Web.Tests;

/// <summary>The real host with its own throwaway SQLite file and any extra configuration.</summary>
public class BotFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    // A database passed in outlives this host (a restart test opens it again); one made here goes with it.
    private readonly bool _ownsDatabase;

    // xunit class fixtures need a single public constructor; the others use Create.
    public BotFactory() : this([], null, null)
    {
    }

    private BotFactory(Dictionary<string, string?> settings, string? databasePath, Action<IServiceCollection>? services)
    {
        DatabasePath = databasePath ?? Path.Combine(Path.GetTempPath(), $"dystoniabot-test-{Guid.NewGuid():N}.db");
        _ownsDatabase = databasePath is null;
        // The fake channels listen on 127.0.0.1: listed, so any channel id may use them (as a real channel's host is).
        _settings = new Dictionary<string, string?> { ["ChannelServiceHosts:0"] = "127.0.0.1" };
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }

        _settings["Storage:SqlitePath"] = DatabasePath;
        _services = services;
    }

    public string DatabasePath { get; }

    /// <summary>A host that will listen on a real Kestrel port of 127.0.0.1 once <see cref="StartLive"/> runs.</summary>
    public static BotFactory CreateLive(Dictionary<string, string?> settings, string? databasePath = null, Action<IServiceCollection>? services = null)
    {
        var factory = new BotFactory(settings, databasePath, services);
        factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        return factory;
    }

    /// <summary>Starts the Kestrel host; returns its address.</summary>
    public Uri StartLive()
    {
        StartServer();
        var addresses = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/");
    }

    /// <summary>A host with extra settings, an existing database, and services replaced (our own seams only).</summary>
    public static BotFactory Create(Dictionary<string, string?> settings, string? databasePath = null, Action<IServiceCollection>? services = null) =>
        new(settings, databasePath, services);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase)
        {
            // Pooled connections keep the file open until the pools are cleared.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_settings));

        // Also as host settings, which the host sees before it is built (what Program.cs reads while composing, such as
        // the staff file and whether OpenID Connect is on, is read then).
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }
}
