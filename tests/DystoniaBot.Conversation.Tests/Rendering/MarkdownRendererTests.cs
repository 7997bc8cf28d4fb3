using DystoniaBot.Conversation.Markdown;
using DystoniaBot.Conversation.Policy;
using DystoniaBot.Conversation.Rendering;
using DystoniaBot.Testing;

namespace DystoniaBot.Conversation.Tests.Rendering;

public class MarkdownRendererTests
{
    [Fact]
    public void Render_ShouldBoldTheAnsweringSentence_AndLinkTheSource()
    {
        var reply = TestKnowledge.Policy().Respond("is there a cure?", null, ConversationState.Empty).Reply;

        var markdown = MarkdownRenderer.Render(reply);

        Assert.Contains("**Dystonia has no cure.** The treatments", markdown, StringComparison.Ordinal);
        Assert.Contains("Source: [Dystonia](https://health.ccm.net/) — CCM Health, Creative Commons licence.", markdown, StringComparison.Ordinal);
        Assert.Contains("neurologist", markdown, StringComparison.Ordinal);

        // Citation 1: a badge after the passage and its reference definition last, as Web Chat and Teams expect.
        Assert.Contains("in some cases. [1]", markdown, StringComparison.Ordinal);
        Assert.EndsWith("\n\n[1]: https://health.ccm.net/ \"Dystonia — CCM Health\"", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderForChat_ShouldNameTheSourceOnce_WhenTheWholeParagraphIsAskedFor()
    {
        var whole = TestKnowledge.Policy().ShowPassage("dystonia#4", ConversationState.Empty).Reply;

        var markdown = MarkdownRenderer.RenderForChat(whole);

        Assert.True(whole.WholePassage);
        Assert.Contains("The treatments that exist simply help to relieve symptoms.", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Source:", markdown, StringComparison.Ordinal);
        Assert.EndsWith("\n\n[1]: https://health.ccm.net/ \"Dystonia — CCM Health\"", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ShouldKeepTheListAndBoldTheMatchingItem()
    {
        var reply = TestKnowledge.Policy().Respond("what is blepharospasm", null, ConversationState.Empty).Reply;

        var markdown = MarkdownRenderer.Render(reply);

        Assert.Contains("\n- **a dystonic blepharospasm, which affects the upper eyelid making it close involuntarily;**\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\n- cramps and involuntary muscle spasms;\n", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("is there a cure?", "Dystonia has no cure. This is general information")]
    [InlineData("what is blepharospasm", "a dystonic blepharospasm, which affects the upper eyelid making it close involuntarily. This is general information")]
    public void Speech_ShouldBeTheAnswerInPlainWords_OneFullStopEach(string question, string start)
    {
        var reply = TestKnowledge.Policy().Respond(question, null, ConversationState.Empty).Reply;

        var speech = MarkdownRenderer.Speech(reply);

        Assert.StartsWith(start, speech, StringComparison.Ordinal);
        Assert.DoesNotContain("..", speech, StringComparison.Ordinal);
        Assert.DoesNotContain("*", speech, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my husband can't breathe", "en-US", "[911](tel:911)")]
    [InlineData("I want to kill myself", "en-US", "[988](tel:988)")]
    [InlineData("I want to kill myself", "en-GB", "[116 123](tel:116123)")]
    [InlineData("my husband can't breathe", "en-AU", "[000](tel:000)")]
    public void Render_ShouldMakeTheNumbersOfAnEmergencyReplyTappable(string message, string locale, string link)
    {
        var reply = TestKnowledge.Policy().Respond(message, locale, ConversationState.Empty).Reply;

        var markdown = MarkdownRenderer.Render(reply);

        Assert.Equal(ReplyKind.Emergency, reply.Kind);
        Assert.Contains(link, markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>")]
    [InlineData("**bold** [link](x)", "\\*\\*bold\\*\\* \\[link\\](x)")]
    public void Escape_ShouldShowMarkdownAndHtmlAsText(string text, string expected)
    {
        Assert.Equal(expected, MarkdownText.Escape(text));
    }
}
