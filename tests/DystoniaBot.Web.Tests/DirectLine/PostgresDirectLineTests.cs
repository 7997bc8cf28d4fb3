namespace DystoniaBot.Web.Tests.DirectLine;

/// <summary>Direct Line with its conversations in PostgreSQL, shared by two hosts as replicas would share it.</summary>
[Collection(UsesPostgres.Name)]
public sealed class PostgresDirectLineTests(PostgresServer server)
{
    [Fact]
    public async Task Conversation_ShouldCarryOnThroughAnotherHost_SharingTheDatabase()
    {
        var storage = new Dictionary<string, string?> { ["Storage:PostgresConnectionString"] = await server.CreateDatabaseAsync() };
        using var first = BotFactory.Create(storage);
        using var second = BotFactory.Create(storage);
        var visitor = await DirectLineClient.VisitAsync(first.CreateClient());
        await visitor.StartAsync();
        await visitor.SayAsync("What is dystonia?");
        await visitor.WaitForAsync(a => DirectLineClient.Text(a)?.Contains("neurological disorder", StringComparison.Ordinal) == true);

        // The token the first host signed is good on the second, which reads the same log and knows where the
        // conversation stands ("tell me more" follows the first host's answer).
        var elsewhere = visitor.On(second.CreateClient());
        var (log, _) = await elsewhere.GetAsync();
        await elsewhere.SayAsync("tell me more");
        var more = await elsewhere.WaitForAsync(a => DirectLineClient.Text(a)?.Contains("Symptoms vary", StringComparison.Ordinal) == true);

        Assert.Contains(log, a => DirectLineClient.Text(a) == "What is dystonia?");
        Assert.Contains(log, a => DirectLineClient.Text(a)?.Contains("neurological disorder", StringComparison.Ordinal) == true);
        Assert.StartsWith(visitor.ConversationId + "|", more.GetProperty("id").GetString(), StringComparison.Ordinal);
    }
}
