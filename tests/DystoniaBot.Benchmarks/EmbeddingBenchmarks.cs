using System.Globalization;
using BenchmarkDotNet.Attributes;
using DystoniaBot.Knowledge.Embeddings;

namespace DystoniaBot.Benchmarks;

/// <summary>The embedding model alone: a new question (never cached), and passages in batches at index time.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class EmbeddingBenchmarks
{
    private readonly string[] _passages = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "knowledge", "dystonia.md"))
        .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(p => !p.StartsWith("---", StringComparison.Ordinal) && !p.StartsWith("id:", StringComparison.Ordinal))
        .ToArray();

    private int _next;

    /// <summary>A question of typical length (8–15 words) never embedded before.</summary>
    [Benchmark]
    public float[] EmbedNewQuestion() =>
        TextEmbedder.Default.EmbedQuery(Questions.Mixed[_next % Questions.Mixed.Length] + " " + (_next++).ToString(CultureInfo.InvariantCulture));

    /// <summary>The article's passages in one call (batched), as an index build embeds them.</summary>
    [Benchmark]
    public float[][] EmbedArticlePassages() => TextEmbedder.Default.EmbedPassages(_passages);
}
