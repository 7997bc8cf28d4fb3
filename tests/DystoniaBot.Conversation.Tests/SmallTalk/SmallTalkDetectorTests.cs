using DystoniaBot.Conversation.SmallTalk;

namespace DystoniaBot.Conversation.Tests.SmallTalk;

public class SmallTalkDetectorTests
{
    [Theory]
    [InlineData("hello", SmallTalkKind.Greeting)]
    [InlineData("Good morning!", SmallTalkKind.Greeting)]
    [InlineData("thank you", SmallTalkKind.Thanks)]
    [InlineData("thanks a lot, that helped", SmallTalkKind.Thanks)]
    [InlineData("cheers, have a nice day", SmallTalkKind.Thanks)]
    [InlineData("ok thanks bye", SmallTalkKind.Thanks)]
    [InlineData("thanks so much xx", SmallTalkKind.Thanks)]
    [InlineData("thx sm :)", SmallTalkKind.Thanks)]
    [InlineData("ok great thanks", SmallTalkKind.Thanks)]
    [InlineData("gracias, thank you", SmallTalkKind.Thanks)]
    [InlineData("what is this bot for", SmallTalkKind.Help)]
    [InlineData("bye", SmallTalkKind.Goodbye)]
    [InlineData("what can you do?", SmallTalkKind.Help)]
    [InlineData("what kinds of questions can I ask you", SmallTalkKind.Help)]
    [InlineData("help", SmallTalkKind.Help)]
    [InlineData("who are you?", SmallTalkKind.Identity)]
    [InlineData("are you a real doctor or a bot?", SmallTalkKind.Identity)]
    public void Detect_ShouldRecogniseSmallTalk(string text, SmallTalkKind kind)
    {
        Assert.Equal(kind, SmallTalkDetector.Detect(text));
    }

    [Theory]
    [InlineData("hi, is there a cure?")]
    [InlineData("thanks, and what about treatment?")]
    [InlineData("What are the symptoms?")]
    [InlineData("good treatments?")]
    public void Detect_ShouldLeaveRealQuestionsAlone(string text)
    {
        Assert.Null(SmallTalkDetector.Detect(text));
    }

    [Theory]
    [InlineData("Hi, is there a cure?", "is there a cure?")]
    [InlineData("hello there: what causes it", "what causes it")]
    [InlineData("Highly painful?", "Highly painful?")]
    public void StripGreeting_ShouldRemoveOnlyAnOpeningGreeting(string text, string expected)
    {
        Assert.Equal(expected, SmallTalkDetector.StripGreeting(text));
    }
}
