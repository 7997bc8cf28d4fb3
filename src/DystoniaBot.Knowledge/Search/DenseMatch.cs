using System.Numerics.Tensors;
using DystoniaBot.Knowledge.Embeddings;

namespace DystoniaBot.Knowledge.Search;

/// <summary>
/// The question vector's nearest passages, by exact cosine over every passage vector (a scan that stays within a
/// few milliseconds up to 100,000 passages), and its cosine with their sentences.
/// </summary>
internal sealed class DenseMatch
{
    /// <summary>How many nearest passages become candidates.</summary>
    public const int NearestCount = 20;

    private readonly float[] _query;
    private readonly Dictionary<int, double[]> _sentences = [];

    private DenseMatch(float[] query, List<int> nearest, Dictionary<int, float> similarity)
    {
        _query = query;
        Nearest = nearest;
        PassageSimilarity = similarity;
    }

    /// <summary>The nearest passages, closest first.</summary>
    public IReadOnlyList<int> Nearest { get; }

    /// <summary>Cosine of the question with each of the nearest passages.</summary>
    public IReadOnlyDictionary<int, float> PassageSimilarity { get; }

    public static DenseMatch Find(KnowledgeSnapshot snapshot, float[] query)
    {
        var vectors = snapshot.PassageVectors.AsSpan();
        var count = snapshot.Passages.Count;
        var keep = Math.Min(NearestCount, count);

        // A sorted array of the best so far: keep is small, so insertion beats a heap.
        var bestIndex = new int[keep];
        var bestValue = new float[keep];
        var filled = 0;
        for (var i = 0; i < count; i++)
        {
            var similarity = TensorPrimitives.Dot(vectors.Slice(i * TextEmbedder.Dimensions, TextEmbedder.Dimensions), query);
            if (filled == keep && similarity <= bestValue[keep - 1])
            {
                continue;
            }

            var at = filled < keep ? filled++ : keep - 1;
            while (at > 0 && bestValue[at - 1] < similarity)
            {
                bestValue[at] = bestValue[at - 1];
                bestIndex[at] = bestIndex[at - 1];
                at--;
            }

            bestValue[at] = similarity;
            bestIndex[at] = i;
        }

        var nearest = new List<int>(filled);
        var map = new Dictionary<int, float>(filled);
        for (var k = 0; k < filled; k++)
        {
            nearest.Add(bestIndex[k]);
            map[bestIndex[k]] = bestValue[k];
        }

        return new DenseMatch(query, nearest, map);
    }

    /// <summary>Cosine of the question with passage <paramref name="passageIndex"/>.</summary>
    public float Score(KnowledgeSnapshot snapshot, int passageIndex) =>
        TensorPrimitives.Dot(snapshot.PassageVectors.AsSpan(passageIndex * TextEmbedder.Dimensions, TextEmbedder.Dimensions), _query);

    /// <summary>Cosine of the question with each sentence of passage <paramref name="passageIndex"/>.</summary>
    public double[] Sentences(KnowledgeSnapshot snapshot, int passageIndex)
    {
        if (!_sentences.TryGetValue(passageIndex, out var similarities))
        {
            var vectors = snapshot.SentenceVectors[passageIndex];
            similarities = new double[vectors.Length - 1];
            for (var s = 1; s < vectors.Length; s++)
            {
                similarities[s - 1] = TensorPrimitives.Dot(vectors[s], _query);
            }

            _sentences[passageIndex] = similarities;
        }

        return similarities;
    }

    /// <summary>The closest sentence's cosine, or the passage's when it has no sentence.</summary>
    public double BestSentence(KnowledgeSnapshot snapshot, int passageIndex)
    {
        var sentences = Sentences(snapshot, passageIndex);
        return sentences.Length == 0 ? Score(snapshot, passageIndex) : sentences.Max();
    }
}

/// <summary>A passage considered for a question, its answering sentence and the signals the answer model weighs.</summary>
/// <param name="PassageIndex">Index of the passage in the snapshot.</param>
/// <param name="SentenceIndex">Its answering sentence.</param>
/// <param name="Features">The signals, in <see cref="AnswerFeatures.Names"/> order.</param>
/// <param name="MatchedTerms">Analysed terms it shares with the question.</param>
internal sealed record AnswerCandidate(int PassageIndex, int SentenceIndex, double[] Features, IReadOnlySet<string> MatchedTerms);
