using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DystoniaBot.Web.Tests.Staff;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DystoniaBot.Web.Tests.Security;

/// <summary>Staff API keys stop working at their expiry; a key made before keys expired works, and the host names it at every start.</summary>
public sealed class ApiKeyExpiryTests
{
    private const string ExpiredKey = "dbk_test-expired-key";
    private const string OldKey = "dbk_test-key-without-expiry";

    [Fact]
    public async Task AnExpiredKey_ShouldBeRefused_SayingItExpired()
    {
        using var factory = StaffClient.LiveHost(Keys());
        using var api = StaffClient.LiveApi(factory.StartLive(), ExpiredKey);

        using var response = await api.GetAsync(new Uri("/api/staff/questions", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("This API key expired on 2024-05-01 12:00 UTC. Ask an administrator for a new one ('dystoniabot staff key add').",
            problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AKeyWithoutExpiry_ShouldStillWork_AndBeNamedInAWarningAtStartup()
    {
        var logs = new ConcurrentQueue<string>();
        using var factory = StaffClient.LiveHost(Keys(), services: services => services.AddSingleton<ILoggerProvider>(new CapturingLogs(logs)));
        var host = factory.StartLive();
        using var old = StaffClient.LiveApi(host, OldKey);
        using var current = StaffClient.LiveApi(host, StaffClient.StaffKey);

        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync(new Uri("/api/staff/questions", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await current.GetAsync(new Uri("/api/staff/questions", UriKind.Relative))).StatusCode);
        Assert.Contains(logs, l => l.StartsWith("Warning: The staff API key old-tool never expires", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.StartsWith("Warning: The staff API key expired-tool expired", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains("API key tool ", StringComparison.Ordinal));
    }

    private static Dictionary<string, string?> Keys() => new()
    {
        ["Staff:ApiKeys:expired-tool:Role"] = "admin",
        ["Staff:ApiKeys:expired-tool:Hash"] = Hash(ExpiredKey),
        ["Staff:ApiKeys:expired-tool:ExpiresAt"] = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture),
        ["Staff:ApiKeys:old-tool:Role"] = "staff",
        ["Staff:ApiKeys:old-tool:Hash"] = Hash(OldKey),
    };

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Every log entry as "Level: message".</summary>
    internal sealed class CapturingLogs(ConcurrentQueue<string> entries) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(entries);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue($"{logLevel}: {formatter(state, exception)}");
        }
    }
}
