using System.Net.Http.Json;
using System.Text.Json;
using DystoniaBot.Conversation.Persistence;
using DystoniaBot.Handoff;
using DystoniaBot.Knowledge.Search;
using DystoniaBot.Storage;
using DystoniaBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DystoniaBot.Web.Tests.Handoff;

/// <summary>Staff answers promoted to curated entries: the bot answers from them at once, and stops when removed.</summary>
public sealed class CuratedAnswersTests : IDisposable
{
    private const string Question = "Is driving safe with cervical dystonia?";
    private const string Answer = "Driving with cervical dystonia is safe for many people when the neck turns freely enough to check traffic; ask your neurologist about your own case.";

    private readonly KnowledgeCopy _knowledge = new();
    private readonly BotFactory _factory;

    public CuratedAnswersTests() =>
        _factory = BotFactory.Create(new() { ["Knowledge:Path"] = _knowledge.Path, ["CuratedAnswers:SourceUrl"] = "https://bot.example.org/" });

    public void Dispose()
    {
        _factory.Dispose();
        _knowledge.Dispose();
    }

    private ICuratedAnswers Curated => _factory.Services.GetRequiredService<ICuratedAnswers>();

    private string CuratedFolder => Path.Combine(_knowledge.Path, "curated");

    private Task<string> AskAsync(string text) => new Conversation(_factory.CreateClient()).AskAsync(text);

    /// <summary>The first result of the Teams search command for <paramref name="query"/>.</summary>
    private async Task<JsonElement> SearchFromTeamsAsync(string query)
    {
        var activity = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "teams-compose-extension-query.json")))!;
        activity["value"]!["parameters"]![0]!["value"] = query;
        var response = await _factory.CreateClient().PostAsJsonAsync("/api/messages", activity);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("composeExtension").GetProperty("attachments")[0];
    }

    [Fact]
    public async Task Promote_ShouldMakeTheBotAnswerFromTheEntryWithStaffAsSource_AndRemoveShouldStopIt()
    {
        Assert.DoesNotContain("Driving with cervical dystonia", await AskAsync(Question), StringComparison.Ordinal);

        var entry = await Curated.PromoteAsync(Question, Answer, "Nurse Ada", "Dr Lee", "Q-7K3M", CancellationToken.None);
        var reply = await AskAsync(Question);

        Assert.Contains("**Driving with cervical dystonia is safe", reply, StringComparison.Ordinal);
        Assert.Contains($"[1]: https://bot.example.org/ \"{Question} — Health-line staff\"", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("CCM Health", reply, StringComparison.Ordinal);
        Assert.Contains("**Dystonia has no cure.**", await AskAsync("is there a cure?"), StringComparison.Ordinal);
        Assert.Contains("from the article «Dystonia» by CCM Health", await AskAsync("hello"), StringComparison.Ordinal);

        var search = await SearchFromTeamsAsync(Question);
        Assert.Equal($"{Question} — Health-line staff", search.GetProperty("preview").GetProperty("content").GetProperty("text").GetString());

        var listed = Assert.Single(await Curated.ListAsync(CancellationToken.None));
        Assert.Equal(entry, listed);
        Assert.StartsWith("staff-is-driving-safe-with-cervical-dystonia-", entry.Id, StringComparison.Ordinal);
        var file = await File.ReadAllTextAsync(Path.Combine(CuratedFolder, entry.Id + ".md"));
        Assert.Contains("reviewed-by: Dr Lee\n", file, StringComparison.Ordinal);
        Assert.Contains("ticket: Q-7K3M\n", file, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(CuratedFolder, "*.tmp"));

        Assert.True(await Curated.RemoveAsync(entry.Id, "Dr Lee", CancellationToken.None));

        Assert.DoesNotContain("Driving with cervical dystonia", await AskAsync(Question), StringComparison.Ordinal);
        Assert.Empty(await Curated.ListAsync(CancellationToken.None));
        Assert.False(await Curated.RemoveAsync(entry.Id, "Dr Lee", CancellationToken.None));
        var audit = await _factory.Services.GetRequiredService<ITicketStore>().ListAuditAsync(10, CancellationToken.None);
        Assert.Contains(audit, e => e.Actor == "Dr Lee" && e.Action == "promote-answer" && e.Target == "Q-7K3M → " + entry.Id);
        Assert.Contains(audit, e => e.Actor == "Dr Lee" && e.Action == "remove-answer" && e.Target == entry.Id);
    }

    [Fact]
    public async Task MalformedFile_ShouldLeaveTheRunningIndexServing_WithThePromotionApplied()
    {
        var index = _factory.Services.GetRequiredService<KnowledgeIndex>();
        Directory.CreateDirectory(CuratedFolder);
        await File.WriteAllTextAsync(Path.Combine(CuratedFolder, "broken.md"), "---\ntitle: no end of front matter\n");

        Assert.Throws<DystoniaBot.Knowledge.Documents.KnowledgeFormatException>(() => index.Reload(_knowledge.Path));
        var entry = await Curated.PromoteAsync(Question, Answer, "Nurse Ada", "Dr Lee", null, CancellationToken.None);

        Assert.Contains("**Dystonia has no cure.**", await AskAsync("is there a cure?"), StringComparison.Ordinal);
        Assert.Contains("Health-line staff", await AskAsync(Question), StringComparison.Ordinal);
        Assert.Single(await Curated.ListAsync(CancellationToken.None));
        Assert.True(await Curated.RemoveAsync(entry.Id, "Dr Lee", CancellationToken.None));
        Assert.DoesNotContain("Health-line staff", await AskAsync(Question), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", Answer, "Nurse Ada", "question")]
    [InlineData(Question, "   ", "Nurse Ada", "answer")]
    [InlineData(Question, "# Only a heading", "Nurse Ada", "answer")]
    [InlineData(Question, Answer, " ", "author")]
    public async Task Promote_ShouldRefuseUnusableInput_AndWriteNothing(string question, string answer, string author, string parameter)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Curated.PromoteAsync(question, answer, author, "Dr Lee", null, CancellationToken.None));

        Assert.Equal(parameter, error.ParamName);
        Assert.Empty(await Curated.ListAsync(CancellationToken.None));
    }
}
