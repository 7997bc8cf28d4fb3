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

    private static QuestionMemory Memory(IReadOnlyList<int>? groups = null, (double, double, double)? neutral = null) => new(
        [
            ("is it passed down in families", ["essentially hereditary"]),
            ("can my kids inherit it", ["hereditary"]),
            ("will it ever be cured", ["no cure"]),
            ("does insurance pay for botox", []),
            ("a phrase no passage says any more", ["electromyogram"]),
        ],
        [Vector((0, 1)), Vector((0, 0.9f), (1, 0.1f)), Vector((2, 1)), Vector((3, 1)), Vector((4, 1))],
        groups,
        ["a"],
        neutral);

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
    public void Speaks_ShouldHoldOnlyForPassagesOfTheDocumentsItWasLabelledOn()
    {
        // A curated answer approved later was never a question's answer nor its refusal: it gets the neutral signals.
        var memory = Memory(neutral: (0.2, 0.3, 0.8));
        var curated = new Passage("curated-driving#1", "curated-driving", 1, "Driving with cervical dystonia is safe when the neck turns enough.", []);

        Assert.True(memory.Speaks(Passages[0]));
        Assert.False(memory.Speaks(curated));
        Assert.Equal(0.2, memory.Neutral.SupportOf(7));
        Assert.Equal(0.3, memory.Neutral.Unanswered);
    }

    [Fact]
    public void Read_ShouldShareAnAnswerBetweenPassagesThatSayItEqually_AndMatchWholeWordsOnly()
    {
        Passage[] passages =
        [
            new("a#1", "a", 1, "It may be secondary to a stroke.", []),
            new("a#2", "a", 2, "An MRI can rule out a stroke or other possible causes.", []),
            new("a#3", "a", 3, "Some dystonias affect the muscles of the hand.", []),
        ];
        var memory = new QuestionMemory(
            [("what does the scan look for", ["rule out", "stroke"]), ("a stroke then twisting", ["stroke"]), ("my handle hurts", ["handle"])],
            [Vector((0, 1)), Vector((1, 1)), Vector((2, 1))],
            null,
            ["a"]);

        // Two phrases said by the second passage beat one said by both; one said by both is shared.
        Assert.True(memory.Read(Vector((0, 1)), passages).Support[1] > 0.99);
        var shared = memory.Read(Vector((1, 1)), passages);
        Assert.Equal(shared.Support[0], shared.Support[1], 6);

        // "handle" is no "hand": the third question answers nothing here and is no neighbour.
        Assert.NotEqual("my handle hurts", memory.Read(Vector((2, 1)), passages).NearestText);
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

        // A memory keeps its vectors as the file does, so what calibration reads is what is served.
        Assert.Equal(before.Nearest, after.Nearest, 6);
        Assert.Equal(before.Support[0], after.Support[0], 6);
        Assert.Equal(memory.Documents, read.Documents);
    }

    [Fact]
    public void Read_ShouldFindTheNearestAsTheFloatVectorsWould_WithinTheBytesPrecision()
    {
        // Vectors over every dimension, so that every lane of the widened product counts; about half of them have their
        // largest element negative.
        var random = new Random(7);
        float[] Spread() => Vector([.. Enumerable.Range(0, TextEmbedder.Dimensions).Select(d => (d, (float)((random.NextDouble() * 2) - 1)))]);
        var vectors = Enumerable.Range(0, 40).Select(_ => Spread()).ToList();
        var memory = new QuestionMemory([.. vectors.Select((_, i) => ($"question {i}", (IReadOnlyList<string>)["no cure"]))], vectors, documents: ["a"]);

        foreach (var query in Enumerable.Range(0, 10).Select(i => vectors[i].Zip(Spread(), (a, b) => a + (0.3f * b)).ToArray()))
        {
            var norm = MathF.Sqrt(query.Sum(v => v * v));
            var unit = query.Select(v => v / norm).ToArray();
            var cosines = vectors.Select(v => v.Zip(unit, (a, b) => a * b).Sum()).ToList();
            var nearest = cosines.IndexOf(cosines.Max());

            var neighbours = memory.Read(unit, Passages);

            Assert.Equal($"question {nearest}", neighbours.NearestText);
            Assert.Equal(cosines[nearest], neighbours.Nearest, 0.01);
        }
    }

    [Fact]
    public void AnswerModel_ShouldReadAFileWhoseTextIsEscaped_AsEarlierVersionsWroteIt()
    {
        var random = new Random(11);
        var vectors = Enumerable.Range(0, 30).Select(_ => Vector([.. Enumerable.Range(0, TextEmbedder.Dimensions).Select(d => (d, (float)random.NextDouble() - 0.5f))])).ToList();
        var memory = new QuestionMemory([.. vectors.Select((_, i) => ($"est-ce héréditaire ? {i}", (IReadOnlyList<string>)["hereditary"]))], vectors, documents: ["a"], neutral: (0.1, 0.2, 0.7));
        var model = AnswerModel.Fit([[(new double[AnswerFeatures.Count], true)]], [true], 2, "escaped", memory);
        var escaped = System.Text.Json.Nodes.JsonNode.Parse(model.ToJson())!.ToJsonString();
        Assert.Contains("\\u002B", escaped, StringComparison.Ordinal);

        var read = AnswerModel.Parse(escaped, "test");

        Assert.Equal(memory.Questions.Select(q => q.Text), read.Memory.Questions.Select(q => q.Text));
        var query = vectors[3];
        Assert.Equal(memory.Read(query, Passages).Nearest, read.Memory.Read(query, Passages).Nearest, 6);
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
