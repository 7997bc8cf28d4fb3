using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DystoniaBot.Conversation.Handoff;
using DystoniaBot.Conversation.Persistence;
using DystoniaBot.Handoff;
using DystoniaBot.Storage;
using DystoniaBot.Web.Tests.DirectLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace DystoniaBot.Web.Tests.Handoff;

/// <summary>
/// "Ask a question" end to end: the asker's consent, the ticket, a staff answer delivered into the chat. On the
/// default storage here; a subclass runs the same tests on another.
/// </summary>
public class HandoffFlowTests : IAsyncLifetime
{
    private const string Unanswerable = "Can dystonia affect my voice?";
    private Dictionary<string, string?> _storage = [];

    /// <summary>Settings that put each host of a test on the same new, empty storage (none: the default SQLite file).</summary>
    protected virtual Task<Dictionary<string, string?>> NewStorageAsync() => Task.FromResult(new Dictionary<string, string?>());

    public async Task InitializeAsync() => _storage = await NewStorageAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task UnansweredQuestion_ShouldReachStaff_AndTheirAnswerTheSameChat()
    {
        using var factory = NewHost();
        var client = await DirectLineClient.VisitAsync(factory.CreateClient());
        await client.StartAsync();

        await client.SayAsync(Unanswerable);
        var offer = Last(await client.GetAsync());
        Assert.Contains("Ask a question", SuggestedActions(offer));

        await client.SayAsync("Ask a question");
        var consent = Last(await client.GetAsync());
        Assert.Contains(Unanswerable, DirectLineClient.Text(consent), StringComparison.Ordinal);
        Assert.Contains("911", DirectLineClient.Text(consent), StringComparison.Ordinal);
        Assert.Equal(["Send it", "Edit", "Cancel"], SuggestedActions(consent));

        await client.SayAsync("Send it");
        var sent = DirectLineClient.Text(Last(await client.GetAsync()))!;
        var tickets = factory.Services.GetRequiredService<ITicketStore>();
        var ticket = Assert.Single(await tickets.ListAsync(TicketStatus.Open, 10, CancellationToken.None));
        Assert.Contains(ticket.Reference, sent, StringComparison.Ordinal);
        Assert.Equal(Unanswerable, ticket.Question);
        Assert.Equal("directline", ticket.ChannelId);
        Assert.Equal(client.UserId, ticket.UserId);

        await client.SayAsync("my questions");
        Assert.Contains("waiting for an answer", DirectLineClient.Text(Last(await client.GetAsync())), StringComparison.Ordinal);

        var desk = factory.Services.GetRequiredService<TicketDesk>();
        var (answered, problem) = await desk.AnswerAsync(ticket.Reference, "Yes: when dystonia affects the vocal cords it is called spasmodic dysphonia.", "Nurse Ada", CancellationToken.None);
        Assert.Null(problem);
        Assert.NotNull(answered);

        var answer = await client.WaitForAsync(a => DirectLineClient.Text(a)?.Contains("Answer from our health-line staff", StringComparison.Ordinal) == true);
        Assert.Contains("spasmodic dysphonia", DirectLineClient.Text(answer), StringComparison.Ordinal);
        Assert.Contains("neurologist", DirectLineClient.Text(answer), StringComparison.Ordinal);

        // The answer asks whether it helped; the rating is stored against the ticket.
        var card = answer.GetProperty("attachments")[0].GetProperty("content");
        Assert.Contains("Did this answer help?", card.GetRawText(), StringComparison.Ordinal);
        var notHelpful = card.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("title").GetString() == "Not helpful");
        await client.SayAsync(string.Empty, value: notHelpful.GetProperty("data"));
        var rating = Assert.Single(await factory.Services.GetRequiredService<IFeedbackStore>().ListAsync(10, CancellationToken.None));
        Assert.Equal("ticket:" + ticket.Reference, rating.PassageId);
        Assert.Equal(Unanswerable, rating.Question);
        Assert.False(rating.Helpful);

        // The chat shows the answer a moment before the delivery is recorded.
        var delivery = DeliveryStatus.Pending;
        for (var i = 0; i < 50 && delivery != DeliveryStatus.Delivered; i++)
        {
            await Task.Delay(i == 0 ? 0 : 100);
            delivery = (await tickets.FindTicketAsync(ticket.Reference, CancellationToken.None))!.Delivery;
        }

