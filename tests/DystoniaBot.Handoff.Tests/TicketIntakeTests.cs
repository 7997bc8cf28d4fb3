using DystoniaBot.Conversation.Handoff;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace DystoniaBot.Handoff.Tests;

/// <summary>Limits on questions sent to staff, with the ticket store as the seam.</summary>
public sealed class TicketIntakeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly Mock<ITicketStore> _tickets = new();
    private readonly HandoffOptions _options = new() { MaxOpenTicketsPerConversation = 3, MaxTicketsPerAskerPerDay = 10 };

    private TicketIntake Create() => new(_tickets.Object, Options.Create(_options), new FakeTimeProvider(Now));

    private static NewTicket Question(string? asker = "asker") => new("directline/c1", "directline", "u1", "Can it spread?", "en-GB", asker);

    [Fact]
    public async Task CreateAsync_ShouldRefuse_WhenTheChatHasTheMostOpenQuestions()
    {
        _tickets.Setup(t => t.CountOpenForConversationAsync("directline/c1", It.IsAny<CancellationToken>())).ReturnsAsync(3);

        var result = await Create().CreateAsync(Question(), CancellationToken.None);

        Assert.Equal((null, TicketLimit.OpenInConversation, 3), (result.Ticket, result.Limit, result.Max));
        _tickets.Verify(t => t.CreateAsync(It.IsAny<NewTicket>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task CreateAsync_ShouldRefuse_WhenTheAskerSentTheMostInTheLast24Hours()
    {
        _tickets.Setup(t => t.CountOpenForConversationAsync("directline/c1", It.IsAny<CancellationToken>())).ReturnsAsync(0);
        _tickets.Setup(t => t.CountForAskerSinceAsync("asker", Now.AddDays(-1), It.IsAny<CancellationToken>())).ReturnsAsync(10);

        var result = await Create().CreateAsync(Question(), CancellationToken.None);

        Assert.Equal((null, TicketLimit.PerAskerPerDay, 10), (result.Ticket, result.Limit, result.Max));
        _tickets.Verify(t => t.CreateAsync(It.IsAny<NewTicket>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData("asker", 9)]
    [InlineData(null, 500)]
    public async Task CreateAsync_ShouldStoreTheTicket_UnderTheLimits(string? asker, int sentToday)
    {
        var question = Question(asker);
        var ticket = new Ticket(1, "Q-7K3M9P", question.ConversationKey, "directline", "u1", question.Question, "en-GB", TicketStatus.Open, Now, null, null, null,
            DeliveryStatus.None, 0, null, null);
        _tickets.Setup(t => t.CountOpenForConversationAsync("directline/c1", It.IsAny<CancellationToken>())).ReturnsAsync(2);
        _tickets.Setup(t => t.CountForAskerSinceAsync(It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(sentToday);
        _tickets.Setup(t => t.CreateAsync(question, It.IsAny<CancellationToken>())).ReturnsAsync(ticket);

        var result = await Create().CreateAsync(question, CancellationToken.None);

        Assert.Equal((ticket, (TicketLimit?)null), (result.Ticket, result.Limit));
    }

    [Fact]
    public void AskerKey_ShouldPreferTheAddress_AndKeepNeitherInClear()
    {
        var byAddress = TicketIntake.AskerKey("203.0.113.7", "directline", "dl_1");

        Assert.Equal(byAddress, TicketIntake.AskerKey("203.0.113.7", "directline", "dl_2"));
        Assert.NotEqual(byAddress, TicketIntake.AskerKey("203.0.113.8", "directline", "dl_1"));
        Assert.NotEqual(TicketIntake.AskerKey(null, "msteams", "29:a"), TicketIntake.AskerKey(null, "msteams", "29:b"));
        Assert.DoesNotContain("203.0.113", byAddress, StringComparison.Ordinal);
        Assert.Null(TicketIntake.AskerKey(null, "msteams", null));
    }
}
