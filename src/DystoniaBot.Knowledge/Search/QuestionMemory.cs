using System.Numerics.Tensors;
using System.Text.Json.Nodes;
using DystoniaBot.Knowledge.Documents;
using DystoniaBot.Knowledge.Embeddings;

namespace DystoniaBot.Knowledge.Search;

/// <summary>
/// The labelled questions the answer model was fit on, kept by meaning: each question's vector and the words of the
/// passage that answers it (none when the articles don't). A new question whose nearest labelled questions were
/// answered by one passage is likely answered by it too, however far its own words are from the passage's ("can u
/// pass it down to ur kids" sits among the many "is it hereditary" questions); one whose neighbours were refused is
/// likely another subject. The answer model weighs these signals beside the passage's own.
/// </summary>
/// <remarks>
/// An entry names its answer by the words it quotes, not by a passage id, so it follows the article when passages are
/// renumbered, and drops out when no passage says those words any more. Vectors are kept as signed bytes with a scale
/// each (a quarter of the size; the round trip moves a cosine by less than 0.01) and read back as floats.
/// </remarks>
public sealed class QuestionMemory
{
    private readonly float[] _vectors;
    private readonly int[] _groups;
    private (IReadOnlyList<Passage> Passages, int[] Answer)? _resolved;

    /// <summary>Creates a memory of <paramref name="questions"/> with their vectors (normalised, <see cref="TextEmbedder.Dimensions"/> each).</summary>
    /// <param name="questions">Each question and the phrases of the passage that answers it (empty: not answered).</param>
    /// <param name="vectors">The questions' vectors, in order.</param>
    /// <param name="groups">The set each question came from, so calibration can leave a set's own questions out; null when unknown.</param>
    public QuestionMemory(IReadOnlyList<(string Text, IReadOnlyList<string> Answer)> questions, IReadOnlyList<float[]> vectors, IReadOnlyList<int>? groups = null)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Count != questions.Count || (groups is not null && groups.Count != questions.Count))
        {
            throw new ArgumentException($"A memory has a vector (and a group) for each question: {questions.Count} questions, {vectors.Count} vectors, {groups?.Count} groups.", nameof(vectors));
        }

        Questions = [.. questions];
        _vectors = new float[questions.Count * TextEmbedder.Dimensions];
        for (var i = 0; i < vectors.Count; i++)
        {
            if (vectors[i].Length != TextEmbedder.Dimensions)
            {
                throw new ArgumentException($"Vector {i} has {vectors[i].Length} dimensions, not {TextEmbedder.Dimensions}.", nameof(vectors));
            }

            vectors[i].CopyTo(_vectors, i * TextEmbedder.Dimensions);
        }

        _groups = groups is null ? [] : [.. groups];
    }

    /// <summary>A memory of nothing: every neighbour signal is zero.</summary>
    public static QuestionMemory Empty { get; } = new([], []);

    /// <summary>The labelled questions and the phrases of their answers.</summary>
    public IReadOnlyList<(string Text, IReadOnlyList<string> Answer)> Questions { get; }

    /// <summary>How many questions it holds.</summary>
    public int Count => Questions.Count;

    /// <summary>How many nearest labelled questions speak for a new one.</summary>
    public const int NeighbourCount = 10;

    /// <summary>How sharply closer neighbours count more (a softmax over cosines at this temperature).</summary>
    private const double Temperature = 0.05;

    /// <summary>A neighbour this close in calibration is the same question asked in another set, not a neighbour.</summary>
    private const float SameQuestion = 0.9995f;

    /// <summary>
    /// What the nearest labelled questions say of <paramref name="query"/>: how close the nearest is, the share (by
    /// closeness) of them the articles did not answer, and each passage's share. With <paramref name="excludeGroup"/>
    /// (calibration), that set's questions and any question identical to the query are left out, as a new question
    /// would find them.
    /// </summary>
    internal Neighbours Read(ReadOnlySpan<float> query, IReadOnlyList<Passage> passages, int excludeGroup = -1)
    {
        if (Count == 0)
        {
            return Neighbours.None;
        }

        var answers = Resolve(passages);
        var best = new NearestScores(Math.Min(NeighbourCount, Count));
        for (var i = 0; i < Count; i++)
        {
            if (answers[i] == Unresolved || (excludeGroup >= 0 && _groups.Length > 0 && _groups[i] == excludeGroup))
            {
                continue;
            }

            var similarity = TensorPrimitives.Dot(_vectors.AsSpan(i * TextEmbedder.Dimensions, TextEmbedder.Dimensions), query);
            if (excludeGroup < 0 || similarity < SameQuestion)
            {
                best.Offer(i, similarity);
            }
        }

        if (best.Count == 0)
        {
            return Neighbours.None;
        }

        var total = 0.0;
        var unanswered = 0.0;
        var support = new Dictionary<int, double>();
        for (var k = 0; k < best.Count; k++)
        {
            var weight = Math.Exp((best.ValueAt(k) - best.ValueAt(0)) / Temperature);
            total += weight;
            var answer = answers[best.IndexAt(k)];
            if (answer == NotAnswered)
            {
                unanswered += weight;
            }
            else
            {
                support[answer] = support.GetValueOrDefault(answer) + weight;
            }
        }

        foreach (var passage in support.Keys.ToList())
        {
            support[passage] /= total;
        }

        return new Neighbours(best.ValueAt(0), unanswered / total, support, Questions[best.IndexAt(0)].Text);
    }

    private const int NotAnswered = -1;
    private const int Unresolved = -2;

    /// <summary>Each entry's answering passage among <paramref name="passages"/>: the first that says one of its phrases.</summary>
    private int[] Resolve(IReadOnlyList<Passage> passages)
    {
        if (_resolved is { } resolved && ReferenceEquals(resolved.Passages, passages))
        {
            return resolved.Answer;
        }

        var answer = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            var phrases = Questions[i].Answer;
            if (phrases.Count == 0)
            {
                answer[i] = NotAnswered;
                continue;
            }

            answer[i] = Unresolved;
            for (var p = 0; p < passages.Count && answer[i] == Unresolved; p++)
            {
                if (phrases.Any(phrase => passages[p].Text.Contains(phrase, StringComparison.OrdinalIgnoreCase)))
                {
                    answer[i] = p;
                }
            }
        }

        _resolved = (passages, answer);
        return answer;
    }

    /// <summary>The memory as JSON: questions with their answers' phrases, and the vectors as signed bytes (base64).</summary>
    public JsonObject ToJson()
    {
        var bytes = new byte[Count * (TextEmbedder.Dimensions + sizeof(float))];
        for (var i = 0; i < Count; i++)
        {
            var vector = _vectors.AsSpan(i * TextEmbedder.Dimensions, TextEmbedder.Dimensions);
            var largest = Math.Max(TensorPrimitives.MaxMagnitude(vector), 1e-6f);
            var row = bytes.AsSpan(i * (TextEmbedder.Dimensions + sizeof(float)));
            BitConverter.TryWriteBytes(row, largest / 127f);
            for (var d = 0; d < TextEmbedder.Dimensions; d++)
            {
                row[sizeof(float) + d] = unchecked((byte)(sbyte)Math.Round(vector[d] / largest * 127f));
            }
        }

        return new JsonObject
        {
            ["questions"] = new JsonArray([.. Questions.Select(q => (JsonNode)new JsonArray([JsonValue.Create(q.Text), new JsonArray([.. q.Answer.Select(a => (JsonNode)JsonValue.Create(a))])]))]),
            ["vectors"] = Convert.ToBase64String(bytes),
        };
    }

    /// <summary>Reads the JSON form (<see cref="ToJson"/>).</summary>
    /// <exception cref="FormatException">It is not a memory of this model's vectors.</exception>
    public static QuestionMemory FromJson(JsonObject json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        var questions = (json["questions"]?.AsArray() ?? throw new FormatException($"{source}: the memory's \"questions\" are missing"))
            .Select(q => q!.AsArray())
            .Select(q => (q[0]!.GetValue<string>(), (IReadOnlyList<string>)[.. q[1]!.AsArray().Select(a => a!.GetValue<string>())]))
            .ToList();
        var bytes = Convert.FromBase64String(json["vectors"]?.GetValue<string>() ?? throw new FormatException($"{source}: the memory's \"vectors\" are missing"));
        var row = TextEmbedder.Dimensions + sizeof(float);
        if (bytes.Length != questions.Count * row)
        {
            throw new FormatException($"{source}: the memory holds {bytes.Length} bytes of vectors, not {questions.Count} of {TextEmbedder.Dimensions} dimensions");
        }

        var vectors = new float[questions.Count][];
        for (var i = 0; i < questions.Count; i++)
        {
            var at = bytes.AsSpan(i * row, row);
            var scale = BitConverter.ToSingle(at);
            var vector = new float[TextEmbedder.Dimensions];
            for (var d = 0; d < vector.Length; d++)
            {
                vector[d] = unchecked((sbyte)at[sizeof(float) + d]) * scale;
            }

            var norm = TensorPrimitives.Norm(vector);
            TensorPrimitives.Divide(vector, norm > 0 ? norm : 1, vector);
            vectors[i] = vector;
        }

        return new QuestionMemory(questions, vectors);
    }
}

/// <summary>What a question's nearest labelled questions say of it.</summary>
/// <param name="Nearest">Cosine of the nearest labelled question (0 with none).</param>
/// <param name="Unanswered">Share, by closeness, of the neighbours the articles did not answer.</param>
/// <param name="Support">Share, by closeness, of the neighbours each passage (by index) answered.</param>
/// <param name="NearestText">The nearest labelled question, for diagnostics.</param>
internal sealed record Neighbours(double Nearest, double Unanswered, IReadOnlyDictionary<int, double> Support, string? NearestText)
{
    public static Neighbours None { get; } = new(0, 0, new Dictionary<int, double>(), null);
}
