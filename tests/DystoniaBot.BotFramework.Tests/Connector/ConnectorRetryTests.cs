using System.Collections.Concurrent;
using Stopwatch = System.Diagnostics.Stopwatch;
using System.Net;
using System.Text;
using System.Text.Json;
using DystoniaBot.BotFramework.Connector;
using DystoniaBot.BotFramework.Connector.Authentication;
using DystoniaBot.BotFramework.Schema;
using Microsoft.Extensions.Logging.Abstractions;

namespace DystoniaBot.BotFramework.Tests.Connector;

public class ConnectorRetryTests
{
    private static readonly Activity Reply = new()
    {
        Type = ActivityTypes.Message,
        Text = "the answer",
        ServiceUrl = "https://channel.test/",
        Conversation = new ConversationAccount { Id = "c1" },
        ReplyToId = "7",
    };

    [Fact]
    public async Task SendAsync_ShouldDeliverOnce_WhenTheChannelFailsWith500AfterTakingTheMessage()
    {
        var channel = new ScriptedChannel(Step.TakeThenFail(HttpStatusCode.InternalServerError), Step.Take);

        var response = await Client(channel).SendAsync(Reply, CancellationToken.None);

        Assert.Single(channel.Shown);
        Assert.Equal(2, channel.Attempts.Count);
        Assert.Single(channel.Attempts.Select(a => a.Id).Distinct());
        Assert.StartsWith("dbot-", channel.Attempts.First().Id, StringComparison.Ordinal);
        Assert.Equal(channel.Shown.Single().Value, response.Id);
        Assert.True(channel.Gap(1) >= ConnectorClient.Backoff(1) - TimeSpan.FromMilliseconds(20), $"gap {channel.Gap(1)}");
    }

    [Fact]
    public async Task SendAsync_ShouldDeliver_WhenTheChannelRefusesWith500ThenTakes()
    {
        var channel = new ScriptedChannel(Step.Refuse(HttpStatusCode.InternalServerError), Step.Refuse(HttpStatusCode.InternalServerError), Step.Take);

        await Client(channel).SendAsync(Reply, CancellationToken.None);

        Assert.Single(channel.Shown);
        Assert.Equal(3, channel.Attempts.Count);
        Assert.True(channel.Gap(2) >= ConnectorClient.Backoff(2) - TimeSpan.FromMilliseconds(20), $"gap {channel.Gap(2)}");
    }

    [Fact]
    public async Task SendAsync_ShouldWaitForRetryAfter_WhenThrottled()
    {
        var channel = new ScriptedChannel(Step.Refuse(HttpStatusCode.TooManyRequests, retryAfterSeconds: 1), Step.Take);

        await Client(channel).SendAsync(Reply, CancellationToken.None);

        Assert.Single(channel.Shown);
        Assert.Single(channel.Attempts.Select(a => a.Id).Distinct());
        Assert.True(channel.Gap(1) >= TimeSpan.FromMilliseconds(980), $"gap {channel.Gap(1)}");
    }

    [Fact]
    public async Task SendAsync_ShouldDeliverOnce_WhenTheFirstAttemptTimesOutAfterTheChannelTookIt()
    {
        var channel = new ScriptedChannel(Step.TakeThenStall, Step.Take);

        await Client(channel, TimeSpan.FromMilliseconds(300)).SendAsync(Reply, CancellationToken.None);

        Assert.Single(channel.Shown);
        Assert.Equal(2, channel.Attempts.Count);
        Assert.Single(channel.Attempts.Select(a => a.Id).Distinct());
    }

    [Fact]
    public async Task SendAsync_ShouldKeepTheCallersId_OnEveryAttempt()
    {
        var channel = new ScriptedChannel(Step.Refuse(HttpStatusCode.BadGateway), Step.Take);

        await Client(channel).SendAsync(Reply with { Id = "staff-answer-Q-1" }, CancellationToken.None);

        Assert.All(channel.Attempts, a => Assert.Equal("staff-answer-Q-1", a.Id));
    }

    [Fact]
    public async Task SendAsync_ShouldSendABodyWithItsLength_TheSameBytesOnEveryAttempt()
    {
        var channel = new ScriptedChannel(Step.Refuse(HttpStatusCode.BadGateway), Step.Take);

        await Client(channel).SendAsync(Reply with { Id = "a-1" }, CancellationToken.None);

        // A channel that reads by Content-Length (not chunks) gets the whole activity.
        Assert.Equal(2, channel.Bodies.Count);
        Assert.All(channel.Bodies, b => Assert.Equal(Encoding.UTF8.GetByteCount(b.Body), b.ContentLength));
        Assert.Single(channel.Bodies.Select(b => b.Body).Distinct());
    }

