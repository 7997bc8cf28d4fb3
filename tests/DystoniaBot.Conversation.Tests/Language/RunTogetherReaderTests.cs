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

    [Fact]
    public void Split_ShouldLeaveAHugeRunOfLettersAlone_WithoutSearchingIt()
    {
        var crafted = string.Concat(Enumerable.Repeat("dystonia", 2_000));

        Assert.Same(crafted, Reader.Split(crafted));
    }
}
