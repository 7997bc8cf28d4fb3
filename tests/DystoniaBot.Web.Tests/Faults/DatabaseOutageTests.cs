using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
        Assert.Contains("no cure", await AskAsync(http, "before", "is there a cure?"), StringComparison.Ordinal);

        await _server.StopAsync();
        Npgsql.NpgsqlConnection.ClearAllPools();

        Assert.Contains("no cure", await AskAsync(http, "during", "is there a cure?"), StringComparison.Ordinal);
        Assert.Contains("muscle", await AskAsync(http, "during", "what is dystonia?"), StringComparison.Ordinal);
        using (var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }

        await _server.StartAsync();

        using (var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        await AskAsync(http, "after", "ask a nurse: can dystonia affect my voice?");
        Assert.Contains("Your reference is", await AskAsync(http, "after", "Send it"), StringComparison.Ordinal);
        var ticket = Assert.Single(await factory.Services.GetRequiredService<ITicketStore>().ListAsync(null, 5, CancellationToken.None));
        Assert.Equal("can dystonia affect my voice?", ticket.Question);
    }

    private static async Task<string> AskAsync(HttpClient http, string conversation, string text)
    {
        using var response = await http.PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), new
        {
            type = "message", id = Guid.NewGuid().ToString("N"), channelId = "emulator", serviceUrl = "http://127.0.0.1:9", from = new { id = "user" },
            recipient = new { id = "bot" }, conversation = new { id = conversation }, text, deliveryMode = "expectReplies",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var activities = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("activities");
        return activities[activities.GetArrayLength() - 1].GetProperty("text").GetString()!;
    }
}
