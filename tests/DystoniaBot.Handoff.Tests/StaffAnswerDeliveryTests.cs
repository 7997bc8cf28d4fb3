using DystoniaBot.BotFramework.Connector;
using DystoniaBot.BotFramework.Connector.Authentication;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.Conversation.Handoff;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace DystoniaBot.Handoff.Tests;

/// <summary>Delivery of staff answers, with the stores and the channel as seams.</summary>
public sealed class StaffAnswerDeliveryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly Mock<ITicketStore> _tickets = new();
    private readonly Mock<IConversationReferenceStore> _references = new();
    private readonly Mock<IConnectorClient> _connector = new();
    private readonly Mock<IStaffAnswerMessages> _messages = new();

    [Fact]
    public async Task DeliverDueAsync_ShouldSendTheBotsMessage_AddressedFromTheStoredReference_ThenMarkItDelivered()
    {
        var ticket = Answered("Q-7K3M9P", deliveryAttempts: 0);
        ClaimOnce(ticket);
        var reference = new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = "https://smba.trafficmanager.net/emea/",
            Conversation = new ConversationAccount { Id = "a:1" },
            Bot = new ChannelAccount { Id = "28:bot" },
            User = new ChannelAccount { Id = "29:user" },
            Locale = "en-GB",
        };
        _references.Setup(r => r.FindAsync(ticket.ConversationKey, It.IsAny<CancellationToken>())).ReturnsAsync(new StoredConversationReference(reference));
        _messages.Setup(m => m.Create(ticket)).Returns(new Activity { Type = ActivityTypes.Message, Text = "the staff answer" });
        Activity? sent = null;
        _connector.Setup(c => c.SendAsync(It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Callback<Activity, CancellationToken>((a, _) => sent = a).ReturnsAsync(new ResourceResponse("1"));

        using var delivery = Create();
        Assert.Equal(1, await delivery.DeliverDueAsync(CancellationToken.None));

        Assert.NotNull(sent);
        Assert.Equal("the staff answer", sent.Text);
        Assert.Equal("staff-answer-Q-7K3M9P", sent.Id);
        Assert.Equal("msteams", sent.ChannelId);
        Assert.Equal("https://smba.trafficmanager.net/emea/", sent.ServiceUrl);
        Assert.Equal("a:1", sent.Conversation?.Id);
        Assert.Equal("28:bot", sent.From?.Id);
        Assert.Equal("29:user", sent.Recipient?.Id);
        Assert.Equal("en-GB", sent.Locale);
        _tickets.Verify(t => t.MarkDeliveredAsync("Q-7K3M9P", It.IsAny<CancellationToken>()), Times.Once);
        _tickets.Verify(t => t.AuditAsync("system", "delivered", "Q-7K3M9P", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task DeliverDueAsync_ShouldKeepTheAnswerDue_WithALongerPause_WhenTheChannelRefusesIt()
    {
        var ticket = Answered("Q-2B4D6F", deliveryAttempts: 2);
        ClaimOnce(ticket);
        _references.Setup(r => r.FindAsync(ticket.ConversationKey, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new StoredConversationReference(new ConversationReference { ChannelId = "directline", ServiceUrl = "http://127.0.0.1:3978/" }));
        _messages.Setup(m => m.Create(ticket)).Returns(new Activity { Type = ActivityTypes.Message, Text = "answer" });
        _connector.Setup(c => c.SendAsync(It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("refused", null, System.Net.HttpStatusCode.ServiceUnavailable));

        using var delivery = Create();
        Assert.Equal(0, await delivery.DeliverDueAsync(CancellationToken.None));

        // Third failure: 30 s × 2² = 2 minutes, and the reason names the status, never the text.
        _tickets.Verify(t => t.MarkDeliveryFailedAsync("Q-2B4D6F", "channel answered 503", Now + TimeSpan.FromMinutes(2), It.IsAny<CancellationToken>()), Times.Once);
        _tickets.Verify(t => t.MarkDeliveredAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task DeliverDueAsync_ShouldNotSend_WhenNoReferenceOfTheChatIsStored()
    {
        var ticket = Answered("Q-9Z8Y7X", deliveryAttempts: 0);
        ClaimOnce(ticket);

        using var delivery = Create();
        Assert.Equal(0, await delivery.DeliverDueAsync(CancellationToken.None));

        _connector.Verify(c => c.SendAsync(It.IsAny<Activity>(), It.IsAny<CancellationToken>()), Times.Never);
        _tickets.Verify(t => t.MarkDeliveryFailedAsync("Q-9Z8Y7X", It.Is<string>(s => s.Contains("no conversation reference", StringComparison.Ordinal)),
            Now + TimeSpan.FromSeconds(30), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task DeliverDueAsync_ShouldSendTheClosingMessage_UnderItsOwnId_AndRetryItLikeAnAnswer()
    {
        var ticket = Answered("Q-C10SED", deliveryAttempts: 0) with { Status = TicketStatus.Closed, Answer = null, CloseReason = TicketCloseReason.CareTeam };
        _tickets.SetupSequence(t => t.ClaimDueDeliveriesAsync(It.IsAny<DateTimeOffset>(), It.IsAny<TimeSpan>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([ticket]).ReturnsAsync([]).ReturnsAsync([ticket]).ReturnsAsync([]);
        _references.Setup(r => r.FindAsync(ticket.ConversationKey, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new StoredConversationReference(new ConversationReference { ChannelId = "msteams", ServiceUrl = "https://smba.trafficmanager.net/emea/", Conversation = new ConversationAccount { Id = "a:1" } }));
        _messages.Setup(m => m.Create(ticket)).Returns(new Activity { Type = ActivityTypes.Message, Text = "closed, because…" });
        _connector.SetupSequence(c => c.SendAsync(It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("refused", null, System.Net.HttpStatusCode.BadGateway))
            .ReturnsAsync(new ResourceResponse("1"));

        using var delivery = Create();
        Assert.Equal(0, await delivery.DeliverDueAsync(CancellationToken.None));
        Assert.Equal(1, await delivery.DeliverDueAsync(CancellationToken.None));

        _connector.Verify(c => c.SendAsync(It.Is<Activity>(a => a.Id == "staff-close-Q-C10SED" && a.Text == "closed, because…"), It.IsAny<CancellationToken>()), Times.Exactly(2));
        _tickets.Verify(t => t.MarkDeliveryFailedAsync("Q-C10SED", "channel answered 502", Now + TimeSpan.FromSeconds(30), It.IsAny<CancellationToken>()), Times.Once);
        _tickets.Verify(t => t.MarkDeliveredAsync("Q-C10SED", It.IsAny<CancellationToken>()), Times.Once);
    }

    private StaffAnswerDelivery Create() => new(_tickets.Object, _references.Object, _connector.Object, _messages.Object,
        Mock.Of<BotFrameworkAuthentication>(), Options.Create(new HandoffOptions()), _time, NullLogger<StaffAnswerDelivery>.Instance);

    private void ClaimOnce(Ticket ticket) => _tickets.SetupSequence(t => t.ClaimDueDeliveriesAsync(It.IsAny<DateTimeOffset>(), It.IsAny<TimeSpan>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
        .ReturnsAsync([ticket])
        .ReturnsAsync([]);

    private static Ticket Answered(string reference, int deliveryAttempts) => new(
        1, reference, "msteams/a:1", "msteams", "29:user", "Can my dystonia spread?", "en-GB", TicketStatus.Answered, Now.AddDays(-1),
        "Thank you for asking…", "ada", Now.AddHours(-1), DeliveryStatus.Pending, deliveryAttempts, Now, null);
}
