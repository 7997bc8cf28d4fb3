using DystoniaBot.Knowledge.Search;

namespace DystoniaBot.Knowledge.Tests.Search;

public class LogisticModelTests
{
    [Fact]
    public void Fit_ShouldLearnAnyNumberOfFeatures_FromTheFirstSample()
    {
        // Six features, only the fourth tells the classes apart.
        var samples = Enumerable.Range(0, 60)
            .Select(i => (Features: new double[] { i % 5, i % 3, 1, i % 2 == 0 ? 0.9 : 0.1, i % 7, 2 }, Positive: i % 2 == 0, Weight: 1.0))
            .ToList();

        var model = LogisticModel.Fit(samples, l2: 0.01, iterations: 500);

        Assert.Equal(6, model.FeatureCount);
        Assert.True(model.Probability([2, 1, 1, 0.9, 3, 2]) > 0.9);
        Assert.True(model.Probability([2, 1, 1, 0.1, 3, 2]) < 0.1);
    }

    [Fact]
    public void Fit_ShouldRefuseSamplesOfDifferentLengths()
    {
        var error = Assert.Throws<ArgumentException>(() => LogisticModel.Fit([([1.0, 2.0], true, 1.0), ([1.0], false, 1.0)]));

        Assert.Contains("2 features", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Probability_ShouldRefuseFeaturesOfAnotherLength()
    {
        var model = LogisticModel.Over(3, (0, 1, 0));

        Assert.Throws<ArgumentException>(() => model.Probability([1.0, 2.0]));
    }

    [Fact]
    public void FromJson_ShouldReadWhatToJsonWrote_WhateverTheFeatureCount()
    {
        var model = LogisticModel.Fit([([0.0, 1.0, 5.0], true, 1.0), ([1.0, 0.0, 4.0], false, 1.0)], iterations: 200);

        var read = LogisticModel.FromJson(model.ToJson(), "test");

        Assert.Equal(3, read.FeatureCount);
        Assert.Equal(model.Probability([0.5, 0.5, 4.5]), read.Probability([0.5, 0.5, 4.5]), 5);
    }
}
