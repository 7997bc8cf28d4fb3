using DystoniaBot.Conversation.Language;

namespace DystoniaBot.Conversation.Tests.Language;

public class SplitWordReaderTests
{
    private static readonly SplitWordReader Reader = new(ReadingVocabulary.WithOwnLists(
        ["Dystonia is a neurological disorder. Blepharospasm affects the upper eyelid. An electromyogram records the muscles.",
         "Botulinum toxin (botox) injections help; an MRI of the brain. Cervical dystonia affects the neck. See a neurologist.",
         "Something may help. Dystonias vary."]),
        DystoniaBot.Testing.TestKnowledge.Index.Lexicon.CommonWords);

    [Theory]
    [InlineData("how do doctors no if its dis tonia", "how do doctors no if its dystonia")]
    [InlineData("do bow talks shots work", "do botox shots work")]
    [InlineData("should i get bo tox for my neck", "should i get botox for my neck")]
    [InlineData("what is a electro my a gram", "what is a electromyogram")]
    [InlineData("what is blefro spasm", "what is blepharospasm")]
    [InlineData("what is an e m g", "what is an emg")]
    [InlineData("why did they send her for an m r i of the brain", "why did they send her for an mri of the brain")]
    [InlineData("is this tonia something your born with", "is dystonia something your born with")]
    [InlineData("Dis Tonia in the neck?", "dystonia in the neck?")]
    [InlineData("what is this tone ya exactly", "what is dystonia exactly")]
    [InlineData("what is blef-ro-spasm, the eye one", "what is blepharospasm, the eye one")]
    [InlineData("what does an elektro-myo-gram show", "what does an electromyogram show")]
    public void Join_ShouldReadWordsDictationSplit(string heard, string meant)
    {
        Assert.Equal(meant, Reader.Join(heard));
    }

    [Theory]
    [InlineData("is there a cure for dystonia?")]
    [InlineData("any more news on the drug treatments")]
    [InlineData("my mum has it in her neck and i am worried")]
    [InlineData("she's got a gram of something")]
    [InlineData("the dr said a b c")]
    [InlineData("is a heart attack the same thing as a stroke")]
    [InlineData("dis is da ting")]
    [InlineData("she thinks about self-harm a lot")]
    [InlineData("a jab of anti-sickness medicine and a follow-up x-ray")]
    [InlineData("is it a well-known side-effect")]
    [InlineData("does dystonia show up when ur moving")]
    [InlineData("")]
    public void Join_ShouldLeaveWhatWasSaid(string text)
    {
        Assert.Same(text, Reader.Join(text));
    }

    [Theory]
    [InlineData("blepharospasm", "blefro spasm")]
    [InlineData("botox", "bow talks")]
    [InlineData("cervical", "servical")]
    public void Sound_ShouldSpellWordsHeardAlikeAlike(string word, string heard)
    {
        var distance = Knowledge.Analysis.SpellingCorrector.Distance(SplitWordReader.Sound(word), SplitWordReader.Sound(heard.Replace(" ", string.Empty, StringComparison.Ordinal)), 2);

        Assert.True(distance <= 1, $"{word} and {heard} are {distance} sounds apart");
    }
}
