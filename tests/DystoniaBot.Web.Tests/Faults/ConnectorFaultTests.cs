using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DystoniaBot.BotFramework.Connector;
using DystoniaBot.Conversation.Persistence;
using DystoniaBot.Handoff;
using DystoniaBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DystoniaBot.Web.Tests.Faults;

/// <summary>
/// A channel that answers 500, throttles or answers too late: the reply is retried with backoff and the user sees it
/// exactly once, every attempt carrying the same activity id.
/// </summary>
public sealed class ConnectorFaultTests
{
    private static readonly TimeSpan ConnectorTimeout = TimeSpan.FromSeconds(1);

    // The Connector client's first backoff when the channel gives no Retry-After.
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(200);

    public static TheoryData<string> Faults => ["refused 500", "took it, then 500", "429 with Retry-After: 1", "took it, answered too late"];

    private static ChannelFault Fault(string name) => name switch
    {
        "refused 500" => ChannelFault.Refuse(500),
        "took it, then 500" => ChannelFault.TakeThenFail(500),
        "429 with Retry-After: 1" => ChannelFault.Refuse(429, retryAfterSeconds: 1),
        _ => ChannelFault.TakeThenStall(ConnectorTimeout * 2),
    };

    private static TimeSpan ExpectedPause(string name) => name switch
    {
        "429 with Retry-After: 1" => TimeSpan.FromSeconds(1),
        "took it, answered too late" => ConnectorTimeout + FirstBackoff,
        _ => FirstBackoff,
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Reply_ShouldReachTheUserOnce_WhenTheChannelFailsOnce(string fault)
    {
        await using var channel = await FakeChannel.StartAsync();
        using var factory = NewHost();
        channel.FailNext(Fault(fault));

        var response = await factory.CreateClient().PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), Message(channel, "is there a cure"));
        response.EnsureSuccessStatusCode();
        await channel.WaitForAsync(2);

        var reply = Assert.Single(channel.Received, r => r.Activity.GetProperty("type").GetString() == "message").Activity;
        Assert.Contains("cure", reply.GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
        var id = reply.GetProperty("id").GetString();
        Assert.False(string.IsNullOrEmpty(id));
        var attempts = channel.Attempts.Where(a => a.ActivityId == id).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal(200, attempts[1].Status);
        var pause = attempts[1].At - attempts[0].At;
        Assert.True(pause >= ExpectedPause(fault) - TimeSpan.FromMilliseconds(50), $"the retry came {pause.TotalMilliseconds} ms after the first attempt");
    }

    [Fact]
    public async Task StaffAnswer_ShouldReachTheChatOnce_WhenTheChannelTookItButAnswered500UntilTheNextRound()
    {
        await using var channel = await FakeChannel.StartAsync();
        using var factory = NewHost();
        var http = factory.CreateClient();
        await channel.SayFromTeamsAsync(http, "ask a specialist: can dystonia affect my voice?");
        await channel.SayFromTeamsAsync(http, "Send it");
        var tickets = factory.Services.GetRequiredService<ITicketStore>();
        var ticket = Assert.Single(await tickets.ListAsync(null, 5, CancellationToken.None));
        var before = channel.Received.Count;

        // Every attempt of the first round is taken and then failed: the channel shows it, the bot can't know.
        channel.FailNext(Enumerable.Repeat(ChannelFault.TakeThenFail(500), 4).ToArray());
        await factory.Services.GetRequiredService<TicketDesk>().AnswerAsync(ticket.Reference, "It can: spasmodic dysphonia.", "Nurse Ada", CancellationToken.None);
        var delivery = factory.Services.GetRequiredService<StaffAnswerDelivery>();
        await delivery.DeliverDueAsync(CancellationToken.None);
        Assert.Equal(DeliveryStatus.Pending, (await tickets.FindTicketAsync(ticket.Reference, CancellationToken.None))!.Delivery);

        // The next round sends the same activity again: the channel recognises it, the chat still shows it once.
        await tickets.MarkDeliveryFailedAsync(ticket.Reference, "test: due now", DateTimeOffset.UtcNow.AddSeconds(-1), CancellationToken.None);
        await delivery.DeliverDueAsync(CancellationToken.None);

        var answers = channel.Received.Skip(before).Where(r => r.Activity.GetProperty("text").GetString()!.Contains("spasmodic dysphonia", StringComparison.Ordinal)).ToList();
        Assert.Single(answers);
        Assert.Equal("staff-answer-" + ticket.Reference, answers[0].Activity.GetProperty("id").GetString());
        Assert.Equal(5, channel.Attempts.Count(a => a.ActivityId == "staff-answer-" + ticket.Reference));
        Assert.Equal(4, channel.Repeats);
        Assert.Equal(DeliveryStatus.Delivered, (await tickets.FindTicketAsync(ticket.Reference, CancellationToken.None))!.Delivery);
    }

    private static BotFactory NewHost() => BotFactory.Create([], services: services =>
        services.AddHttpClient<IConnectorClient, ConnectorClient>(client => client.Timeout = ConnectorTimeout));

    private static object Message(FakeChannel channel, string text) => new
    {
        type = "message",
        id = "act-1",
        channelId = "emulator",
        serviceUrl = channel.ServiceUrl,
        from = new { id = "user-1", name = "User" },
        recipient = new { id = "bot-1", name = "DystoniaBot" },
        conversation = new { id = "conv-" + Guid.NewGuid() },
        text,
        locale = "en-US",
        deliveryMode = "normal",
    };
}
