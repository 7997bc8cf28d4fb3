using DystoniaBot.Knowledge.Search;
using DystoniaBot.Testing;

namespace DystoniaBot.Cli.Tests.Commands;

public sealed class IndexAndImportCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cli-test-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Index_ShouldReportPassagesAndTerms_AndSaveAnIndexThatAskCanOpen()
    {
        var saved = Path.Combine(_folder.FullName, "index");

        var index = await CliProcess.RunAsync(null, "index", "--out", saved);
        var ask = await CliProcess.RunAsync(null, "ask", "--index", saved, "--json", "is there a cure");

        Assert.Equal(0, index.ExitCode);
        Assert.Contains("1 document(s), 4 passage(s)", index.Output, StringComparison.Ordinal);
        Assert.Equal(0, ask.ExitCode);
        Assert.Contains("\"passageId\":\"dystonia#4\"", ask.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_ShouldNameFileAndLine_ForADuplicateId()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "a.md"), TestKnowledge.Article("x", "One."));
        File.WriteAllText(Path.Combine(_folder.FullName, "b.md"), TestKnowledge.Article("x", "Two."));

        var result = await CliProcess.RunAsync(null, "index", "--knowledge", _folder.FullName);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("b.md:1: document id 'x' is already used by", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_ShouldValidateCuratedAnswers_LikeOtherKnowledge()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "a.md"), TestKnowledge.Article("a", "One."));
        var curated = Directory.CreateDirectory(Path.Combine(_folder.FullName, "curated")).FullName;
        var entry = TestKnowledge.Article("staff-x", "An answer.", "A question?").Replace("---\n\n", "author: Nurse Ada\ndate: DATE\nreviewed-by: Dr Lee\n---\n\n", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(curated, "staff-x.md"), entry.Replace("DATE", "2026-11-29", StringComparison.Ordinal));

        var valid = await CliProcess.RunAsync(null, "index", "--knowledge", _folder.FullName);
        File.WriteAllText(Path.Combine(curated, "staff-x.md"), entry.Replace("DATE", "soon", StringComparison.Ordinal));
        var invalid = await CliProcess.RunAsync(null, "index", "--knowledge", _folder.FullName);

        Assert.Equal(0, valid.ExitCode);
        Assert.Contains("staff-x: «A question?»", valid.Output, StringComparison.Ordinal);
        Assert.Equal(1, invalid.ExitCode);
        Assert.Contains(Path.Combine("curated", "staff-x.md") + ":8: date 'soon' is not a date", invalid.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_ShouldEmbedOnlyChangedPassages_WhenRebuiltIntoTheSameFolder()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "a.md"), TestKnowledge.Article("a", "Dystonia has no cure.\n\nBotulinum toxin can help."));
        var saved = Path.Combine(_folder.FullName, "..", _folder.Name + "-index");
        try
        {
            var first = await CliProcess.RunAsync(null, "index", "--knowledge", _folder.FullName, "--out", saved);
            File.WriteAllText(Path.Combine(_folder.FullName, "a.md"), TestKnowledge.Article("a", "Dystonia has no cure.\n\nBotulinum toxin injections can help."));
            var second = await CliProcess.RunAsync(null, "index", "--knowledge", _folder.FullName, "--out", saved);

            Assert.Equal(0, first.ExitCode);
            Assert.Contains("2 passage(s) embedded", first.Output, StringComparison.Ordinal);
            Assert.Equal(0, second.ExitCode);
            Assert.Contains("1 passage(s) embedded", second.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(saved, recursive: true);
        }
    }

    [Fact]
    public async Task Ask_ShouldSayWhatIsWrong_WhenTheAnswerModelIsMalformed()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "a.md"), TestKnowledge.Article("a", "One."));
        File.WriteAllText(Path.Combine(_folder.FullName, "answer-model.json"), "{\"features\": [\"something\"]}");

        var result = await CliProcess.RunAsync(null, "ask", "--knowledge", _folder.FullName, "is there a cure");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("answer-model.json", result.Error, StringComparison.Ordinal);
        Assert.Contains("dystoniabot calibrate", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_ShouldFitANewModel_WhenTheFoldersModelIsOfAnotherVersion()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "a.md"), TestKnowledge.Article("a", "Dystonia has no cure.\n\nBotulinum toxin injections can relieve symptoms."));
        File.WriteAllText(Path.Combine(_folder.FullName, "answer-model.json"), "{\"features\": [\"something\"]}");
        var set = Path.Combine(_folder.FullName, "set.jsonl");
        File.WriteAllLines(set,
        [
            """{"q": "is there a cure", "kind": "answer", "any": ["no cure"]}""",
            """{"q": "can botox help", "kind": "answer", "any": ["botulinum"]}""",
            """{"q": "what is the capital of peru", "kind": "off_topic", "any": []}""",
        ]);
        var output = Path.Combine(_folder.FullName, "fitted.json");

        var result = await CliProcess.RunAsync(null, "calibrate", set, "--knowledge", _folder.FullName, "--folds", "2", "--out", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("model written to", result.Output, StringComparison.Ordinal);
        Assert.Equal(AnswerFeatures.Count, AnswerModel.Parse(File.ReadAllText(output), output).Ranker.FeatureCount);
    }

    [Fact]
    public async Task Import_ShouldWriteTheCommittedArticle_FromThePublishersPage()
    {
        var output = Path.Combine(_folder.FullName, "dystonia.md");
        var page = RepositoryPaths.Test("DystoniaBot.Knowledge.Tests", "Fixtures", "ccm-dystonia-page.txt");

        var result = await CliProcess.RunAsync(null, "import", page, "--out", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Knowledge, "dystonia.md")), File.ReadAllText(output));
    }

    [Fact]
    public async Task Eval_ShouldPrintATablePerKind_AndFailUnderMin()
    {
        var set = Path.Combine(_folder.FullName, "set.jsonl");
        File.WriteAllLines(set,
        [
            """{"q": "Is there a cure?", "kind": "answer", "any": ["no cure"]}""",
            """{"q": "What is the weather?", "kind": "off_topic"}""",
            """{"q": "hello", "kind": "emergency"}""",
        ]);

        var lenient = await CliProcess.RunAsync(null, "eval", set, "--min", "0.5");
        var strict = await CliProcess.RunAsync(null, "eval", set, "--min", "0.9");

        Assert.Equal(0, lenient.ExitCode);
        Assert.Contains("overall", lenient.Output, StringComparison.Ordinal);
        Assert.Contains("line 3 [emergency] \"hello\" → smalltalk", lenient.Output, StringComparison.Ordinal);
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("below --min", strict.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_WithNet_ShouldReportWhatTheMeaningNetCatchesAlone()
    {
        var set = Path.Combine(_folder.FullName, "net.jsonl");
        File.WriteAllLines(set,
        [
            """{"q": "three weeks after the toxin shots in my neck i keep choking on water and my breathing feels weak", "kind": "emergency"}""",
            """{"q": "my cousin is coming over for tea", "kind": "emergency"}""",
            """{"q": "can dystonia make it hard to breathe?", "kind": "answer", "any": []}""",
        ]);

        var result = await CliProcess.RunAsync(null, "eval", set, "--net");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("meaning net alone: 1 of 2 emergencies, 0 of 1 other messages flagged", result.Output, StringComparison.Ordinal);
    }
}