    [Fact]
    public async Task SendAsync_ShouldRefuseAServiceUrlThatIsNotAChannels_WithoutAnyRequest()
    {
        var channel = new ScriptedChannel(Step.Take);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Client(channel).SendAsync(Reply with { ServiceUrl = "https://attacker.example/" }, CancellationToken.None));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Client(channel).SendAsync(Reply with { ServiceUrl = "http://127.0.0.1:8080/", ChannelId = "msteams" }, CancellationToken.None));

        Assert.Empty(channel.Attempts);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge)]
    [InlineData(HttpStatusCode.NotImplemented)]
    public async Task SendAsync_ShouldNotRetry_WhenTheChannelSaysNo(HttpStatusCode status)
    {
        var channel = new ScriptedChannel(Step.Refuse(status), Step.Take);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Client(channel).SendAsync(Reply, CancellationToken.None));

        Assert.Equal(status, error.StatusCode);
        Assert.Single(channel.Attempts);
        Assert.Empty(channel.Shown);
    }

    [Fact]
    public async Task SendAsync_ShouldGiveUp_AfterABoundedNumberOfAttempts()
    {
        var channel = new ScriptedChannel(Enumerable.Repeat(Step.Refuse(HttpStatusCode.ServiceUnavailable), 10).ToArray());

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Client(channel).SendAsync(Reply, CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(4, channel.Attempts.Count);
    }

    [Fact]
    public async Task SendAsync_ShouldStopRetrying_AtTheDeadline()
    {
        var channel = new ScriptedChannel(Enumerable.Repeat(Step.Refuse(HttpStatusCode.TooManyRequests, retryAfterSeconds: 1), 10).ToArray());
        var client = new ConnectorClient(new HttpClient(channel), new AnonymousConnectorCredentials(), NullLogger<ConnectorClient>.Instance, ChannelTest)
        {
            Deadline = TimeSpan.FromMilliseconds(1500),
        };

        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(Reply, CancellationToken.None));

        Assert.Equal(2, channel.Attempts.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task SendAsync_ShouldStopAtOnce_WhenTheCallerCancels()
    {
        var channel = new ScriptedChannel(Step.TakeThenStall, Step.Take);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(channel, TimeSpan.FromSeconds(30)).SendAsync(Reply, cancel.Token));

        Assert.Single(channel.Attempts);
    }

    // The scripted channel's host, listed as a channel service the bot may send to.
    private static readonly ServiceUrlPolicy ChannelTest = new(["channel.test"]);

    private static ConnectorClient Client(ScriptedChannel channel, TimeSpan? timeout = null) =>
        new(new HttpClient(channel) { Timeout = timeout ?? TimeSpan.FromSeconds(10) }, new AnonymousConnectorCredentials(), NullLogger<ConnectorClient>.Instance, ChannelTest);

    private sealed record Step(HttpStatusCode Status, bool Takes, bool Stalls, int? RetryAfterSeconds)
    {
        public static readonly Step Take = new(HttpStatusCode.OK, true, false, null);
        public static readonly Step TakeThenStall = new(HttpStatusCode.OK, true, true, null);

        public static Step Refuse(HttpStatusCode status, int? retryAfterSeconds = null) => new(status, false, false, retryAfterSeconds);

        public static Step TakeThenFail(HttpStatusCode status) => new(status, true, false, null);
    }

    /// <summary>
    /// A channel that keeps the ids of the activities it took: a repeat is answered with the first answer and shown
    /// once, as a receiver honouring the sender's id would do.
    /// </summary>
    private sealed class ScriptedChannel(params Step[] steps) : HttpMessageHandler
    {
        private int _next;

        public ConcurrentDictionary<string, string> Shown { get; } = new();

        public ConcurrentQueue<(string? Id, DateTimeOffset At)> Attempts { get; } = new();

        public ConcurrentQueue<(long? ContentLength, string Body)> Bodies { get; } = new();

        public TimeSpan Gap(int after) => Attempts.ElementAt(after).At - Attempts.ElementAt(after - 1).At;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var text = await request.Content!.ReadAsStringAsync(cancellationToken);
            Bodies.Enqueue((request.Content.Headers.ContentLength, text));
            var body = JsonDocument.Parse(text).RootElement;
            var id = body.TryGetProperty("id", out var value) ? value.GetString() : null;
            Attempts.Enqueue((id, DateTimeOffset.UtcNow));
            var step = steps[Math.Min(Interlocked.Increment(ref _next) - 1, steps.Length - 1)];
            var shownAs = step.Takes && id is not null ? Shown.GetOrAdd(id, _ => "shown-" + Shown.Count) : null;
            if (step.Stalls)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            var response = new HttpResponseMessage(step.Status) { RequestMessage = request };
            if (step.RetryAfterSeconds is { } seconds)
            {
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
            }

            if (step.Status == HttpStatusCode.OK)
            {
                response.Content = new StringContent($"{{\"id\":\"{shownAs}\"}}", Encoding.UTF8, "application/json");
            }

            return response;
        }
    }
}
