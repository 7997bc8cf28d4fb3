using System.Buffers;
using System.Buffers.Text;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Text.Json;
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
/// renumbered, and drops out when no passage says those words any more: it belongs to the passages of the documents
/// it was labelled on that say the most of its phrases, as whole words. A passage of any other document (a curated
/// answer approved since, an article added) was never a question's answer nor its refusal: it gets the neutral
/// signals, the means the model was fit around, and is weighed by its own. Vectors are kept as signed bytes with a
/// scale each (a quarter of the size; the round trip moves a cosine by less than 0.01) and read back as floats.
/// </remarks>
public sealed class QuestionMemory
{
    // Each question's vector as signed bytes, one row of Dimensions after another, and the factor that makes a row a
    // unit vector: a quarter of the memory floats would take (this is most of the answer model), and the very vectors
    // calibration fit on, since a memory built from floats keeps them this way too.
    private readonly sbyte[] _vectors;
    private readonly float[] _unitScales;
    private readonly int[] _groups;

    // Replaced whole, never changed in place: a reader sees the old resolution or the new one, not half of either.
    private Resolution? _resolved;

    /// <summary>Creates a memory of <paramref name="questions"/> with their vectors (normalised, <see cref="TextEmbedder.Dimensions"/> each).</summary>
    /// <param name="questions">Each question and the phrases of the passage that answers it (empty: not answered).</param>
    /// <param name="vectors">The questions' vectors, in order.</param>
    /// <param name="groups">The set each question came from, so calibration can leave a set's own questions out; null when unknown.</param>
    /// <param name="documents">The documents the answers were labelled on; their passages alone take the neighbours' word.</param>
    /// <param name="neutral">The signals for a passage of any other document (support, unanswered, nearest): the means the model was fit around.</param>
    public QuestionMemory(IReadOnlyList<(string Text, IReadOnlyList<string> Answer)> questions, IReadOnlyList<float[]> vectors, IReadOnlyList<int>? groups = null, IReadOnlyList<string>? documents = null, (double Support, double Unanswered, double Nearest)? neutral = null)
        : this(questions, Quantize(questions, vectors, groups), groups, documents, neutral)
    {
    }

    private QuestionMemory(IReadOnlyList<(string Text, IReadOnlyList<string> Answer)> questions, (sbyte[] Vectors, float[] UnitScales) rows, IReadOnlyList<int>? groups, IReadOnlyList<string>? documents, (double Support, double Unanswered, double Nearest)? neutral)
    {
        Questions = [.. questions];
        (_vectors, _unitScales) = rows;
        _groups = groups is null ? [] : [.. groups];
        Documents = new HashSet<string>(documents ?? [], StringComparer.Ordinal);
        Neutral = neutral is { } n ? Neighbours.Neutral(n.Support, n.Unanswered, n.Nearest) : Neighbours.None;
    }

