using System.ComponentModel.DataAnnotations;

namespace DystoniaBot.Knowledge;

/// <summary>Where the knowledge comes from (section <c>Knowledge</c>).</summary>
public sealed class KnowledgeOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Knowledge";

    /// <summary>The knowledge folder; empty means the one shipped beside the binary.</summary>
    public string? Path { get; set; }

    /// <summary>A saved index (from <c>dystoniabot index --out</c>) to open instead of building one.</summary>
    public string? IndexPath { get; set; }

    /// <summary>How many search results to keep for questions asked again in the same words (0 keeps none).</summary>
    [Range(0, 1_000_000)]
    public int ResultCacheSize { get; set; } = 4096;

    /// <summary>The embedding model's folder (model.onnx, vocab.txt); empty means the one shipped beside the binary (<c>models/arctic-embed-xs/</c>).</summary>
    public string? EmbeddingModelPath { get; set; }

    /// <summary>The knowledge folder to use.</summary>
    public string ResolvedPath => string.IsNullOrWhiteSpace(Path) ? System.IO.Path.Combine(AppContext.BaseDirectory, "knowledge") : Path;
}
