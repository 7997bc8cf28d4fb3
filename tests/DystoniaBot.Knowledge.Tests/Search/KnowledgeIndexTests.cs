using DystoniaBot.Knowledge.Analysis;
using DystoniaBot.Knowledge.Documents;
using DystoniaBot.Knowledge.Search;
using DystoniaBot.Testing;

namespace DystoniaBot.Knowledge.Tests.Search;

public class KnowledgeIndexTests
{
    private static KnowledgeIndex Index => TestKnowledge.Index;

    [Theory]
    [InlineData("Is there a cure for dystonia?", "dystonia#4", "Dystonia has no cure.")]
    [InlineData("can this condition be healed", "dystonia#4", "Dystonia has no cure.")]
    [InlineData("does it run in families", "dystonia#1", "The causes of this disease are essentially hereditary.")]
    [InlineData("can it be passed from parents to kids", "dystonia#1", "The causes of this disease are essentially hereditary.")]
    [InlineData("what is a wry neck", "dystonia#2", "cervical dystonia, with tight and painful neck muscles;")]
    [InlineData("what tests confirm it", "dystonia#3", "A blood test or an MRI of the brain is needed to rule out other possible causes of dystonia such as a stroke.")]
    [InlineData("do botox shots work", "dystonia#4", "Various drug treatments are used and injections of botulinum toxin can help with symptoms in some cases.")]
    [InlineData("how many kinds of dystonia are there", "dystonia#1", "Furthermore, dystonia is categorized according to the affected body parts.")]
    public void Search_ShouldFindTheAnsweringSentence(string question, string passageId, string sentence)
    {
        var best = Index.Search(question).Best;

        Assert.NotNull(best);
        Assert.Equal(passageId, best.Passage.Id);
        Assert.Equal(sentence, best.Sentence);

        // Confident enough to be answered: the conversation answers from a probability of 0.5.
        Assert.InRange(best.Score, 0.5, 1.0);
    }

    [Theory]
    [InlineData("What are the symptoms of the flu?")]
    [InlineData("treatment for migraine")]
    [InlineData("what are the signs of a stroke, need it for my first aid course")]
    [InlineData("Is dystonia contagious?")]
    [InlineData("How do I reset my password?")]
    public void Search_ShouldHaveLowConfidence_WhenTheQuestionIsAboutSomethingElse(string question)
    {
        var best = Index.Search(question).Best;

        Assert.True(best is null || best.Score < 0.5, $"{question}: {best?.Passage.Id} {best?.Score}");
    }

