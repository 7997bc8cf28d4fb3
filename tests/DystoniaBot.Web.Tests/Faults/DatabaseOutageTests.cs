using System.Net;
using DystoniaBot.Conversation.Persistence;
using DystoniaBot.Handoff;
using DystoniaBot.Storage;
using DystoniaBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DystoniaBot.Web.Tests.Faults;

/// <summary>
/// PostgreSQL stopped under a running bot: questions are still answered from the local index, the bot reports the
/// database as not ready, what needs the records says it can't reach them, and everything works again — the first
/// ticket included — once the database is back. The test has a server of its own, since it stops it.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly PostgresServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task DatabaseStopped_ShouldNotStopAnswers_AndEverythingRecovers_WhenItReturns()
    {
        using var factory = BotFactory.Create(new() { ["Storage:PostgresConnectionString"] = await _server.CreateDatabaseAsync() });
        var http = factory.CreateClient();
        Assert.Contains("no cure", await new Conversation(http).AskAsync("is there a cure?"), StringComparison.Ordinal);

        await _server.StopAsync();

        var during = new Conversation(http);
        Assert.Contains("no cure", await during.AskAsync("is there a cure?"), StringComparison.Ordinal);
        Assert.Contains("muscle", await during.AskAsync("what is dystonia?"), StringComparison.Ordinal);
        using (var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }

        // What needs the records says so plainly, rather than the generic apology of a failed turn.
        Assert.Contains("can't reach our records", await during.AskAsync("my questions"), StringComparison.Ordinal);
        var rated = await during.ClickAsync(new { action = "feedback", helpful = true, passageId = "dystonia#1", question = "is there a cure?" });
        Assert.Equal(DystoniaBot.Web.Bots.DystoniaBotHandler.FeedbackNotSaved, Assert.Single(rated));

        await _server.StartAsync();

        // Recovery is the bot's own: no restart, no pool cleared by hand; a busy machine may take a few seconds.
        var status = HttpStatusCode.ServiceUnavailable;
        var reasons = string.Empty;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (status != HttpStatusCode.OK && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100);
            using var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
            status = ready.StatusCode;
            reasons = await ready.Content.ReadAsStringAsync();
        }

        // The server's log says what it answered, and what its recovery after the restart found.
        Assert.True(status == HttpStatusCode.OK,
            $"Not ready {waited.Elapsed.TotalSeconds:F0} s after the database came back: {reasons}\nServer log:\n{await _server.ReadLogAsync()}");

        // Connections pooled before the outage are all dead: the first ticket after it is saved all the same.
        var after = new Conversation(http);
        await after.AskAsync("ask a nurse: can dystonia affect my voice?");
        var sent = await after.AskAsync("Send it");
        Assert.Contains("Your reference is", sent, StringComparison.Ordinal);
        var ticket = Assert.Single(await factory.Services.GetRequiredService<ITicketStore>().ListAsync(null, 5, CancellationToken.None));
        Assert.Equal("can dystonia affect my voice?", ticket.Question);
    }

    [Fact]
    public async Task FirstWriteAfterARestart_ShouldBeSaved_WhenEveryPooledConnectionDied()
    {
        using var factory = BotFactory.Create(new() { ["Storage:PostgresConnectionString"] = await _server.CreateDatabaseAsync() });
        var http = factory.CreateClient();

        // Several turns at once leave several connections idle in the pool.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => new Conversation(http).AskAsync("is there a cure?")));
        var tickets = factory.Services.GetRequiredService<ITicketStore>();
        Assert.Empty(await tickets.ListAsync(null, 5, CancellationToken.None));

        // Stopped and started with no traffic in between: every pooled connection is dead, and nothing has noticed.
        await _server.StopAsync();
        await _server.StartAsync();

        var ticket = await tickets.CreateAsync(new NewTicket("emulator/c1", "emulator", "user-1", "can dystonia affect my voice?", "en-US"), CancellationToken.None);
        Assert.Equal(ticket.Reference, Assert.Single(await tickets.ListAsync(null, 5, CancellationToken.None)).Reference);
        var after = new Conversation(http);
        await after.AskAsync("ask a nurse: does dystonia run in families?");
        Assert.Contains("Your reference is", await after.AskAsync("Send it"), StringComparison.Ordinal);
    }
}
