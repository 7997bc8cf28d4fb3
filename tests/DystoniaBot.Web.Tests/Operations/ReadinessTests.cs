using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DystoniaBot.Conversation.Persistence;
using DystoniaBot.Handoff;
using DystoniaBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace DystoniaBot.Web.Tests.Operations;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Readyz_ShouldBeReady_WhenTheIndexIsLoadedAndTheDatabaseAnswers()
    {
        using var factory = BotFactory.Create([]);

        var response = await factory.CreateClient().GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ready", body.GetProperty("status").GetString());
        Assert.Equal("ready", body.GetProperty("checks").GetProperty("knowledge").GetProperty("status").GetString());
        Assert.Equal("ready", body.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_ShouldBe503WithTheReason_WhenTheDatabaseFails()
    {
        var storage = new Mock<IStorageHealth>();
        storage.Setup(s => s.CheckAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new SqliteException("unable to open database file /secret/path", 14));
        using var factory = BotFactory.Create([], services: services => services.AddSingleton(storage.Object));
        var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unavailable", body.GetProperty("status").GetString());
        var check = body.GetProperty("checks").GetProperty("storage");
        Assert.Equal("unavailable", check.GetProperty("status").GetString());
        Assert.Contains("database", check.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("/secret/path", body.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("ready", body.GetProperty("checks").GetProperty("knowledge").GetProperty("status").GetString());

        // Alive all the same: the orchestrator takes the instance out of rotation instead of restarting it.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        storage.Verify(s => s.CheckAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Readyz_ShouldNameTheServersErrorCode_WhenPostgreSqlAnswersWithAnError()
    {
        var storage = new Mock<IStorageHealth>();
        storage.Setup(s => s.CheckAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new Npgsql.PostgresException("relation \"conversation_reference\" does not exist at db.internal", "ERROR", "ERROR", "42P01"));
        using var factory = BotFactory.Create([], services: services => services.AddSingleton(storage.Object));

        var response = await factory.CreateClient().GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("the database can't be reached (PostgresException 42P01)", body.GetProperty("checks").GetProperty("storage").GetProperty("reason").GetString());
        Assert.DoesNotContain("db.internal", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_ShouldBe503BeforeTheProbeTimesOut_WhenTheDatabaseHangs()
    {
        var storage = new Mock<IStorageHealth>();
        storage.Setup(s => s.CheckAsync(It.IsAny<CancellationToken>())).Returns((CancellationToken token) => Task.Delay(Timeout.Infinite, token));
        using var factory = BotFactory.Create([], services: services => services.AddSingleton(storage.Object));
        var client = factory.CreateClient();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task SqliteStore_ShouldAnswerTheHealthQuery()
    {
        using var factory = BotFactory.Create([]);

        await factory.Services.GetRequiredService<SqliteStore>().CheckAsync(CancellationToken.None);
    }
}
