using DystoniaBot.Conversation.Persistence;
using DystoniaBot.Handoff;
using DystoniaBot.Storage;
using DystoniaBot.Web.Bots;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace DystoniaBot.Web.Tests.Faults;

/// <summary>The SQLite file can't be used (locked, gone, full): what needs the records says so plainly.</summary>
public sealed class SqliteOutageTests
{
    [Fact]
    public async Task MyQuestionsAndARating_ShouldSayTheRecordsCantBeReached_WhenSqliteFails()
    {
        var unavailable = new SqliteException("unable to open database file", 14);
        var tickets = new Mock<ITicketStore>();
        tickets.Setup(t => t.ListForConversationAsync(It.IsAny<string>(), It.IsAny<int>(), It.IsAny<CancellationToken>())).ThrowsAsync(unavailable);
        tickets.Setup(t => t.ClaimDueDeliveriesAsync(It.IsAny<DateTimeOffset>(), It.IsAny<TimeSpan>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([]);
        var feedback = new Mock<IFeedbackStore>();
        feedback.Setup(f => f.AddAsync(It.IsAny<Feedback>(), It.IsAny<CancellationToken>())).ThrowsAsync(unavailable);
        using var factory = BotFactory.Create([], services: services =>
        {
            services.AddSingleton(tickets.Object);
            services.AddSingleton(feedback.Object);
        });
        var conversation = new Conversation(factory.CreateClient());

        Assert.Contains("can't reach our records", await conversation.AskAsync("my questions"), StringComparison.Ordinal);
        var rated = await conversation.ClickAsync(new { action = "feedback", helpful = false, passageId = "dystonia#1", question = "is there a cure?" });
        Assert.Equal(DystoniaBotHandler.FeedbackNotSaved, Assert.Single(rated));
        Assert.Contains("no cure", await conversation.AskAsync("is there a cure?"), StringComparison.Ordinal);
    }
}
