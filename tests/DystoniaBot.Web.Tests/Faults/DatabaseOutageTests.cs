using System.Net;
using DystoniaBot.Web.State;
using Microsoft.Extensions.DependencyInjection;

namespace DystoniaBot.Web.Tests.Faults;

/// <summary>
/// PostgreSQL stopped under a running bot: questions are still answered from the local index, the bot reports the
/// database as not ready, and everything works again — tickets included — once the database is back. The test has a
/// server of its own, since it stops it.
/// </summary>
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
        Npgsql.NpgsqlConnection.ClearAllPools();

        var during = new Conversation(http);
        Assert.Contains("no cure", await during.AskAsync("is there a cure?"), StringComparison.Ordinal);
        Assert.Contains("muscle", await during.AskAsync("what is dystonia?"), StringComparison.Ordinal);
        using (var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }

        await _server.StartAsync();

        // Recovery is the bot's own: no restart, no pool cleared by hand; a busy machine may take a few seconds.
        var status = HttpStatusCode.ServiceUnavailable;
        for (var i = 0; i < 100 && status != HttpStatusCode.OK; i++)
        {
            await Task.Delay(i == 0 ? 0 : 100);
            using var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
            status = ready.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, status);

        // A connection pooled before the outage fails once when next used: the user is told the question wasn't saved
        // and sends it again, as the reply asks.
        var sent = string.Empty;
        for (var attempt = 0; attempt < 5 && !sent.Contains("Your reference is", StringComparison.Ordinal); attempt++)
        {
            var after = new Conversation(http);
            await after.AskAsync("ask a nurse: can dystonia affect my voice?");
            sent = await after.AskAsync("Send it");
            Assert.True(sent.Contains("Your reference is", StringComparison.Ordinal) || sent.Contains("can't save", StringComparison.Ordinal), sent);
        }

        Assert.Contains("Your reference is", sent, StringComparison.Ordinal);
        var ticket = Assert.Single(await factory.Services.GetRequiredService<ITicketStore>().ListAsync(null, 5, CancellationToken.None));
        Assert.Equal("can dystonia affect my voice?", ticket.Question);
    }
}
