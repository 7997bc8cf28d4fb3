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

    [Fact]
    public void Read_ShouldRefuseAFileCutShort_OrOneWithAVectorThatIsNotTheModels()
    {
        var whole = Written(("will it rain", Unit()));
        using var cut = new MemoryStream(whole[..^8]);
        using var damaged = new MemoryStream(Written(("will it rain", [.. Unit().Select(_ => float.NaN)])));

        Assert.Throws<FormatException>(() => ExemplarVectors.Read(cut));
        Assert.Throws<FormatException>(() => ExemplarVectors.Read(damaged));
    }

    [Fact]
    public void Read_ShouldTakeNoVectors_MadeByAnotherModel()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write("dystoniabot exemplar vectors 1");
            writer.Write("another-model");
            writer.Write(TextEmbedder.Dimensions);
            writer.Write(0);
        }

        stream.Position = 0;

        Assert.Equal(0, ExemplarVectors.Read(stream).Count);
    }

    [Fact]
    public void For_ShouldGiveTheShippedVectors_OnlyToTheShippedModel()
    {
        Assert.True(TextEmbedder.Default.IsShipped);
        Assert.Same(ExemplarVectors.Shipped, ExemplarVectors.For(TextEmbedder.Default));
    }

    private static float[] Unit() => [1f, .. new float[TextEmbedder.Dimensions - 1]];

    private static byte[] Written(params (string Text, float[] Vector)[] exemplars)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write("dystoniabot exemplar vectors 1");
            writer.Write(TextEmbedder.ModelName);
            writer.Write(TextEmbedder.Dimensions);
            writer.Write(exemplars.Length);
            foreach (var (text, vector) in exemplars)
            {
                writer.Write(text);
                foreach (var value in vector)
                {
                    writer.Write(value);
                }
            }
        }

        return stream.ToArray();
    }

    private sealed class ToleranceComparer : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) < 1e-4;

        public int GetHashCode(float obj) => 0;
    }
}
