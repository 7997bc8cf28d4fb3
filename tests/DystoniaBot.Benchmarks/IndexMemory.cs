using System.Globalization;
using DystoniaBot.Knowledge.Analysis;
using DystoniaBot.Knowledge.Embeddings;
using DystoniaBot.Knowledge.Search;

namespace DystoniaBot.Benchmarks;

/// <summary>
/// Memory an open index holds per passage: the managed heap after a full collection, before and after building the
/// index of a generated knowledge base (the knowledge base itself and the vectors given to it are left out, but
/// the index's own copy of the vectors, ~6 KB a passage of three sentences, is in).
/// </summary>
internal static class IndexMemory
{
    public static int Run(IReadOnlyList<int> sizes)
    {
        var lexicon = Lexicon.Load(Path.Combine(AppContext.BaseDirectory, "knowledge"));
        Console.WriteLine("passages  index heap (MB)  bytes per passage  build (s)");
        foreach (var size in sizes)
        {
            var knowledge = GeneratedKnowledge.Create(size);
            var vectors = SyntheticVectors.For(knowledge);
            var before = Heap();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            using var index = KnowledgeIndex.Build(knowledge, lexicon, vectors, TextEmbedder.Default);
            watch.Stop();
            var held = Heap() - before;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{size,8}  {held / 1048576.0,15:F1}  {held / (double)size,17:N0}  {watch.Elapsed.TotalSeconds,9:F2}"));
            GC.KeepAlive(index);
            GC.KeepAlive(knowledge);
            GC.KeepAlive(vectors);
        }

        return 0;
    }

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
