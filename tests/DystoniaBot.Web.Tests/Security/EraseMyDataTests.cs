using DystoniaBot.Conversation.Persistence;
using DystoniaBot.Handoff;
using DystoniaBot.Web.Tests.DirectLine;
using Microsoft.Extensions.DependencyInjection;

namespace DystoniaBot.Web.Tests.Security;

/// <summary>"Delete my data" in the chat, as a visitor of the page would ask it, through our Direct Line on the live host.</summary>
public sealed class EraseMyDataTests
{
    [Fact]
    public async Task AVisitor_ShouldBeAbleToEraseTheirConversation_AfterConfirming()
    {
        await using var factory = BotFactory.CreateLive([]);
        using var http = new HttpClient { BaseAddress = factory.StartLive() };
        var visitor = await DirectLineClient.VisitAsync(http);
        await visitor.StartAsync();
        var key = "directline/" + visitor.ConversationId;
        await visitor.SayAsync("my neck pulls to the left, is there a cure?");
        await visitor.WaitForAsync(a => DirectLineClient.From(a) == "dystoniabot" && (DirectLineClient.Text(a) ?? "").Contains("no cure", StringComparison.Ordinal));
        await factory.Services.GetRequiredService<ITicketStore>().CreateAsync(new NewTicket(key, "directline", visitor.UserId, "Will botox help my neck?", "en-GB"), default);

        await visitor.SayAsync("please delete my data");
        await visitor.WaitForAsync(a => (DirectLineClient.Text(a) ?? "").Contains("can't be undone", StringComparison.Ordinal));
        await visitor.SayAsync("Yes, delete my data");
        var done = await visitor.WaitForAsync(a => (DirectLineClient.Text(a) ?? "").StartsWith("Done: everything this chat kept is deleted", StringComparison.Ordinal));

        // The log holds the reply saying so, and nothing before it: the welcome, the question, its answer are gone.
        var left = (await visitor.GetAsync()).Activities;
        Assert.Equal(DirectLineClient.Text(done), DirectLineClient.Text(Assert.Single(left)));
        Assert.Empty(await factory.Services.GetRequiredService<ITicketStore>().ListForConversationAsync(key, 10, default));
        Assert.Null((await factory.Services.GetRequiredService<IConversationStateStore>().GetAsync(key, default)).LastPassageId);
        var audit = await factory.Services.GetRequiredService<ITicketStore>().ListAuditAsync(20, default);
        Assert.Contains(audit, e => e is { Actor: "user", Action: "erased their conversation" });
        Assert.DoesNotContain(audit, e => e.Target.Contains("neck", StringComparison.OrdinalIgnoreCase));

        // Nor can the words be read from the database's files while the host runs: not in the file's free space, not in
        // the write-ahead log's older copies of the pages.
        foreach (var file in new[] { factory.DatabasePath, factory.DatabasePath + "-wal" }.Where(File.Exists))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
            var content = await reader.ReadToEndAsync();
            Assert.DoesNotContain("my neck pulls to the left", content, StringComparison.Ordinal);
            Assert.DoesNotContain("Will botox help my neck?", content, StringComparison.Ordinal);
        }
    }
}
