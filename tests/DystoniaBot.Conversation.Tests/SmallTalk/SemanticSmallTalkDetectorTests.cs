using DystoniaBot.Conversation.Semantics;
using DystoniaBot.Conversation.SmallTalk;
using DystoniaBot.Conversation.Tests.Semantics;
using DystoniaBot.Testing;

namespace DystoniaBot.Conversation.Tests.SmallTalk;

public class SemanticSmallTalkDetectorTests
{
    private static SemanticSmallTalkDetector Detector => TestKnowledge.Readers.SmallTalk;

    [Theory]
    [InlineData("evening all, hope you're keeping well", SmallTalkKind.Greeting)]
    [InlineData("ta ever so much, you've been a great help", SmallTalkKind.Thanks)]
    [InlineData("right, I'll be off now, cheerio", SmallTalkKind.Goodbye)]
    [InlineData("is there an actual human on the other end?", SmallTalkKind.Identity)]
    [InlineData("not sure how this works, what sort of things can you tell me?", SmallTalkKind.Help)]
    public void Detect_ShouldRecogniseSmallTalk_InAnyRegister(string message, SmallTalkKind kind)
    {
        Assert.Equal(kind, SmallTalkDetector.Detect(message) ?? Detector.Detect(message));
    }

    [Theory]
    [InlineData("hello, can dystonia be cured?")]
    [InlineData("thanks, and does it run in families?")]
    [InlineData("question")]
    [InlineData("what is cervical dystonia")]
    public void Detect_ShouldLeaveQuestionsAlone(string message)
    {
        Assert.Null(Detector.Detect(message));
    }

    [Fact]
    public void Detect_ShouldTakeWhatTheModelReadsAsSmallTalk_OfTheKindOfTheNearestExemplar()
    {
        // What recognises the thanks is the model; the nearest exemplar says what kind of small talk it is.
        var exemplars = ExemplarsThatNeverMatch.Of(
            ("[greeting] greeting", "hello there"), ("[thanks] thanks", "thank you so much"), ("[goodbye] goodbye", "bye for now"), ("[ordinary] ordinary", "what is dystonia"));
        var withModel = new SemanticSmallTalkDetector(exemplars, MessageModel.LoadResource(SemanticSmallTalkDetector.ModelResource));
        var withoutModel = new SemanticSmallTalkDetector(exemplars);
        const string message = "that was really kind of you, much appreciated";

        Assert.Null(withoutModel.Detect(message));
        Assert.Equal(SmallTalkKind.Thanks, withModel.Detect(message));
        Assert.Null(withModel.Detect("what is cervical dystonia and how is it treated"));
    }
}
