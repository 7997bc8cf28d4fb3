using DystoniaBot.Conversation.Language;

namespace DystoniaBot.Conversation.Tests.Language;

public class RunTogetherReaderTests
{
    private static readonly string[] Articles =
    [
        "Dystonia is a neurological disorder. Symptoms vary. Botulinum toxin (botox) injections help; an MRI of the brain.",
        "Cervical dystonia, with tight and painful neck muscles. What is the treatment? Is it safe?",
    ];

    private static readonly RunTogetherReader Reader = new(ReadingVocabulary.WithOwnLists(Articles), new ReadingVocabulary(Articles));

    [Theory]
    [InlineData("whatisdystonia like in simple words", "what is dystonia like in simple words")]
    [InlineData("dystoniasymptoms?", "dystonia symptoms?")]
    [InlineData("is botoxsafe", "is botox safe")]
    [InlineData("Cervicaldystonia treatment", "cervical dystonia treatment")]
    public void Split_ShouldReadWordsRunTogether(string typed, string meant)
    {
        Assert.Equal(meant, Reader.Split(typed), ignoreCase: true);
    }

    [Theory]
    [InlineData("is there a cure for dystonia?")]
    [InlineData("my therapist said it is in my neck")]
    [InlineData("understanding it is hard")]
    [InlineData("wherever it is")]
    [InlineData("is it your muscles tightening up on their own")]
    [InlineData("")]
    public void Split_ShouldLeaveWordsAlone_ThatAreNotRunTogetherWithAnArticlesWord(string text)
    {
        Assert.Same(text, Reader.Split(text));
    }

    private static readonly RunTogetherReader WithCommonWords = new(
        ReadingVocabulary.WithOwnLists(Articles), new ReadingVocabulary(Articles),
        new HashSet<string>(["cant", "breathe", "well", "since", "injection", "throat", "feels", "closing", "please", "hello", "here", "the", "rapist", "my", "wife", "has", "should", "she", "her", "pills"]));

    [Theory]
    [InlineData("cantbreathewellsincebotoxinjectionthroatfeelsclosingplease", "cant breathe well since botox injection throat feels closing please")]
    [InlineData("mywifehasdystoniashouldsheupherpills", "my wife has dystonia should she up her pills")]
    [InlineData("helloimhere", "hello im here")]
    public void Split_ShouldReadAWholeMessageTypedWithoutASpace(string typed, string meant)
    {
        Assert.Equal(meant, WithCommonWords.Split(typed));
    }

    [Theory]
    [InlineData("therapist")]
    [InlineData("my therapist")]
    [InlineData("hellohere is what")]
    public void Split_ShouldNotCutAnUnknownWord_IntoTwoCommonOnes(string text)
    {
        Assert.Same(text, WithCommonWords.Split(text));
    }

    [Fact]
    public void Split_ShouldLeaveAHugeRunOfLettersAlone_WithoutSearchingIt()
    {
        var crafted = string.Concat(Enumerable.Repeat("dystonia", 2_000));

        Assert.Same(crafted, Reader.Split(crafted));
    }
}
