using DystoniaBot.Knowledge.Documents;

namespace DystoniaBot.Knowledge.Tests.Documents;

public class SentenceSplitterTests
{
    private static string[] Split(string text) => SentenceSplitter.Split(text).Select(s => s.Of(text)).ToArray();

    [Fact]
    public void Split_ShouldSeparateSentences_AtTerminalPunctuation()
    {
        Assert.Equal(["One thing.", "Is it two?", "Yes!"], Split("One thing. Is it two? Yes!"));
    }

    [Fact]
    public void Split_ShouldNotBreak_AfterAbbreviationsOrInitials()
    {
        Assert.Equal(["Ask Dr. Smith, e.g. on Monday.", "J. Doe agreed."], Split("Ask Dr. Smith, e.g. on Monday. J. Doe agreed."));
    }

    [Fact]
    public void Split_ShouldNotBreak_WhenNextWordIsLowerCase()
    {
        Assert.Equal(["Doses of 2.5 mg. are rare in adults."], Split("Doses of 2.5 mg. are rare in adults."));
    }

    [Fact]
    public void Split_ShouldKeepClosingQuotes_WithTheirSentence()
    {
        Assert.Equal(["It is \"focal.\"", "Next."], Split("It is \"focal.\" Next."));
    }

    [Fact]
    public void Split_ShouldReturnNothing_ForBlankText()
    {
        Assert.Empty(Split("   "));
    }
}
