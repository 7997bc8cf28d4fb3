using DystoniaBot.Knowledge.Analysis;
using DystoniaBot.Knowledge.Documents;
using DystoniaBot.Knowledge.Search;
using DystoniaBot.Testing;

namespace DystoniaBot.Knowledge.Tests.Search;

public class IndexVectorTests
{
    /// <summary>Runs <paramref name="test"/> on the shipped knowledge's index saved to a folder of its own, then deletes it.</summary>
    private static void WithSavedIndex(Action<string> test)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dystoniabot-saved-" + Guid.NewGuid().ToString("N"));
        try
        {
            TestKnowledge.Index.Save(folder);
            test(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Open_ShouldReadTheVectorsSaved_WithoutEmbeddingAgain()
    {
        WithSavedIndex(folder =>
        {
            using var opened = KnowledgeIndex.Open(folder);

            Assert.Equal(0, opened.EmbeddedPassages);
            const string question = "the test where they stick needles in the muscles";
            var expected = TestKnowledge.Index.Explain(question);
            var actual = opened.Explain(question);
            Assert.Equal(expected.Select(e => e.Passage.Id), actual.Select(a => a.Passage.Id));
            Assert.Equal(expected.Select(e => Math.Round(e.Probability, 6)), actual.Select(a => Math.Round(a.Probability, 6)));
        });
    }

    [Fact]
    public void Open_ShouldReadWhatThePublisherSaysOfItself_AsSaved()
    {
        WithSavedIndex(folder =>
        {
            using var opened = KnowledgeIndex.Open(folder);

            Assert.Equal(TestKnowledge.Index.Documents[0].Source.PublisherAbout, opened.Documents[0].Source.PublisherAbout);
            Assert.NotNull(opened.Documents[0].Source.PublisherAbout);
        });
    }

    [Fact]
    public void Save_ShouldKeepTheAnswerModelInAFileOfItsOwn_AndOpenShouldAnswerWithIt()
    {
        WithSavedIndex(folder =>
        {
            var model = AnswerModel.Parse(File.ReadAllBytes(Path.Combine(folder, "answer-model.json")), "saved");
            Assert.Equal(TestKnowledge.Index.AnswerModel.Memory.Count, model.Memory.Count);
            using var opened = KnowledgeIndex.Open(folder);
            Assert.Equal(TestKnowledge.Index.AnswerModel.Description, opened.AnswerModel.Description);
            Assert.Equal(TestKnowledge.Index.AnswerModel.Memory.Count, opened.AnswerModel.Memory.Count);
        });
    }

    [Fact]
    public void Open_ShouldReadTheAnswerModel_OfAnIndexSavedWhenItWasAStoredField()
    {
        WithSavedIndex(folder =>
        {
            var modelFile = Path.Combine(folder, "answer-model.json");
            var json = File.ReadAllText(modelFile);
            File.Delete(modelFile);

            // As versions before kept it: a stored field of the lexicon's document.
            using (var directory = Lucene.Net.Store.FSDirectory.Open(folder))
            {
                Lucene.Net.Documents.Document lexicon;
                using (var reader = Lucene.Net.Index.DirectoryReader.Open(directory))
                {
                    lexicon = Enumerable.Range(0, reader.MaxDoc).Select(reader.Document).Single(d => d.Get("kind") == "lexicon");
                }

                var rewritten = new Lucene.Net.Documents.Document { new Lucene.Net.Documents.StringField("kind", "lexicon", Lucene.Net.Documents.Field.Store.YES) };
                foreach (var field in lexicon.Fields.Where(f => f.Name != "kind"))
                {
                    rewritten.Add(new Lucene.Net.Documents.StoredField(field.Name, field.GetStringValue()));
                }

                rewritten.Add(new Lucene.Net.Documents.StoredField("answer-model", json));
                using var writer = new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, new Lucene.Net.Analysis.Core.KeywordAnalyzer()));
                writer.UpdateDocument(new Lucene.Net.Index.Term("kind", "lexicon"), rewritten);
                writer.Commit();
            }

            using var opened = KnowledgeIndex.Open(folder);

            Assert.Equal(TestKnowledge.Index.AnswerModel.Memory.Count, opened.AnswerModel.Memory.Count);
            const string question = "can u pass it down to ur kids";
            Assert.Equal(
                TestKnowledge.Index.Explain(question).Select(e => Math.Round(e.Probability, 6)),
                opened.Explain(question).Select(a => Math.Round(a.Probability, 6)));
        });
    }

    [Fact]
    public void Replace_ShouldEmbedOnlyThePassagesThatChanged()
    {
        using var index = TestKnowledge.Build(Lexicon.Default,
            ("a", "Dystonia has no cure.\n\nBotulinum toxin injections can relieve symptoms."),
            ("b", "An electromyogram records the electrical activity of muscles."));
        Assert.Equal(3, index.EmbeddedPassages);

        var changed = new[]
        {
            KnowledgeDocumentParser.Parse(TestKnowledge.Article("a", "Dystonia has no cure.\n\nBotulinum toxin injections can relieve some symptoms."), "a.md"),
            KnowledgeDocumentParser.Parse(TestKnowledge.Article("b", "An electromyogram records the electrical activity of muscles."), "b.md"),
        };
        index.Replace(KnowledgeBase.FromDocuments(changed), Lexicon.Default);

        Assert.Equal(1, index.EmbeddedPassages);
        Assert.Equal("b#1", index.Search("which exam looks at how the muscles work electrically").Best?.Passage.Id);
    }

    [Theory]
    [InlineData("the test where they stick needles in the muscles", "dystonia#3")]
    [InlineData("why do my eyes keep shutting by themselves", "dystonia#2")]
    [InlineData("can it ever go away for good", "dystonia#4")]
    [InlineData("what does dystonia look like, what would i notice?", "dystonia#2")]
    public void Search_ShouldRankByMeaning_WhenTheQuestionSharesFewWordsWithTheAnswer(string question, string passageId)
    {
        Assert.Equal(passageId, TestKnowledge.Index.Search(question).Best?.Passage.Id);
    }

    [Theory]
    [InlineData("how many people in the world have dystonia")]
    [InlineData("how long does a botox injection last")]
    [InlineData("what is the life expectancy with dystonia")]
    [InlineData("is there a maximum per year for the injections")]
    public void Search_ShouldNotBeConfident_WhenTheArticleHoldsNoNumberForAQuestionThatAsksForOne(string question)
    {
        var best = TestKnowledge.Index.Search(question).Best;

        Assert.True(best is null || best.Score < 0.5, $"{question}: {best?.Passage.Id} {best?.Score}");
    }

    [Theory]
    [InlineData("will my dystonia keep getting worse over the years")]
    [InlineData("does dystonia shorten how long you live")]
    public void Search_ShouldNotBeConfident_WhenTheQuestionAsksAboutTheCourseTheArticleNeverDescribes(string question)
    {
        var best = TestKnowledge.Index.Search(question).Best;

        Assert.True(best is null || best.Score < 0.5, $"{question}: {best?.Passage.Id} {best?.Score}");
    }
}
