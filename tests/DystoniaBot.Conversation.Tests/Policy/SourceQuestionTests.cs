using DystoniaBot.Conversation.Policy;

namespace DystoniaBot.Conversation.Tests.Policy;

public class SourceQuestionTests
{
    [Theory]
    [InlineData("who wrote this article")]
    [InlineData("whos actually behind this article, is it doctors or what")]
    [InlineData("who wrote this info, is it from a proper health site")]
    [InlineData("who's the author")]
    [InlineData("where is this info from")]
    [InlineData("where did you get all this information")]
    [InlineData("what website is this from?")]
    [InlineData("what's your source")]
    [InlineData("sources pls")]
    [InlineData("can i copy this info into our support newsletter or is it copyrighted")]
    [InlineData("can i copy this dystonia article into my school project? is that allowed")]
    [InlineData("how do i cite this for my essay")]
    [InlineData("which licence is it under")]
    [InlineData("may we share this text with our group")]
    [InlineData("who wrote this? is it a real doctor")]
    [InlineData("whats the license on this page")]
    public void IsAsked_ShouldFindQuestionsAboutTheArticleItself(string text)
    {
        Assert.True(SourceQuestion.IsAsked(TextNormalizer.Normalize(text)));
    }

    [Theory]
    [InlineData("where does dystonia come from")]
    [InlineData("where is it from, my mum or my dad")]
    [InlineData("what is the source of my neck pain")]
    [InlineData("who made the diagnosis, a neurologist?")]
    [InlineData("can i use botox while pregnant")]
    [InlineData("can i share my story")]
    [InlineData("can my son copy me when i stretch")]
    [InlineData("can he get a driving licence with dystonia")]
    [InlineData("who made it? my genes or the accident")]
    [InlineData("whats the licence for botox in the uk")]
    public void IsAsked_ShouldLeaveQuestionsAboutDystonia(string text)
    {
        Assert.False(SourceQuestion.IsAsked(TextNormalizer.Normalize(text)));
    }
}
