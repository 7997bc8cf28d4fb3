using DystoniaBot.Conversation.Language;

namespace DystoniaBot.Conversation.Tests.Language;

public class ShorthandReaderTests
{
    private static readonly ShorthandReader Reader = new(ReadingVocabulary.WithOwnLists(
        ["Dystonia is a neurological disorder. Blepharospasm affects the upper eyelid. Botulinum toxin (botox) injections help. Is there a cure?"]));

    [Theory]
    [InlineData("cnt swllw. chkng. btx 2wk ago", "can't swallow. choking. botox 2wk ago")]
    [InlineData("wht is dyst", "what is dystonia")]
    [InlineData("hnd dyst?", "hand dystonia?")]
    [InlineData("tblts all gone", "tablets all gone")]
    [InlineData("pt w/ hx of stroke, ?dx dystonia", "patient w/ history of stroke, ?diagnosis dystonia")]
    [InlineData("btx njctns, wht ffcts", "botox injections, what affects")]
    public void Expand_ShouldReadWordsTypedWithoutVowels(string text, string expanded)
    {
        Assert.Equal(expanded, Reader.Expand(text));
    }

    [Theory]
    [InlineData("Is there a cure for dystonia?")]
    [InlineData("my neck is stuck and it hurts")]
    [InlineData("rash on my arm since the jab")]
    [InlineData("hmm ok")]
    [InlineData("is MS hereditary? the RN said EMG")]
    [InlineData("short definition pls")]
    [InlineData("can another illness bring on dystonia, my gym teacher asked")]
    [InlineData("DYT1 and 2wk")]
    [InlineData("is PT any good for it")]
    [InlineData("")]
    public void Expand_ShouldLeaveWordsAsTheyAre(string text)
    {
        Assert.Same(text, Reader.Expand(text));
    }
}
