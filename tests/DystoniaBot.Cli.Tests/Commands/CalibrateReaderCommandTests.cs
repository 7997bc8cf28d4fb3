using DystoniaBot.Conversation.Semantics;

namespace DystoniaBot.Cli.Tests.Commands;

public sealed class CalibrateReaderCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cli-calibrate-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Set(string name, params string[] lines)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public async Task CalibrateReader_ShouldHoldOutEachSet_ReportIt_AndWriteAModelTheBotCanRead()
    {
        var first = Set("first.jsonl",
            """{"q": "my toddler swallowed some of my pills and is very sleepy", "kind": "emergency"}""",
            """{"q": "what is dystonia", "kind": "answer", "any": ["dystonia"]}""",
            """{"q": "hello there", "kind": "smalltalk"}""");
        var second = Set("second.jsonl",
            """{"q": "she cannot breathe and her lips are blue", "kind": "emergency"}""",
            """{"q": "is there a cure", "kind": "answer", "any": ["no cure"]}""",
            """{"q": "what is the weather like", "kind": "off_topic"}""");
        var teaching = Set("teaching.jsonl",
            """{"q": "what are the signs of a stroke", "kind": "answer", "any": []}""",
            """{"q": "thanks for the help. his face has dropped on one side and he cant talk properly.", "kind": "emergency"}""");
        var output = Path.Combine(_folder.FullName, "model.json");

        var result = await CliProcess.RunAsync(null, "calibrate-reader", "emergency", first, second, "--teaching", teaching, "--out", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("6 labelled messages, 2 emergency, from 2 sets; 2 from 1 teaching sets", result.Output, StringComparison.Ordinal);
        Assert.Contains("each set held out in turn: at ", result.Output, StringComparison.Ordinal);
        Assert.Contains("the teaching sets, each held out in turn: at ", result.Output, StringComparison.Ordinal);
        var model = MessageModel.Parse(File.ReadAllText(output), output);
        Assert.Contains("calibrate-reader emergency", model.Description, StringComparison.Ordinal);
        Assert.Contains("1 written to teach it", model.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalibrateReader_ShouldRefuseAReaderItDoesNotHave()
    {
        var set = Set("set.jsonl", """{"q": "hello", "kind": "smalltalk"}""");

        var result = await CliProcess.RunAsync(null, "calibrate-reader", "weather", set);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("weather", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalibrateReader_ShouldNameAMissingSet()
    {
        var result = await CliProcess.RunAsync(null, "calibrate-reader", "smalltalk", Path.Combine(_folder.FullName, "none.jsonl"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("calibrate-reader: file", result.Error, StringComparison.Ordinal);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }
}