        Assert.Equal(DeliveryStatus.Delivered, delivery);
        var audit = await tickets.ListAuditAsync(10, CancellationToken.None);
        Assert.Contains(audit, e => e.Actor == "Nurse Ada" && e.Action == "answer" && e.Target == ticket.Reference);
        Assert.Contains(audit, e => e.Action == "delivered" && e.Target == ticket.Reference);

        // Answered once: a second answer is refused, and the status says so.
        Assert.Equal("The ticket is no longer open.", (await desk.AnswerAsync(ticket.Reference, "again", "Nurse Ada", CancellationToken.None)).Problem);
        await client.SayAsync("my questions");
        Assert.Contains("answered", DirectLineClient.Text(Last(await client.GetAsync())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asker_ShouldEditOrCancel_BeforeAnythingIsSent()
    {
        using var factory = NewHost();
        var client = await DirectLineClient.VisitAsync(factory.CreateClient());
        await client.StartAsync();
        var tickets = factory.Services.GetRequiredService<ITicketStore>();

        await client.SayAsync("I'd like to ask a specialist");
        Assert.Contains("What would you like to ask", DirectLineClient.Text(Last(await client.GetAsync())), StringComparison.Ordinal);
        await client.SayAsync("Does botox for dystonia wear off?");
        Assert.Contains("Does botox for dystonia wear off?", DirectLineClient.Text(Last(await client.GetAsync())), StringComparison.Ordinal);
        await client.SayAsync("Edit");
        await client.SayAsync("How long does a botox injection for dystonia last?");
        await client.SayAsync("Cancel");

        Assert.Contains("haven't sent anything", DirectLineClient.Text(Last(await client.GetAsync())), StringComparison.Ordinal);
        Assert.Empty(await tickets.ListAsync(null, 10, CancellationToken.None));

        await client.SayAsync("ask a nurse: how long does a botox injection for dystonia last?");
        await client.SayAsync("yes");
        var ticket = Assert.Single(await tickets.ListAsync(null, 10, CancellationToken.None));
        Assert.Equal("how long does a botox injection for dystonia last?", ticket.Question);
    }

    [Fact]
    public async Task TicketThatCannotBeSaved_ShouldSaySo()
    {
        var store = new Mock<ITicketStore>();
        store.Setup(s => s.CreateAsync(It.IsAny<NewTicket>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("disk full"));
        store.Setup(s => s.ClaimDueDeliveriesAsync(It.IsAny<DateTimeOffset>(), It.IsAny<TimeSpan>(), It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        using var factory = NewHost(services: s => s.AddSingleton(store.Object));
        var client = await DirectLineClient.VisitAsync(factory.CreateClient());
        await client.StartAsync();

        await client.SayAsync(Unanswerable);
        await client.SayAsync("Ask a question");
        await client.SayAsync("Send it");

        var reply = DirectLineClient.Text(Last(await client.GetAsync()))!;
        Assert.Contains("can't save your question right now", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("reference", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffAnswer_ShouldSurviveARestart_BetweenTicketAndAnswer()
    {
        var database = Path.Combine(Path.GetTempPath(), $"dystoniabot-restart-{Guid.NewGuid():N}.db");
        DirectLineClient client;
        string reference;
        using (var before = NewHost(database))
        {
            client = await DirectLineClient.VisitAsync(before.CreateClient());
            await client.StartAsync();
            await client.SayAsync("ask a specialist: can dystonia affect my voice?");
            await client.SayAsync("Send it");
            reference = Assert.Single(await before.Services.GetRequiredService<ITicketStore>().ListAsync(null, 5, CancellationToken.None)).Reference;
        }

        try
        {
            using var after = NewHost(database);
            var http = after.CreateClient();
            var (answered, _) = await after.Services.GetRequiredService<TicketDesk>().AnswerAsync(reference, "It can: spasmodic dysphonia.", "Nurse Ada", CancellationToken.None);
            Assert.NotNull(answered);

            var answer = await client.On(http).WaitForAsync(a => DirectLineClient.Text(a)?.Contains("spasmodic dysphonia", StringComparison.Ordinal) == true);
            Assert.Contains(reference, DirectLineClient.Text(answer), StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public async Task TeamsAsker_ShouldGetTheAnswer_ThroughTheChannel_RetriedWhenItRefuses()
    {
        await using var channel = await FakeChannel.StartAsync();
        using var factory = NewHost();
        var http = factory.CreateClient();
        await channel.SayFromTeamsAsync(http, "ask a specialist: can dystonia affect my voice?");
        await channel.SayFromTeamsAsync(http, "Send it");
        var tickets = factory.Services.GetRequiredService<ITicketStore>();
        var ticket = Assert.Single(await tickets.ListAsync(null, 5, CancellationToken.None));
        Assert.Equal("msteams", ticket.ChannelId);

        // The channel refuses the delivery (on each of the Connector client's 4 attempts): the answer stays due.
        var before = channel.Received.Count;
        channel.RefuseStatus = 503;
        channel.RefuseNext(4);
        await factory.Services.GetRequiredService<TicketDesk>().AnswerAsync(ticket.Reference, "It can: spasmodic dysphonia.", "Nurse Ada", CancellationToken.None);
        var delivery = factory.Services.GetRequiredService<StaffAnswerDelivery>();
        await delivery.DeliverDueAsync(CancellationToken.None);
        var pending = (await tickets.FindTicketAsync(ticket.Reference, CancellationToken.None))!;
        Assert.Equal(DeliveryStatus.Pending, pending.Delivery);
        Assert.Equal(1, pending.DeliveryAttempts);
        Assert.Equal("channel answered 503", pending.DeliveryError);

        // Once it is due again the channel takes it: delivered once.
        await tickets.MarkDeliveryFailedAsync(ticket.Reference, "test: due now", DateTimeOffset.UtcNow.AddSeconds(-1), CancellationToken.None);
        await delivery.DeliverDueAsync(CancellationToken.None);
        await delivery.DeliverDueAsync(CancellationToken.None);
        var answers = channel.Received.Skip(before).Where(r => r.Activity.GetProperty("text").GetString()!.Contains("spasmodic dysphonia", StringComparison.Ordinal)).ToList();
        Assert.Single(answers);
        Assert.EndsWith("/activities", answers[0].Path, StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Delivered, (await tickets.FindTicketAsync(ticket.Reference, CancellationToken.None))!.Delivery);
    }

    [Fact]
    public async Task TicketsAndCuratedSubmissions_ShouldBeDeleted_AfterTheConfiguredRetention()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = BotFactory.Create(new(_storage) { ["Handoff:RetentionDays"] = "7" }, services: s => s.AddSingleton<TimeProvider>(time));
        var client = await DirectLineClient.VisitAsync(factory.CreateClient());
        await client.StartAsync();
        await client.SayAsync("ask a specialist: can dystonia affect my voice?");
        await client.SayAsync("Send it");
        var tickets = factory.Services.GetRequiredService<ITicketStore>();
        var reference = Assert.Single(await tickets.ListAsync(null, 5, CancellationToken.None)).Reference;
        var submissions = factory.Services.GetRequiredService<ICuratedSubmissionStore>();
        var submission = await submissions.SubmitAsync(new NewCuratedSubmission(reference, "Can dystonia affect the voice?", "It can.", "nurse", "admin"), CancellationToken.None);
        var retention = factory.Services.GetServices<IHostedService>().OfType<RetentionService>().Single();

        time.Advance(TimeSpan.FromDays(6));
        await retention.SweepAsync(CancellationToken.None);
        Assert.NotNull(await tickets.FindTicketAsync(reference, CancellationToken.None));
        Assert.NotNull(await submissions.FindSubmissionAsync(submission.Id, CancellationToken.None));

        time.Advance(TimeSpan.FromDays(2));
        await retention.SweepAsync(CancellationToken.None);
        Assert.Null(await tickets.FindTicketAsync(reference, CancellationToken.None));
        Assert.Null(await submissions.FindSubmissionAsync(submission.Id, CancellationToken.None));
    }

    private BotFactory NewHost(string? databasePath = null, Action<IServiceCollection>? services = null) => BotFactory.Create(_storage, databasePath, services);

    private static JsonElement Last((List<JsonElement> Activities, string Watermark) set) =>
        set.Activities.Last(a => a.GetProperty("type").GetString() == "message");

    private static List<string> SuggestedActions(JsonElement activity) =>
        activity.TryGetProperty("suggestedActions", out var actions)
            ? [.. actions.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()!)]
            : [];
}
