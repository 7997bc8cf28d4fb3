using DystoniaBot.Conversation.SmallTalk;
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
}
