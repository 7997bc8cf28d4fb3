using System.Text.Json;
using DystoniaBot.Cli.Commands;

namespace DystoniaBot.Cli.Tests.Commands;

public class AskCommandTests
{
    [Fact]
    public async Task Ask_ShouldPrintAReadableAnswer()
    {
        var result = await CliProcess.RunAsync(null, "ask", "is", "there", "a", "cure?");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("**Dystonia has no cure.**", result.Output, StringComparison.Ordinal);
        Assert.Contains("CCM Health", result.Output, StringComparison.Ordinal);
        Assert.Contains("neurologist", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskFile_ShouldAnswerEveryLineInOrder_AndReportBadLines()
    {
        var input = string.Join('\n',
            """{"q": "Is there a cure?", "kind": "ignored"}""",
            "",
            "not json",
            """{"q": 42}""",
            """{"q": "I can't breathe"}""",
            """{"q": "What is the weather today?"}""",
            """{"q": ""}""") + "\n";

        var result = await CliProcess.RunAsync(input, "ask", "--json", "--file", "-");

        Assert.Equal(1, result.ExitCode);
        var kinds = result.Lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["answer", "emergency", "no_answer", "smalltalk"], kinds);
        Assert.Contains("-:3: not valid JSON", result.Error, StringComparison.Ordinal);
        Assert.Contains("-:4: expected a JSON object", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_ShouldExplainUsage_WhenNoQuestionIsGiven()
    {
        var result = await CliProcess.RunAsync(null, "ask");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("give a question", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_ShouldFailClearly_WhenTheKnowledgeFolderIsMalformed()
    {
        var folder = Directory.CreateTempSubdirectory("cli-kb-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "broken.md"), "---\ntitle: T\n");

            var result = await CliProcess.RunAsync(null, "ask", "--knowledge", folder.FullName, "cure?");

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("broken.md:1: front matter is not closed", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("{\"q\": \"cure\"}", true, "cure")]
    [InlineData("[1, 2]", false, "")]
    [InlineData("{\"question\": \"cure\"}", false, "")]
    [InlineData("{\"q\": \"cure\"", false, "")]
    public void TryReadQuestion_ShouldAcceptOnlyObjectsWithAStringQ(string line, bool ok, string question)
    {
        Assert.Equal(ok, AskCommand.TryReadQuestion(line, out var q, out var problem));
        Assert.Equal(question, q);
        Assert.Equal(ok, problem.Length == 0);
    }
}
