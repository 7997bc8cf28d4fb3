using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using DystoniaBot.Knowledge.Analysis;
using DystoniaBot.Knowledge.Documents;
using DystoniaBot.Knowledge.Embeddings;
using DystoniaBot.Knowledge.Search;

namespace DystoniaBot.Benchmarks;

/// <summary>Search latency on generated knowledge bases of growing size, with the real lexicon.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class SearchScaleBenchmarks : IDisposable
{
    private KnowledgeIndex _index = null!;
    private int _next;

    [Params(1, 1_000, 10_000, 100_000)]
    public int Passages { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var knowledge = GeneratedKnowledge.Create(Passages);
        _index = KnowledgeIndex.Build(knowledge, Lexicon.Load(Path.Combine(AppContext.BaseDirectory, "knowledge")), SyntheticVectors.For(knowledge), TextEmbedder.Default);

        // Every question's vector is made once here: this measures the search (Lucene, the exact dense scan over
        // every passage vector, the answer model), not the model, which EmbeddingBenchmarks measures.
        foreach (var question in Questions.Mixed)
        {
            TextEmbedder.Default.EmbedQuery(question);
        }
    }

    [Benchmark]
    public SearchResult Search() => _index.Search(Questions.Mixed[_next++ % Questions.Mixed.Length]);

    [GlobalCleanup]
    public void Dispose()
    {
        _index?.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Building the index (in memory) for generated knowledge bases: the build rate in passages per second.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
[MedianColumn]
public class IndexBuildBenchmarks
{
    private KnowledgeBase _knowledgeBase = null!;
    private Lexicon _lexicon = null!;

    [Params(1, 1_000, 10_000, 100_000)]
    public int Passages { get; set; }

    private Dictionary<string, float[][]> _vectors = null!;

    [GlobalSetup]
    public void Setup()
    {
        _knowledgeBase = GeneratedKnowledge.Create(Passages);
        _lexicon = Lexicon.Load(Path.Combine(AppContext.BaseDirectory, "knowledge"));
        _vectors = SyntheticVectors.For(_knowledgeBase);
    }

    /// <summary>The index with its vectors given (the model's share is EmbeddingBenchmarks' passages per second).</summary>
    [Benchmark]
    public IndexStatistics Build()
    {
        using var index = KnowledgeIndex.Build(_knowledgeBase, _lexicon, _vectors, TextEmbedder.Default);
        return index.Statistics;
    }
}
