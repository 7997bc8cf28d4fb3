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

        var best = new NearestScores(keep);
        for (var i = 0; i < count; i++)
        {
            best.Offer(i, TensorPrimitives.Dot(vectors.Slice(i * TextEmbedder.Dimensions, TextEmbedder.Dimensions), query));
        }

        var nearest = new List<int>(best.Count);
        var map = new Dictionary<int, float>(best.Count);
        for (var k = 0; k < best.Count; k++)
        {
            nearest.Add(best.IndexAt(k));
            map[best.IndexAt(k)] = best.ValueAt(k);
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
