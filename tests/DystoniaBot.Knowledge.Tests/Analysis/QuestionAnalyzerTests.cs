using DystoniaBot.Knowledge.Analysis;
using DystoniaBot.Testing;

namespace DystoniaBot.Knowledge.Tests.Analysis;

public class QuestionAnalyzerTests
{
    [Fact]
    public void Analyze_ShouldMarkAnotherDisease_ButAnUncoveredTopicOnlyAsSuch()
    {
        var migraine = TestKnowledge.Index.Analyze("treatment for migraine");
        var kids = TestKnowledge.Index.Analyze("can kids get it");

        Assert.Contains(migraine.Concepts, c => c.Key == "migrain" && c.IsOtherCondition && !c.IsUncoveredTopic);
        Assert.Contains(kids.Concepts, c => c.Key == "kid" && c.IsUncoveredTopic && !c.IsOtherCondition);
    }

    [Theory]
    [InlineData("stretching exercises for a twisted neck", "stretch")]
    [InlineData("would an operation help", "oper")]
    [InlineData("does dystonia affect memory", "memori")]
    [InlineData("is it the dyt1 gene", "dyt1")]
    [InlineData("can I afford the injections", "afford")]
    [InlineData("can you overdose on the injections", "overdos")]
    [InlineData("does cbd oil help the spasms", "cbd oil")]
    public void Analyze_ShouldMarkAWordSaidForAnUncoveredTopic_AsThatTopic(string question, string key)
    {
        var analyzed = TestKnowledge.Index.Analyze(question);

        Assert.Contains(analyzed.Concepts, c => c.Key == key && c.IsUncoveredTopic);
    }

    [Theory]
    [InlineData("can botox help period cramps", "period cramp")]
    [InlineData("botox for forehead lines", "forehead line")]
    [InlineData("botox for frown lines, any good", "frown line")]
    [InlineData("woke up with a crick in my neck", "crick")]
    public void Analyze_ShouldMarkAnotherSubjectWhoseWordsMeetTheArticles_AsAnotherCondition(string question, string key)
    {
        var analyzed = TestKnowledge.Index.Analyze(question);

        Assert.Contains(analyzed.Concepts, c => c.Key == key && c.IsOtherCondition);
    }

    [Fact]
    public void Analyze_ShouldNotTakeDoseForAnUncoveredTopic_BecauseItIsHowDoesIsTyped()
    {
        var analyzed = TestKnowledge.Index.Analyze("wat dose primary dystonia mean");

        Assert.DoesNotContain(analyzed.Concepts, c => c.IsUncoveredTopic);
    }

    [Fact]
    public void LexiconParse_ShouldReadTopics_AfterTheMarkerLine()
    {
        var lexicon = Lexicon.Parse("the", "", "migraine\nepilepsy\n[topics]\nvoice\nkids", "", "(test)");

        Assert.Equal(["migraine", "epilepsy"], lexicon.Conditions);
        Assert.Equal(["voice", "kids"], lexicon.UncoveredTopics);
    }

    [Fact]
    public void Analyze_ShouldDropStopWordsAndStem()
    {
        var question = TestKnowledge.Index.Analyze("What are the treatments available?");

        var concept = Assert.Single(question.Concepts);
        Assert.Equal("treatment", concept.Key);
    }

    [Fact]
    public void Analyze_ShouldExpandEverydayWordsToTheArticlesTerms()
    {
        var question = TestKnowledge.Index.Analyze("can it be healed");

        var concept = Assert.Single(question.Concepts);
        Assert.Contains(concept.Alternatives, a => a.Terms.SequenceEqual(["cure"]));
        Assert.True(concept.Alternatives[0].IsOriginal);
        Assert.All(concept.Alternatives.Skip(1), a => Assert.False(a.IsOriginal));
    }

    [Fact]
    public void Analyze_ShouldMatchTheLongestPhraseFirst()
    {
        var question = TestKnowledge.Index.Analyze("does it run in families");

        var concept = Assert.Single(question.Concepts);
        Assert.Contains(concept.Alternatives, a => a.Terms.SequenceEqual(["hereditari"]));
    }

