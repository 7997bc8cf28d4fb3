using DystoniaBot.Knowledge.Documents;
using DystoniaBot.Knowledge.Embeddings;
using DystoniaBot.Knowledge.Search;

namespace DystoniaBot.Benchmarks;

/// <summary>
/// Random unit vectors for a generated knowledge base: the dense search scans them exactly as it scans real ones, and
/// embedding 100,000 generated passages with the model would take an hour and measure nothing more.
/// </summary>
internal static class SyntheticVectors
{
    public static Dictionary<string, float[][]> For(KnowledgeBase knowledgeBase, int seed = 7)
    {
        var random = new Random(seed);
        var vectors = new Dictionary<string, float[][]>(StringComparer.Ordinal);
        foreach (var document in knowledgeBase.Documents)
        {
            foreach (var passage in document.Passages)
            {
                vectors[KnowledgeIndex.VectorKey(passage, document.Source)] =
                    Enumerable.Range(0, passage.Sentences.Count + 1).Select(_ => Unit(random)).ToArray();
            }
        }

        return vectors;
    }

    private static float[] Unit(Random random)
    {
        var vector = new float[TextEmbedder.Dimensions];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)(random.NextDouble() - 0.5);
        }

        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] /= norm;
        }

        return vector;
    }
}
