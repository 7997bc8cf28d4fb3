using DystoniaBot.Conversation.Language;

namespace DystoniaBot.Conversation.Tests.Language;

public class SlipReaderTests
{
    private static readonly string[] Articles =
        ["Dystonia is a neurological disorder. Blepharospasm affects the upper eyelid. Dystonia has no cure. What causes it? Symptoms are sometimes mild in the neck."];

    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "what", "is", "the", "cure", "it", "cause", "causes", "sings", "signs", "and", "my", "has", "no", "does", "help",
        "resting", "lifting",
    };

    private static readonly SlipReader Reader = new(ReadingVocabulary.WithOwnLists(Articles), new ReadingVocabulary(Articles), CommonWords);

    [Theory]
    [InlineData("whta is teh cuer", "what is the cure")]
    [InlineData("ddystoniaa whatt iss itt??", "dystonia what is it??")]
    [InlineData("whta causes dystonia", "what causes dystonia")]
    [InlineData("Whta is blepharosapsm", "what is blepharospasm")]
    [InlineData("is there a cyre", "is there a cure")]
    [InlineData("what caus it, does it affe the eyel", "what causes it, does it affects the eyelid")]
    [InlineData("does restin help", "does resting help")]
    [InlineData("whats blefferospasm", "whats blepharospasm")]
    [InlineData("is it a nurolojical disorder", "is it a neurological disorder")]
    [InlineData("the symtoms of dystonia", "the symptoms of dystonia")]
    [InlineData("dystonia in the nek", "dystonia in the neck")]
    public void Read_ShouldReadSlipsAsTheWordsMeant(string text, string expected)
    {
        Assert.Equal(expected, Reader.Read(text));
    }

    [Theory]
    [InlineData("my daughter sings and her jaw locks")]
    [InlineData("im scared, is it dystonia")]
    [InlineData("is MS like it")]
    [InlineData("cnt swllw")]
    [InlineData("what's the cure")]
    [InlineData("zzz qwerty")]
    [InlineData("what does that meen")]
    [InlineData("my bae has it")]
    [InlineData("wagwan bruv")]
    [InlineData("")]
    public void Read_ShouldLeaveWordsAsTheyAre(string text)
    {
        Assert.Same(text, Reader.Read(text));
    }
}