    /// <summary>The rows of signed bytes and unit scales of <paramref name="vectors"/>, checked against the questions.</summary>
    private static (sbyte[] Vectors, float[] UnitScales) Quantize(IReadOnlyList<(string Text, IReadOnlyList<string> Answer)> questions, IReadOnlyList<float[]> vectors, IReadOnlyList<int>? groups)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Count != questions.Count || (groups is not null && groups.Count != questions.Count))
        {
            throw new ArgumentException($"A memory has a vector (and a group) for each question: {questions.Count} questions, {vectors.Count} vectors, {groups?.Count} groups.", nameof(vectors));
        }

        var rows = new sbyte[vectors.Count * TextEmbedder.Dimensions];
        var unitScales = new float[vectors.Count];
        for (var i = 0; i < vectors.Count; i++)
        {
            if (vectors[i].Length != TextEmbedder.Dimensions)
            {
                throw new ArgumentException($"Vector {i} has {vectors[i].Length} dimensions, not {TextEmbedder.Dimensions}.", nameof(vectors));
            }

            var row = rows.AsSpan(i * TextEmbedder.Dimensions, TextEmbedder.Dimensions);
            // MaxMagnitude gives the element, sign and all: a row led by a negative one was scaled by the floor.
            var largest = Math.Max(Math.Abs(TensorPrimitives.MaxMagnitude(vectors[i])), 1e-6f);
            for (var d = 0; d < row.Length; d++)
            {
                row[d] = (sbyte)Math.Round(vectors[i][d] / largest * 127f);
            }

            unitScales[i] = UnitScale(row);
        }

        return (rows, unitScales);
    }

    /// <summary>
    /// The same questions and vectors as a new question finds them (no sets left out), with <paramref name="neutral"/>
    /// the signals of a passage the neighbours cannot speak for: the memory a fit model keeps.
    /// </summary>
    public QuestionMemory ForServing((double Support, double Unanswered, double Nearest) neutral) =>
        new(Questions, (_vectors, _unitScales), null, [.. Documents], neutral);

    /// <summary>A memory of nothing: every neighbour signal is zero.</summary>
    public static QuestionMemory Empty { get; } = new([], Array.Empty<float[]>());

    /// <summary>The labelled questions and the phrases of their answers.</summary>
    public IReadOnlyList<(string Text, IReadOnlyList<string> Answer)> Questions { get; }

    /// <summary>How many questions it holds.</summary>
    public int Count => Questions.Count;

    /// <summary>The documents its questions were labelled on.</summary>
    public IReadOnlySet<string> Documents { get; }

    /// <summary>The signals a passage outside <see cref="Documents"/> gets, or any passage when no neighbour can speak.</summary>
    internal Neighbours Neutral { get; }

    /// <summary>Whether the neighbours' word counts for <paramref name="passage"/>.</summary>
    internal bool Speaks(Passage passage) => Count > 0 && Documents.Contains(passage.DocumentId);

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
            return Neutral;
        }

        var answers = Resolve(passages).Answers;
        var best = new NearestScores(Math.Min(NeighbourCount, Count));
        for (var i = 0; i < Count; i++)
        {
            if (answers[i] is null || (excludeGroup >= 0 && _groups.Length > 0 && _groups[i] == excludeGroup))
            {
                continue;
            }

            var similarity = _unitScales[i] * Dot(Row(i), query);
            if (excludeGroup < 0 || similarity < SameQuestion)
            {
                best.Offer(i, similarity);
            }
        }

        if (best.Count == 0)
        {
            return Neutral;
        }

        var total = 0.0;
        var unanswered = 0.0;
        var support = new Dictionary<int, double>();
        for (var k = 0; k < best.Count; k++)
        {
            var weight = Math.Exp((best.ValueAt(k) - best.ValueAt(0)) / Temperature);
            total += weight;
            var answer = answers[best.IndexAt(k)]!;
            if (answer.Length == 0)
            {
                unanswered += weight;
            }

            // An answer said as much by two passages is shared between them.
            foreach (var passage in answer)
            {
                support[passage] = support.GetValueOrDefault(passage) + (weight / answer.Length);
            }
        }

        foreach (var passage in support.Keys.ToList())
        {
            support[passage] /= total;
        }

        return new Neighbours(best.ValueAt(0), unanswered / total, support, Questions[best.IndexAt(0)].Text);
    }

    private Span<sbyte> Row(int question) => _vectors.AsSpan(question * TextEmbedder.Dimensions, TextEmbedder.Dimensions);

    /// <summary>The factor that makes <paramref name="row"/> a unit vector (1 for a row of zeros).</summary>
    private static float UnitScale(ReadOnlySpan<sbyte> row)
    {
        var squares = 0L;
        foreach (var value in row)
        {
            squares += value * value;
        }

        return squares > 0 ? (float)(1 / Math.Sqrt(squares)) : 1f;
    }

    /// <summary>The dot product of a row of signed bytes and a vector of floats, widened a register at a time.</summary>
    private static float Dot(ReadOnlySpan<sbyte> row, ReadOnlySpan<float> query)
    {
        var sum = Vector<float>.Zero;
        var floats = Vector<float>.Count;
        var d = 0;
        for (; d <= row.Length - Vector<sbyte>.Count; d += Vector<sbyte>.Count)
        {
            Vector.Widen(new Vector<sbyte>(row[d..]), out var low, out var high);
            Vector.Widen(low, out var first, out var second);
            Vector.Widen(high, out var third, out var fourth);
            sum += Vector.ConvertToSingle(first) * new Vector<float>(query[d..]);
            sum += Vector.ConvertToSingle(second) * new Vector<float>(query[(d + floats)..]);
            sum += Vector.ConvertToSingle(third) * new Vector<float>(query[(d + (2 * floats))..]);
            sum += Vector.ConvertToSingle(fourth) * new Vector<float>(query[(d + (3 * floats))..]);
        }

        var total = Vector.Sum(sum);
        for (; d < row.Length; d++)
        {
            total += row[d] * query[d];
        }

        return total;
    }

    /// <summary>
    /// Each entry's answering passages among <paramref name="passages"/>: of the labelled documents, those that say the
    /// most of its phrases as whole words; none for a question not answered; null when no passage says any phrase.
    /// </summary>
    private Resolution Resolve(IReadOnlyList<Passage> passages)
    {
        if (_resolved is { } resolved && ReferenceEquals(resolved.Passages, passages))
        {
            return resolved;
        }

        var labelled = Enumerable.Range(0, passages.Count).Where(p => Documents.Contains(passages[p].DocumentId)).ToArray();
        var answers = new int[]?[Count];
        var found = new List<int>();
        for (var i = 0; i < Count; i++)
        {
            var phrases = Questions[i].Answer;
            if (phrases.Count == 0)
            {
                answers[i] = [];
                continue;
            }

            found.Clear();
            var most = 0;
            foreach (var p in labelled)
            {
                var said = phrases.Count(phrase => SaysAsWords(passages[p].Text, phrase));
                if (said > most)
                {
                    most = said;
                    found.Clear();
                }

                if (said == most && said > 0)
                {
                    found.Add(p);
                }
            }

            answers[i] = most == 0 ? null : [.. found];
        }

        var resolution = new Resolution(passages, answers);
        _resolved = resolution;
        return resolution;
    }

    /// <summary>Whether <paramref name="text"/> says <paramref name="phrase"/> as whole words ("hand", not "handle").</summary>
    private static bool SaysAsWords(string text, string phrase)
    {
        for (var at = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + phrase.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    private sealed record Resolution(IReadOnlyList<Passage> Passages, int[]?[] Answers);

    /// <summary>The memory as JSON: questions with their answers' phrases, and the vectors as signed bytes after each one's unit scale (base64).</summary>
    public JsonObject ToJson()
    {
        var bytes = new byte[Count * (TextEmbedder.Dimensions + sizeof(float))];
        for (var i = 0; i < Count; i++)
        {
            var row = bytes.AsSpan(i * (TextEmbedder.Dimensions + sizeof(float)));
            BitConverter.TryWriteBytes(row, _unitScales[i]);
            MemoryMarshal.AsBytes(Row(i)).CopyTo(row[sizeof(float)..]);
        }

        return new JsonObject
        {
            ["questions"] = new JsonArray([.. Questions.Select(q => (JsonNode)new JsonArray([JsonValue.Create(q.Text), new JsonArray([.. q.Answer.Select(a => (JsonNode)JsonValue.Create(a))])]))]),
            ["vectors"] = Convert.ToBase64String(bytes),
            ["documents"] = new JsonArray([.. Documents.Order(StringComparer.Ordinal).Select(d => (JsonNode)JsonValue.Create(d))]),
            ["neutral"] = new JsonArray(JsonValue.Create(Math.Round(Neutral.Support.GetValueOrDefault(0), 6)), JsonValue.Create(Math.Round(Neutral.Unanswered, 6)), JsonValue.Create(Math.Round(Neutral.Nearest, 6))),
        };
    }

    /// <summary>Reads the JSON form (<see cref="ToJson"/>).</summary>
    /// <exception cref="FormatException">It is not a memory of questions with phrases and vectors of this size.</exception>
    public static QuestionMemory FromJson(JsonObject json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        var reader = new Utf8JsonReader(JsonSerializer.SerializeToUtf8Bytes(json));
        reader.Read();
        return Read(ref reader, source);
    }

    /// <summary>
    /// Reads the JSON form (<see cref="ToJson"/>) from <paramref name="reader"/>, at the memory's start, token by token:
    /// a parsed document of it would keep a buffer the size of the text in the shared pool for the life of the process,
    /// and a tree of nodes would be garbage many times the size of what is kept.
    /// </summary>
    /// <exception cref="FormatException">It is not a memory of questions with phrases and vectors of this size.</exception>
    internal static QuestionMemory Read(ref Utf8JsonReader reader, string source)
    {
        Expect(ref reader, JsonTokenType.StartObject, source, "the memory is not an object");
        List<(string Text, IReadOnlyList<string> Answer)>? questions = null;
        ReadOnlyMemory<byte>? bytes = null;
        List<string> documents = [];
        double[]? neutral = null;

        // Thousands of questions share a few hundred phrases: each is kept once.
        var phrasesSeen = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "questions":
                    Expect(ref reader, JsonTokenType.StartArray, source, "the memory's \"questions\" are not a list");
                    questions = [];
                    while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
                    {
                        var text = reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw NotAQuestion(source);
                        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
                        {
                            throw NotAQuestion(source);
                        }

                        var phrases = new List<string>(2);
                        while (reader.Read() && reader.TokenType == JsonTokenType.String)
                        {
                            phrases.Add(Shared(phrasesSeen, reader.GetString()!));
                        }

                        if (reader.TokenType != JsonTokenType.EndArray || !reader.Read() || reader.TokenType != JsonTokenType.EndArray)
                        {
                            throw NotAQuestion(source);
                        }

                        questions.Add((text, [.. phrases]));
                    }

                    Expect(ref reader, JsonTokenType.EndArray, source, "a remembered question is not [text, [phrases]]");
                    break;
                case "vectors":
                    bytes = reader.TokenType == JsonTokenType.String ? DecodeBase64(ref reader) : null;
                    if (bytes is null)
                    {
                        throw new FormatException($"{source}: the memory's \"vectors\" are not base64");
                    }

                    break;
                case "documents":
                    documents = ReadStrings(ref reader, source, "the memory's \"documents\" are not a list of names");
                    break;
                case "neutral":
                    Expect(ref reader, JsonTokenType.StartArray, source, "the memory's \"neutral\" signals are not a list of numbers");
                    var values = new List<double>(3);
                    while (reader.Read() && reader.TokenType == JsonTokenType.Number)
                    {
                        values.Add(reader.GetDouble());
                    }

                    Expect(ref reader, JsonTokenType.EndArray, source, "the memory's \"neutral\" signals are not a list of numbers");
                    neutral = [.. values];
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        Expect(ref reader, JsonTokenType.EndObject, source, "the memory is not an object");
        if (questions is null)
        {
            throw new FormatException($"{source}: the memory's \"questions\" are missing");
        }

        if (bytes is not { } vectorBytes)
        {
            throw new FormatException($"{source}: the memory's \"vectors\" are missing");
        }

        if (neutral is not [var support, var unanswered, var nearest])
        {
            throw new FormatException($"{source}: the memory's \"neutral\" signals are missing");
        }

        var rowBytes = TextEmbedder.Dimensions + sizeof(float);
        if (vectorBytes.Length != questions.Count * rowBytes)
        {
            throw new FormatException($"{source}: the memory holds {vectorBytes.Length} bytes of vectors, not {questions.Count} of {TextEmbedder.Dimensions} dimensions");
        }

        var vectors = new sbyte[questions.Count * TextEmbedder.Dimensions];
        var unitScales = new float[questions.Count];
        for (var i = 0; i < questions.Count; i++)
        {
            // The scale written is not read: the row is made a unit vector again (older files wrote another scale).
            var row = MemoryMarshal.Cast<byte, sbyte>(vectorBytes.Span.Slice((i * rowBytes) + sizeof(float), TextEmbedder.Dimensions));
            row.CopyTo(vectors.AsSpan(i * TextEmbedder.Dimensions));
            unitScales[i] = UnitScale(row);
        }

        return new QuestionMemory(questions, (vectors, unitScales), null, documents, (support, unanswered, nearest));
    }

    /// <summary>
    /// The bytes of the base64 string at the reader's place, or null when it is not base64. Decoded where it lies, or
    /// where it is unescaped: the reader's own decoding rents a buffer the size of the text from the shared pool, which
    /// keeps it for the life of the process.
    /// </summary>
    private static ReadOnlyMemory<byte>? DecodeBase64(ref Utf8JsonReader reader)
    {
        OperationStatus status;
        int decoded;
        byte[] bytes;
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(reader.ValueSpan.Length)];
            status = Base64.DecodeFromUtf8(reader.ValueSpan, bytes, out _, out decoded);
        }
        else
        {
            bytes = new byte[reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length];
            status = Base64.DecodeFromUtf8InPlace(bytes.AsSpan(0, reader.CopyString(bytes)), out decoded);
        }

        return status == OperationStatus.Done ? bytes.AsMemory(0, decoded) : null;
    }

    /// <summary>Reads a list of strings at the reader's place.</summary>
    internal static List<string> ReadStrings(ref Utf8JsonReader reader, string source, string problem)
    {
        Expect(ref reader, JsonTokenType.StartArray, source, problem);
        var strings = new List<string>();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            strings.Add(reader.GetString()!);
        }

        Expect(ref reader, JsonTokenType.EndArray, source, problem);
        return strings;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token, string source, string problem)
    {
        if (reader.TokenType != token)
        {
            throw new FormatException($"{source}: {problem}");
        }
    }

    private static FormatException NotAQuestion(string source) => new($"{source}: a remembered question is not [text, [phrases]]");

    private static string Shared(Dictionary<string, string> seen, string text) =>
        seen.TryGetValue(text, out var kept) ? kept : seen[text] = text;
}

