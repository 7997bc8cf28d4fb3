using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using DystoniaBot.Web.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace DystoniaBot.Web.Tests.Operations;

public sealed class BotMetricsTests
{
    [Fact]
    public async Task Answer_ShouldBeCountedByKind_WithItsTurnDuration()
    {
        var metrics = await MeasureAsync("is there a cure?");

        Assert.Equal(1, metrics.Sum("dystoniabot.replies", "bot.reply.kind", "answer"));
        Assert.Equal(1, metrics.Sum("dystoniabot.turns", "bot.reply.kind", "answer"));
        Assert.InRange(Assert.Single(metrics.Values("dystoniabot.turn.duration", "bot.reply.kind", "answer")), 0, 10);
        Assert.Equal(0, metrics.Sum("dystoniabot.abstentions") + metrics.Sum("dystoniabot.red_flags"));
    }

    [Fact]
    public async Task RedFlag_ShouldBeCountedAsEmergency()
    {
        var metrics = await MeasureAsync("I can't breathe");

        Assert.Equal(1, metrics.Sum("dystoniabot.red_flags", "bot.red_flag.kind", "emergency"));
        Assert.Equal(1, metrics.Sum("dystoniabot.replies", "bot.reply.kind", "emergency"));
        Assert.Equal(0, metrics.Sum("dystoniabot.replies", "bot.reply.kind", "answer"));
    }

    [Fact]
    public async Task UnansweredQuestion_ShouldCountAnAbstention_AndItsTicket()
    {
        var metrics = await MeasureAsync("Can dystonia affect my voice?", "Ask a question", "Send it");

        Assert.Equal(1, metrics.Sum("dystoniabot.abstentions"));
        Assert.Equal(1, metrics.Sum("dystoniabot.replies", "bot.reply.kind", "no_answer"));
        Assert.Equal(2, metrics.Sum("dystoniabot.replies", "bot.reply.kind", "handoff"));
        Assert.Equal(1, metrics.Sum("dystoniabot.tickets.created"));
    }

    /// <summary>Sends the messages in one conversation of a new host; returns what its meter recorded.</summary>
    private static async Task<RecordedMetrics> MeasureAsync(params string[] messages)
    {
        using var factory = BotFactory.Create([]);
        using var metrics = new RecordedMetrics(factory);
        var conversation = new Conversation(factory.CreateClient());
        foreach (var message in messages)
        {
            await conversation.SayAsync(message);
        }

        return metrics;
    }

    /// <summary>What one host's "DystoniaBot" meter recorded (other hosts running in parallel are not heard).</summary>
    private sealed class RecordedMetrics : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();

        public RecordedMetrics(BotFactory factory)
        {
            var meters = factory.Services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == BotMetrics.Name && ReferenceEquals(instrument.Meter.Scope, meters))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
            _listener.Start();
        }

        public double Sum(string instrument, string? tag = null, string? value = null) => Values(instrument, tag, value).Sum();

        public double[] Values(string instrument, string? tag = null, string? value = null) =>
            [.. _measurements.Where(m => m.Instrument == instrument && (tag is null || Equals(m.Tags.GetValueOrDefault(tag), value))).Select(m => m.Value)];

        public void Dispose() => _listener.Dispose();

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
            _measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
    }
}
