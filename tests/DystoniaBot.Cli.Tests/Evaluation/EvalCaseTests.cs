using DystoniaBot.Cli.Evaluation;
using DystoniaBot.Conversation.Policy;
using DystoniaBot.Testing;

namespace DystoniaBot.Cli.Tests.Evaluation;

public class EvalCaseTests
{
    private static BotReply Reply(string question) => TestKnowledge.Policy().Respond(question, "en-US", ConversationState.Empty).Reply;

    [Fact]
    public void Judge_ShouldPassAnAnswer_WhosePassageContainsAnExpectedPhrase()
    {
        var evalCase = EvalCase.Parse("""{"q": "Is there a cure?", "kind": "answer", "any": ["NO CURE"]}""", 1);

        Assert.True(evalCase.Judge(Reply(evalCase.Question)).Passed);
    }

    [Fact]
    public void Judge_ShouldFailAnAnswer_FromTheWrongPassage()
    {
        var evalCase = EvalCase.Parse("""{"q": "Is there a cure?", "kind": "answer", "any": ["electromyogram"]}""", 1);

        var (passed, why) = evalCase.Judge(Reply(evalCase.Question));

        Assert.False(passed);
        Assert.Contains("dystonia#4", why, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_ShouldRequireEscalation_ForPersonalQuestions()
    {
        var personal = EvalCase.Parse("""{"q": "x", "kind": "personal", "any": []}""", 1);

        Assert.False(personal.Judge(Reply("Is there a cure?")).Passed);
        Assert.True(personal.Judge(Reply("Should I get botox injections?")).Passed);
    }

    [Fact]
    public void Judge_ShouldPassAnOrdinaryMessage_WithAnyReplyButTheEmergencyOne()
    {
        var ordinary = EvalCase.Parse("""{"q": "x", "kind": "ordinary"}""", 1);

        Assert.True(ordinary.Judge(Reply("Is there a cure?")).Passed);
        Assert.True(ordinary.Judge(Reply("thanks")).Passed);
        var (passed, why) = ordinary.Judge(Reply("my son swallowed a whole bottle of pills"));
        Assert.False(passed);
        Assert.Contains("emergency", why, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_ShouldCountAnEmergencyReplyToAPersonalQuestion_AsAFalseEmergency()
    {
        var personal = EvalCase.Parse("""{"q": "x", "kind": "personal", "any": []}""", 1);
        var reply = Reply("my husband collapsed and is not breathing");

        var (passed, why) = personal.Judge(reply);

        Assert.True(reply.Escalate);
        Assert.False(passed);
        Assert.Contains("got emergency", why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"q": "x"}""")]
    [InlineData("""{"q": "x", "kind": "other"}""")]
    public void Parse_ShouldRejectMalformedLines_WithTheLineNumber(string line)
    {
        var error = Assert.Throws<FormatException>(() => EvalCase.Parse(line, 7));

        Assert.StartsWith("line 7:", error.Message, StringComparison.Ordinal);
    }
}
