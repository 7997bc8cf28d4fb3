using DystoniaBot.Conversation.Safety;
using DystoniaBot.Conversation.Semantics;
using DystoniaBot.Conversation.SmallTalk;
using DystoniaBot.Knowledge.Embeddings;

namespace DystoniaBot.Conversation.Tests.Semantics;

public class ExemplarVectorsTests
{
    [Theory]
    [InlineData(SemanticRedFlagDetector.ExemplarResource)]
    [InlineData(SemanticSmallTalkDetector.ExemplarResource)]
    public void Shipped_ShouldHoldEveryExemplar_AsTheModelMakesItNow(string resource)
    {
        // Stale vectors cost every start a second of embedding: make them again with
        // 'dotnet run --project src/DystoniaBot.Cli -- exemplar-vectors --out src/DystoniaBot.Conversation/Semantics/exemplar-vectors.bin'.
        var fresh = ExemplarSet.LoadResource(resource, TextEmbedder.Default, ExemplarVectors.None);

        foreach (var group in fresh.Groups)
        {
            for (var i = 0; i < group.Texts.Count; i++)
            {
                Assert.True(ExemplarVectors.Shipped.TryGet(group.Texts[i], out var shipped), $"no shipped vector for \"{group.Texts[i]}\"");
                Assert.True(TextEmbedder.Similarity(shipped, group.Vectors[i]) > 0.9999, $"the shipped vector of \"{group.Texts[i]}\" is another model's");
            }
        }
    }

    [Fact]
    public void Parse_ShouldTakeTheVectorsItIsGiven_AndEmbedOnlyTheOthers()
    {
        const string Text = "[weather] weather\nwill it rain tomorrow\nis it sunny outside\n";
        var first = ExemplarSet.Parse("[weather] weather\nwill it rain tomorrow\n", "test", TextEmbedder.Default, ExemplarVectors.None);
        using var stream = new MemoryStream();
        ExemplarVectors.Write(stream, [first]);
        stream.Position = 0;
        var known = ExemplarVectors.Read(stream);

        var set = ExemplarSet.Parse(Text, "test", TextEmbedder.Default, known);

        Assert.Equal(1, known.Count);
        Assert.Same(known.TryGet("will it rain tomorrow", out var kept) ? kept : null, set.Groups[0].Vectors[0]);
        Assert.Equal(TextEmbedder.Default.EmbedQuery("is it sunny outside"), set.Groups[0].Vectors[1], new ToleranceComparer());
    }

    [Fact]
    public void Read_ShouldRefuseWhatIsNotAFileOfVectors()
    {
        using var stream = new MemoryStream([1, 2, 3]);

        Assert.Throws<FormatException>(() => ExemplarVectors.Read(stream));
    }

    private sealed class ToleranceComparer : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) < 1e-4;

        public int GetHashCode(float obj) => 0;
    }
}
