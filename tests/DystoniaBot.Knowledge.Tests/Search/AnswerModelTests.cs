using DystoniaBot.Knowledge.Search;

namespace DystoniaBot.Knowledge.Tests.Search;

public class AnswerModelTests
{
    private static double[] Features(double lexical, double similarity)
    {
        var features = new double[AnswerFeatures.Count];
        features[AnswerFeatures.LexicalConfidence] = lexical;
        features[AnswerFeatures.SentenceSimilarity] = similarity;
        return features;
    }

    [Fact]
    public void Fit_ShouldRankTheRightPassageFirst_AndAnswerOnlyWhenItIsRight()
    {
        // Two candidates per question: the right one has both signals higher; unanswerable questions have neither.
        var questions = new List<IReadOnlyList<(double[] Features, bool Right)>>();
        var answerable = new List<bool>();
        for (var i = 0; i < 40; i++)
        {
            var jitter = (i % 7) * 0.01;
            questions.Add([(Features(0.8 + jitter, 0.7), true), (Features(0.3, 0.5 + jitter), false)]);
            answerable.Add(true);
            questions.Add([(Features(0.2 + jitter, 0.5), false), (Features(0.1, 0.45 + jitter), false)]);
            answerable.Add(false);
        }

        var model = AnswerModel.Fit(questions, answerable, wrongAnswerCost: 2, "test");

        Assert.True(model.Ranker.Probability(Features(0.85, 0.7)) > model.Ranker.Probability(Features(0.3, 0.52)));
        Assert.True(model.Decider.Probability(Features(0.85, 0.7)) >= 0.5);
        Assert.True(model.Decider.Probability(Features(0.2, 0.5)) < 0.5);
    }

    [Fact]
    public void Parse_ShouldReadWhatToJsonWrote()
    {
        var model = AnswerModel.Fit([[(Features(0.9, 0.7), true), (Features(0.1, 0.4), false)]], [true], 1.5, "round trip");

        var read = AnswerModel.Parse(model.ToJson(), "test");

        Assert.Equal("round trip", read.Description);
        var probe = Features(0.6, 0.6);
        Assert.Equal(model.Decider.Probability(probe), read.Decider.Probability(probe), 5);
        Assert.Equal(model.Ranker.Probability(probe), read.Ranker.Probability(probe), 5);
    }

    [Fact]
    public void Parse_ShouldRefuseAModelOfOtherFeatures()
    {
        var json = AnswerModel.Default.ToJson().Replace("missing_quantity", "something_else", StringComparison.Ordinal);

        var error = Assert.Throws<FormatException>(() => AnswerModel.Parse(json, "knowledge/answer-model.json"));

        Assert.Contains("dystoniabot calibrate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_ShouldAnswerFromTheLexicalConfidenceTheEngineUsedBefore()
    {
        Assert.True(AnswerModel.Default.Decider.Probability(Features(0.56, 0)) >= 0.5);
        Assert.True(AnswerModel.Default.Decider.Probability(Features(0.54, 0)) < 0.5);
    }

    [Fact]
    public void Load_ShouldReadTheCommittedModel()
    {
        var model = AnswerModel.Load(DystoniaBot.Testing.RepositoryPaths.Knowledge);

        Assert.Contains("dystoniabot calibrate", model.Description, StringComparison.Ordinal);
    }
}
