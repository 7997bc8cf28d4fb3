using DystoniaBot.Knowledge.Documents;
using DystoniaBot.Knowledge.Embeddings;
using DystoniaBot.Knowledge.Search;

namespace DystoniaBot.Knowledge.Tests.Search;

public class QuestionMemoryTests
{
    private static readonly Passage[] Passages =
    [
        new("a#1", "a", 1, "The causes of this disease are essentially hereditary.", []),
        new("a#2", "a", 2, "Dystonia has no cure.", []),
    ];

    // Unit vectors along a few axes, and between them, stand in for the embedding's.
    private static float[] Vector(params (int Axis, float Value)[] parts)
    {
        var vector = new float[TextEmbedder.Dimensions];
        foreach (var (axis, value) in parts)
        {
            vector[axis] = value;
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return [.. vector.Select(v => v / norm)];
    }

    private static QuestionMemory Memory(IReadOnlyList<int>? groups = null) => new(
        [
            ("is it passed down in families", ["essentially hereditary"]),
            ("can my kids inherit it", ["hereditary"]),
            ("will it ever be cured", ["no cure"]),
            ("does insurance pay for botox", []),
            ("a phrase no passage says any more", ["electromyogram"]),
        ],
        [Vector((0, 1)), Vector((0, 0.9f), (1, 0.1f)), Vector((2, 1)), Vector((3, 1)), Vector((4, 1))],
        groups);

    [Fact]
    public void Read_ShouldGiveThePassageItsNearestQuestionsWereAnsweredBy()
    {
        var neighbours = Memory().Read(Vector((0, 1), (1, 0.05f)), Passages);

        Assert.True(neighbours.Support[0] > 0.9, $"support {neighbours.Support[0]}");
        Assert.True(neighbours.Support.GetValueOrDefault(1) < 0.05);
        Assert.True(neighbours.Unanswered < 0.05);
        Assert.True(neighbours.Nearest > 0.99);
    }

    [Fact]
    public void Read_ShouldTellWhenTheNearestQuestionsWereNotAnswered()
    {
        var neighbours = Memory().Read(Vector((3, 1), (2, 0.1f)), Passages);

        Assert.True(neighbours.Unanswered > 0.9, $"unanswered {neighbours.Unanswered}");
        Assert.Equal("does insurance pay for botox", neighbours.NearestText);
    }

    [Fact]
    public void Read_ShouldDropQuestionsWhoseAnswerNoPassageSaysAnyMore()
    {
        // The fifth question is exactly the query, but its answer's words are in no passage: no neighbour.
        var neighbours = Memory().Read(Vector((4, 1)), Passages);

        Assert.NotEqual("a phrase no passage says any more", neighbours.NearestText);
        Assert.True(neighbours.Nearest < 0.5);
    }

    [Fact]
    public void Read_ShouldLeaveOutTheQuestionsOfTheExcludedSet_AndTheSameQuestionAskedElsewhere()
    {
        var memory = Memory([0, 1, 1, 1, 1]);

        // Calibrating a question of set 1: only set 0's questions are neighbours, and not one identical to it.
        Assert.Equal("is it passed down in families", memory.Read(Vector((0, 0.9f), (1, 0.1f)), Passages, excludeGroup: 1).NearestText);
        Assert.Equal("can my kids inherit it", memory.Read(Vector((0, 1)), Passages, excludeGroup: 0).NearestText);
        Assert.NotEqual("can my kids inherit it", memory.Read(Vector((0, 0.9f), (1, 0.1f)), Passages, excludeGroup: 0).NearestText);
    }

    [Fact]
    public void Empty_ShouldSayNothing()
    {
        var neighbours = QuestionMemory.Empty.Read(Vector((0, 1)), Passages);

        Assert.Equal(0, neighbours.Nearest);
        Assert.Empty(neighbours.Support);
    }

    [Fact]
    public void FromJson_ShouldReadWhatToJsonWrote_WithinTheBytesPrecision()
    {
        var memory = Memory();

        var read = QuestionMemory.FromJson(memory.ToJson(), "test");

        Assert.Equal(memory.Questions.Select(q => q.Text), read.Questions.Select(q => q.Text));
        Assert.Equal(memory.Questions.Select(q => string.Join("|", q.Answer)), read.Questions.Select(q => string.Join("|", q.Answer)));
        var query = Vector((0, 0.8f), (1, 0.3f), (2, 0.2f));
        var before = memory.Read(query, Passages);
        var after = read.Read(query, Passages);
        Assert.Equal(before.Nearest, after.Nearest, 2);
        Assert.Equal(before.Support[0], after.Support[0], 2);
    }

    [Fact]
    public void FromJson_ShouldRefuseVectorsOfAnotherSize()
    {
        var json = Memory().ToJson();
        json["vectors"] = Convert.ToBase64String(new byte[10]);

        Assert.Throws<FormatException>(() => QuestionMemory.FromJson(json, "knowledge/answer-model.json"));
    }

    [Fact]
    public void AnswerModel_ShouldKeepItsMemoryThroughJson()
    {
        var features = new double[AnswerFeatures.Count];
        var model = AnswerModel.Fit([[(features, true)]], [true], 2, "with memory", Memory());

        var read = AnswerModel.Parse(model.ToJson(), "test");

        Assert.Equal(5, read.Memory.Count);
    }
}
