using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DystoniaBot.Web.Tests.Operations;

public sealed class LogPrivacyTests
{
    [Fact]
    public async Task Turns_ShouldLogNoQuestionText_EvenAtTraceLevel()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = BotFactory.Create(new() { ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:Microsoft"] = "Trace" },
            services: services => services.AddSingleton<ILoggerProvider>(logs));
        var conversation = new Conversation(factory.CreateClient());
        string[] questions = ["is there a cure for my quivering zebrafinch hands?", "Does dystonia stop me playing the ophicleide?", "Ask a question", "Send it"];

        foreach (var question in questions)
        {
            await conversation.SayAsync(question);
        }

        Assert.NotEmpty(logs.Entries);
        foreach (var word in new[] { "zebrafinch", "ophicleide" })
        {
            Assert.DoesNotContain(logs.Entries, entry => entry.Contains(word, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task FailedSignIns_ShouldNotLogWhatWasTypedAsTheName_UnlessItIsAnAccount()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = Staff.StaffClient.Host(services: services => services.AddSingleton<ILoggerProvider>(logs));
        var client = Staff.StaffClient.Anonymous(factory);

        using (await client.SignInResponseAsync("my-secret-Passw0rd", "whatever"))
        using (await client.SignInResponseAsync("forged\nStaff admin signed in", "whatever"))
        using (await client.SignInResponseAsync(Staff.StaffClient.NurseName, "wrong password"))
        {
        }

        Assert.DoesNotContain(logs.Entries, e => e.Contains("my-secret-Passw0rd", StringComparison.Ordinal) || e.Contains("forged", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Contains("Failed staff sign-in for an unknown name", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Contains($"Failed staff sign-in for {Staff.StaffClient.NurseName}", StringComparison.Ordinal));
    }

    /// <summary>Every log entry as text: the message, each structured value and the exception.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                provider.Entries.Enqueue("scope: " + Describe(state));
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                provider.Entries.Enqueue($"{formatter(state, exception)} | {Describe(state)} | {exception}");

            private static string Describe(object? state) => state is IEnumerable<KeyValuePair<string, object?>> values
                ? string.Join("; ", values.Select(v => $"{v.Key}={v.Value}"))
                : state?.ToString() ?? "";
        }
    }
}