/// <summary>What a question's nearest labelled questions say of it.</summary>
/// <param name="Nearest">Cosine of the nearest labelled question (0 with none).</param>
/// <param name="Unanswered">Share, by closeness, of the neighbours the articles did not answer.</param>
/// <param name="Support">Share, by closeness, of the neighbours each passage (by index) answered.</param>
/// <param name="NearestText">The nearest labelled question, for diagnostics.</param>
/// <param name="IsNeutral">The same for every passage: the support it gives any passage is kept under the key 0 (<see cref="SupportOf"/>).</param>
internal sealed record Neighbours(double Nearest, double Unanswered, IReadOnlyDictionary<int, double> Support, string? NearestText, bool IsNeutral = false)
{
    public static Neighbours None { get; } = new(0, 0, new Dictionary<int, double>(), null, IsNeutral: true);

    /// <summary>The signals every passage gets alike: the means the model was fit around.</summary>
    public static Neighbours Neutral(double support, double unanswered, double nearest) =>
        new(nearest, unanswered, new Dictionary<int, double> { [0] = support }, null, IsNeutral: true);

    /// <summary>The share of the neighbours that <paramref name="passageIndex"/> answered.</summary>
    public double SupportOf(int passageIndex) => IsNeutral ? Support.GetValueOrDefault(0) : Support.GetValueOrDefault(passageIndex);
}