    [Theory]
    [InlineData("can you get dystonia after a stroke", true)]
    [InlineData("did he develop it from a bang on the head", true)]
    [InlineData("can you end up with this because of a brain injury", true)]
    [InlineData("could you confirm whether dystonia may arise as a consequence of a stroke", true)]
    [InlineData("does a stroke rule out dystonia", false)]
    [InlineData("can you get botox after a stroke", false)]
    [InlineData("the neuro said dystonia can follow a brain injury, is that true", true)]
    [InlineData("her arm twists up, is that dystonia from the stroke", true)]
    [InlineData("does dystonia follow you around all day", false)]
    public void Analyze_ShouldReadGettingItAfterSomething_AsAskingWhatItIsSecondaryTo(string text, bool asksForTheCause)
    {
        var question = TestKnowledge.Index.Analyze(text);

        Assert.Equal(asksForTheCause, question.Concepts.Any(c => c.Key == "secondari"));
    }

    [Fact]
    public void Analyze_ShouldMapKindsOfMedicineOneWay()
    {
        var question = TestKnowledge.Index.Analyze("are anticholinergics used");

        Assert.Contains(question.Concepts.Single().Alternatives, a => a.Terms.SequenceEqual(["drug"]));
        Assert.DoesNotContain(TestKnowledge.Index.Analyze("drug").Concepts.Single().Alternatives, a => a.Terms.Any(t => t.StartsWith("anticholin", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("is baclofen used")]
    [InlineData("trihexyphenidyl any good")]
    [InlineData("does levodopa work")]
    public void Analyze_ShouldReadAMedicineByName_AsATopicTheArticlesDontCover(string text)
    {
        var medicine = TestKnowledge.Index.Analyze(text).Concepts[0];

        Assert.True(medicine.IsUncoveredTopic);
        Assert.DoesNotContain(medicine.Alternatives, a => a.Terms.SequenceEqual(["drug"]));
    }

    [Fact]
    public void Analyze_ShouldCorrectTypos_AndReportThem()
    {
        var question = TestKnowledge.Index.Analyze("is ther a cure for distonia");

        Assert.Contains(question.Corrections, c => c.Word == "distonia" && c.Correction == "dystonia");
        Assert.Equal(["cure", "dystonia"], question.Concepts.Select(c => c.Key));
    }

    [Fact]
    public void Corrected_ShouldGiveTheMeaningModelTheWordsTheSearchRead()
    {
        const string Typed = "Servical distonia, what's that?";

        var corrected = TestKnowledge.Index.Analyze(Typed).Corrected(Typed);

        Assert.Equal("cervical dystonia, what's that?", corrected);
    }

    [Theory]
    [InlineData("What is focal dystonia?", true)]
    [InlineData("what's an EMG", true)]
    [InlineData("Is there a cure?", false)]
    [InlineData("please what is mean dystonia", true)]
    [InlineData("ok so wat is cervical dystonia", true)]
    [InlineData("tell me like im a 10 year old what dystonia is", true)]
    [InlineData("come on mate, whats dystonia", true)]
    [InlineData("what is dystonia in layman's terms", true)]
    [InlineData("could you explain it to me in plain English", true)]
    [InlineData("what means the word focal", true)]
    [InlineData("please is there a cure", false)]
    [InlineData("so whats the lowdown with dystonia", true)]
    [InlineData("never came across it, what kind of illness is dystonia", true)]
    [InlineData("what kind of doctor treats it", false)]
    [InlineData("grand so, whats the story with dystonia at all", true)]
    [InlineData("the girls want to know what dystonia actually is", true)]
    [InlineData("what dystonia is caused by", false)]
    public void Analyze_ShouldRecogniseDefinitionQuestions(string text, bool expected)
    {
        Assert.Equal(expected, TestKnowledge.Index.Analyze(text).AsksForDefinition);
    }

    [Theory]
    [InlineData("what is dystonia, sorry my english is not so good")]
    [InlineData("english is not my first language, what is dystonia")]
    [InlineData("explain dystonia in plain english")]
    public void Analyze_ShouldNotSearchWhatTheWriterSaysOfTheirEnglish(string text)
    {
        var question = TestKnowledge.Index.Analyze(text);

        Assert.Equal(["dystonia"], question.Concepts.Select(c => c.Key));
        Assert.True(question.AsksForDefinition);
    }

    [Fact]
    public void Analyze_ShouldTreatQuerySyntaxAsPlainText()
    {
        var question = TestKnowledge.Index.Analyze("cure AND (botox OR \"toxin\") NOT stress~2 title:* ^3");

        Assert.Contains(question.Concepts, c => c.Key == "cure");
        Assert.Contains(question.Concepts, c => c.Key == "botox");
        Assert.DoesNotContain(question.Concepts, c => c.Key.Contains(':', StringComparison.Ordinal) || c.Key.Contains('*', StringComparison.Ordinal));
    }
}
