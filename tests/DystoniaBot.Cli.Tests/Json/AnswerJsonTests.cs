using System.Text.Json;
using DystoniaBot.Cli.Commands;
using DystoniaBot.Cli.Json;
using DystoniaBot.Conversation.Policy;
using DystoniaBot.Testing;

namespace DystoniaBot.Cli.Tests.Json;

public class AnswerJsonTests
{
    private static readonly string[] ContractFields =
        ["q", "kind", "passage", "sentence", "score", "passageId", "source", "disclaimer", "escalate", "alternatives"];

    private static JsonElement Serialize(string question)
    {
        var reply = TestKnowledge.Policy().Respond(question, "en-US", ConversationState.Empty).Reply;
        using var stream = new MemoryStream();
        using (var writer = new AnswerWriter(stream))
        {
            writer.Write(AnswerJson.From(question, reply));
        }

        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Theory]
    [InlineData("Is there a cure for dystonia?", "answer")]
    [InlineData("What are the symptoms of the flu?", "no_answer")]
    [InlineData("I can't breathe", "emergency")]
    [InlineData("hello", "smalltalk")]
    public void Answer_ShouldHaveExactlyTheContractsFields_InOrder(string question, string kind)
    {
        var json = Serialize(question);

        Assert.Equal(ContractFields, json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(kind, json.GetProperty("kind").GetString());
        Assert.Equal(question, json.GetProperty("q").GetString());
        Assert.Equal(JsonValueKind.Array, json.GetProperty("alternatives").ValueKind);
    }

    [Fact]
    public void Answer_ShouldCarryPassageSentenceScoreAndSource()
    {
        var json = Serialize("Is there a cure for dystonia?");

        Assert.Equal("dystonia#4", json.GetProperty("passageId").GetString());
        Assert.Equal("Dystonia has no cure.", json.GetProperty("sentence").GetString());
        Assert.InRange(json.GetProperty("score").GetDouble(), 0, 1);
        var source = json.GetProperty("source");
        Assert.Equal(["title", "publisher", "url", "license"], source.EnumerateObject().Select(p => p.Name));
        Assert.Equal("CCM Health", source.GetProperty("publisher").GetString());
        Assert.Contains("neurologist", json.GetProperty("disclaimer").GetString(), StringComparison.Ordinal);
        Assert.False(json.GetProperty("escalate").GetBoolean());
    }

    [Fact]
    public void Emergency_ShouldHaveNoPassageNoSourceAndEscalate()
    {
        var json = Serialize("I want to kill myself");

        Assert.Equal(JsonValueKind.Null, json.GetProperty("passage").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("source").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("score").ValueKind);
        Assert.True(json.GetProperty("escalate").GetBoolean());
    }

    [Fact]
    public void Answer_ShouldKeepNonAsciiReadable()
    {
        var json = Serialize("café «dystonia» 😀 is there a cure");

        Assert.Equal("café «dystonia» 😀 is there a cure", json.GetProperty("q").GetString());
    }
}