    [Fact]
    public void Search_ShouldRankByRelevance_AndScoreWithinZeroToOne()
    {
        var hits = Index.Search("symptoms", 4).Hits;

        Assert.Equal("dystonia#2", hits[0].Passage.Id);
        Assert.All(hits, h => Assert.InRange(h.Score, 0, 1));
        Assert.Equal(hits.OrderByDescending(h => h.Relevance).Select(h => h.Passage.Id), hits.Select(h => h.Passage.Id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t\n ")]
    [InlineData("AND OR NOT ( \" * ~ : ) [ ] { } ^ \\ / !")]
    [InlineData("😀🙏🏽💥")]
    [InlineData("¿Hay una cura para la distonía?")]
    [InlineData("肌张力障碍可以治愈吗")]
    [InlineData("\u0000\u0001\u001f")]
    public void Search_ShouldNotThrow_OnOddInput(string question)
    {
        var result = Index.Search(question);

        Assert.NotNull(result);
        Assert.All(result.Hits, h => Assert.InRange(h.Score, 0, 1));
    }

    [Fact]
    public void Search_ShouldHandleTenThousandCharacters()
    {
        var question = string.Concat(Enumerable.Repeat("cure dystonia botox migraine ", 400));

        var result = Index.Search(question);

        Assert.True(result.Question.Concepts.Count <= QuestionAnalyzer.MaxConcepts);
        Assert.True(result.Question.Text.Length <= QuestionAnalyzer.MaxQuestionLength);
    }

    [Fact]
    public void Save_ThenOpen_ShouldAnswerTheSame()
    {
        var folder = Directory.CreateTempSubdirectory("index-test-");
        try
        {
            Index.Save(folder.FullName);
            using var reopened = KnowledgeIndex.Open(folder.FullName);

            Assert.Equal(Index.Statistics, reopened.Statistics);
            Assert.Equal(Index.Search("is there a cure").Best!.Passage.Text, reopened.Search("is there a cure").Best!.Passage.Text);
            Assert.Equal(Index.Lexicon.SynonymsText, reopened.Lexicon.SynonymsText);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Open_ShouldFailClearly_WhenTheFolderHoldsNoIndex()
    {
        var folder = Directory.CreateTempSubdirectory("index-test-");
        try
        {
            var error = Assert.Throws<DirectoryNotFoundException>(() => KnowledgeIndex.Open(folder.FullName));
            Assert.Contains("does not hold", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Replace_ShouldServeTheNewKnowledge_WhileSearchesRunConcurrently()
    {
        using var index = TestKnowledge.Build(Lexicon.Default, ("one", "Apples are red fruit."));
        var failures = 0;
        using var stop = new CancellationTokenSource();
        var searchers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    index.Search("red apples");
                }
                catch (ObjectDisposedException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToArray();

        for (var i = 0; i < 20; i++)
        {
            var body = i % 2 == 0 ? "Pears are green fruit." : "Apples are red fruit.";
            index.Replace(KnowledgeBase.FromDocuments([KnowledgeDocumentParser.Parse(TestKnowledge.Article("one", body), "one.md")]), Lexicon.Default);
        }

        stop.Cancel();
        await Task.WhenAll(searchers);
        Assert.Equal(0, failures);
        Assert.Equal("Apples are red fruit.", index.Search("red apples").Best!.Passage.Text);
    }

    [Fact]
    public void Search_ShouldReuseResults_OnlyWhenTheCacheIsOnAndTheKnowledgeIsUnchanged()
    {
        using var index = TestKnowledge.Build(Lexicon.Default, ("one", "Apples are red fruit."));
        Assert.NotSame(index.Search("red apples"), index.Search("red apples"));

        index.ResultCacheCapacity = 2;
        var first = index.Search("red apples");
        Assert.Same(first, index.Search("red apples"));
        Assert.NotSame(first, index.Search("red apples", maxHits: 1));
        Assert.NotSame(first, index.Search("Red apples"));

        // The cache was full (two entries): it starts over rather than grow.
        Assert.NotSame(first, index.Search("red apples"));

        var cached = index.Search("red apples");
        index.Replace(KnowledgeBase.FromDocuments([KnowledgeDocumentParser.Parse(TestKnowledge.Article("one", "Pears are green fruit."), "one.md")]), Lexicon.Default);
        Assert.NotSame(cached, index.Search("red apples"));
        Assert.Equal("Pears are green fruit.", index.Search("green pears").Best!.Passage.Text);
    }

    [Fact]
    public void FindPassage_ShouldReturnThePassageAndItsSource()
    {
        var found = Index.FindPassage("dystonia#3");

        Assert.NotNull(found);
        Assert.Equal("CCM Health", found.Value.Source.Publisher);
        Assert.Null(Index.FindPassage("dystonia#99"));
    }

    [Fact]
    public void FindPassage_ShouldReturnADocumentsCreditLine_AsItsCreditPassage()
    {
        var found = Index.FindPassage(Passage.CreditId("dystonia"));

        Assert.NotNull(found);
        Assert.Equal(found.Value.Source.Attribution, found.Value.Passage.Text);
        Assert.Contains("Creative Commons", found.Value.Passage.Text, StringComparison.Ordinal);
        Assert.Equal(0, found.Value.Passage.Ordinal);
        Assert.Equal(2, found.Value.Passage.Sentences.Count);
        Assert.Null(Index.FindPassage(Passage.CreditId("no-such-article")));
    }

    [Fact]
    public void FindPassage_ShouldReturnWhatThePublisherSaysOfItself_ThenTheCreditLine_AsItsPublisherPassage()
    {
        var found = Index.FindPassage(Passage.PublisherId("dystonia"));

        Assert.NotNull(found);
        Assert.StartsWith("CCM is a leading international tech website.", found.Value.Passage.Text, StringComparison.Ordinal);
        Assert.EndsWith(found.Value.Source.Attribution, found.Value.Passage.Text, StringComparison.Ordinal);
        Assert.Equal(5, found.Value.Passage.Sentences.Count);
    }
}
