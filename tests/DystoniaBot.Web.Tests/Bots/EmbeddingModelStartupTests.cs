namespace DystoniaBot.Web.Tests.Bots;

/// <summary>A missing or unreadable embedding model stops the host with a message naming the file.</summary>
public sealed class EmbeddingModelStartupTests
{
    [Fact]
    public void Startup_ShouldStopNamingTheModelFile_WhenItIsMissing()
    {
        var path = Path.Combine(Path.GetTempPath(), "dystoniabot-no-model-" + Guid.NewGuid().ToString("N"));
        using var factory = BotFactory.Create(new() { ["Knowledge:EmbeddingModelPath"] = path });

        var failure = Record.Exception(() => factory.CreateClient().Dispose());

        Assert.NotNull(failure);
        Assert.Contains(Messages(failure), m => m.Contains(Path.Combine(path, "model.onnx"), StringComparison.Ordinal) && m.Contains("missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Startup_ShouldStopNamingTheModelFile_WhenItIsNotTheModel()
    {
        var folder = Directory.CreateTempSubdirectory("dystoniabot-model-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "model.onnx"), "not a model");
            File.WriteAllText(Path.Combine(folder, "vocab.txt"), "[PAD]\n[UNK]\n");
            using var factory = BotFactory.Create(new() { ["Knowledge:EmbeddingModelPath"] = folder });

            var failure = Record.Exception(() => factory.CreateClient().Dispose());

            Assert.NotNull(failure);
            Assert.Contains(Messages(failure), m => m.Contains(Path.Combine(folder, "model.onnx"), StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<string> Messages(Exception failure)
    {
        var messages = new List<string>();
        for (var e = failure; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return messages;
    }
}
