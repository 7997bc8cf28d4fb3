using System.Text.Json;
using System.Text.Json.Nodes;

namespace DystoniaBot.Knowledge.Search;

/// <summary>
/// Which passage answers a question and how sure to be of it: two logistic models over the lexical and the dense
/// signals (<see cref="AnswerFeatures"/>), fit on labelled questions by <c>dystoniabot calibrate</c> and kept in the
/// knowledge folder (<see cref="FileName"/>) and in every index built from it. The ranker orders the candidate
/// passages; the decider gives the probability that the first one is a right answer.
/// </summary>
/// <remarks>
/// The decider is fit with a wrong answer weighing more than a missed one, so a probability of 0.5 is already the
/// cautious operating point: the policy answers from there.
/// </remarks>
public sealed class AnswerModel
{
    /// <summary>File name of the model inside the knowledge folder.</summary>
    public const string FileName = "answer-model.json";

    /// <summary>Creates a model from its two parts and the labelled questions it remembers.</summary>
    public AnswerModel(LogisticModel ranker, LogisticModel decider, string description, QuestionMemory? memory = null)
    {
        Ranker = ranker ?? throw new ArgumentNullException(nameof(ranker));
        Decider = decider ?? throw new ArgumentNullException(nameof(decider));
        Description = description ?? string.Empty;
        Memory = memory ?? QuestionMemory.Empty;
    }

    /// <summary>
    /// Without a fitted model: passages ranked by their words, then by meaning, and answered from the lexical
    /// confidence the engine used before dense retrieval (0.55), so a knowledge folder without
    /// <see cref="FileName"/> answers as before.
    /// </summary>
    public static AnswerModel Default { get; } = new(
        LogisticModel.Over(AnswerFeatures.Count, (AnswerFeatures.LexicalRelevance, 12, 0.5), (AnswerFeatures.SentenceSimilarity, 6, 0.5)),
        LogisticModel.Over(AnswerFeatures.Count, (AnswerFeatures.LexicalConfidence, 12, 0.55)),
        "lexical signals only (no fitted model in the knowledge folder)");

    /// <summary>Orders candidate passages: the probability that a passage is the right one.</summary>
    public LogisticModel Ranker { get; }

    /// <summary>The probability, on the cost-weighted scale, that the first-ranked passage is a right answer.</summary>
    public LogisticModel Decider { get; }

    /// <summary>The labelled questions it was fit on, by meaning: the neighbour signals read them.</summary>
    public QuestionMemory Memory { get; }

    /// <summary>What the model was fit on and how it validated.</summary>
    public string Description { get; }

    /// <summary>Reads the model of a knowledge folder; <see cref="Default"/> when it has none.</summary>
    /// <exception cref="FormatException">The file is not a model for this version's features.</exception>
    public static AnswerModel Load(string knowledgeDirectory)
    {
        ArgumentNullException.ThrowIfNull(knowledgeDirectory);
        var path = Path.Combine(knowledgeDirectory, FileName);
        return File.Exists(path) ? Parse(File.ReadAllBytes(path), path) : Default;
    }

    /// <summary>Parses the JSON form (<see cref="ToJson"/>).</summary>
    /// <exception cref="FormatException">The text is not a model for this version's features.</exception>
    public static AnswerModel Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(System.Text.Encoding.UTF8.GetBytes(json), source);
    }

    /// <summary>
    /// Parses the UTF-8 JSON form (<see cref="ToJson"/> or <see cref="ToUtf8Json"/>) token by token: the remembered
    /// questions make it megabytes, and a parsed document of it would keep a buffer that size in the shared pool.
    /// </summary>
    /// <exception cref="FormatException">The text is not a model for this version's features.</exception>
    public static AnswerModel Parse(ReadOnlyMemory<byte> utf8Json, string source)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json.Span);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new FormatException($"{source}: not a JSON object");
            }

            string[] names = [];
            LogisticModel? ranker = null, decider = null;
            var memory = QuestionMemory.Empty;
            var description = string.Empty;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "description":
                        description = reader.GetString() ?? string.Empty;
                        break;
                    case "features":
                        names = [.. QuestionMemory.ReadStrings(ref reader, source, "its \"features\" are not a list of names")];
                        break;
                    case "ranker":
                        ranker = LogisticModel.FromJson(JsonNode.Parse(ref reader)?.AsObject() ?? throw new FormatException($"{source}: \"ranker\" is missing"), source);
                        break;
                    case "decider":
                        decider = LogisticModel.FromJson(JsonNode.Parse(ref reader)?.AsObject() ?? throw new FormatException($"{source}: \"decider\" is missing"), source);
                        break;
                    case "memory":
                        memory = QuestionMemory.Read(ref reader, source);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (!names.SequenceEqual(AnswerFeatures.Names))
            {
                throw new FormatException($"{source}: its features ({string.Join(", ", names)}) are not this version's ({string.Join(", ", AnswerFeatures.Names)}); fit it again with 'dystoniabot calibrate'");
            }

            if (ranker is null || decider is null)
            {
                throw new FormatException($"{source}: \"{(ranker is null ? "ranker" : "decider")}\" is missing");
            }

            if (ranker.FeatureCount != AnswerFeatures.Count || decider.FeatureCount != AnswerFeatures.Count)
            {
                throw new FormatException($"{source}: its ranker and decider read {ranker.FeatureCount} and {decider.FeatureCount} features, not this version's {AnswerFeatures.Count}");
            }

            return new AnswerModel(ranker, decider, description, memory);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            throw new FormatException($"{source}: not a valid answer model ({e.Message})", e);
        }
    }

    /// <summary>The model as JSON, as <see cref="Parse(string, string)"/> reads it.</summary>
    public string ToJson() => ToJsonObject().ToJsonString(new JsonSerializerOptions(Written) { WriteIndented = true }) + "\n";

    /// <summary>The model as compact UTF-8 JSON, as an index keeps it.</summary>
    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(ToJsonObject(), Written);

    // A file, never a web page: letters of any language and base64's '+' are written as they are, which keeps the
    // remembered questions readable and lets the vectors be decoded where they lie.
    private static readonly JsonSerializerOptions Written = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private JsonObject ToJsonObject()
    {
        var root = new JsonObject
        {
            ["description"] = Description,
            ["features"] = new JsonArray([.. AnswerFeatures.Names.Select(n => (JsonNode)JsonValue.Create(n))]),
            ["ranker"] = Ranker.ToJson(),
            ["decider"] = Decider.ToJson(),
        };
        if (Memory.Count > 0)
        {
            root["memory"] = Memory.ToJson();
        }

        return root;
    }

    /// <summary>
    /// Fits both parts on labelled questions: the ranker on every candidate of the answerable ones, the decider on
    /// each question's first candidate as that ranker orders them, a wrong answer weighing
    /// <paramref name="wrongAnswerCost"/> times a right one.
    /// </summary>
    public static AnswerModel Fit(IReadOnlyList<IReadOnlyList<(double[] Features, bool Right)>> questions, IReadOnlyList<bool> answerable, double wrongAnswerCost, string description, QuestionMemory? memory = null)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(answerable);
        var rankSamples = questions.Where((_, i) => answerable[i]).SelectMany(q => q).Select(c => (c.Features, c.Right, 1.0)).ToList();
        var ranker = LogisticModel.Fit(rankSamples);
        var decideSamples = questions.Where(q => q.Count > 0)
            .Select(q => q.MaxBy(c => ranker.Probability(c.Features)))
            .Select(c => (c.Features, c.Right, c.Right ? 1.0 : wrongAnswerCost))
            .ToList();
        return new AnswerModel(ranker, LogisticModel.Fit(decideSamples), description, memory);
    }
}

/// <summary>The signals the answer model combines for a question and a candidate passage.</summary>
public static class AnswerFeatures
{
    /// <summary>Lexical confidence: the question's weighted ideas the passage covers (and its best sentence).</summary>
    public const int LexicalConfidence = 0;

    /// <summary>Lexical ranking score of the passage.</summary>
    public const int LexicalRelevance = 1;

    /// <summary>How far the passage's lexical relevance is ahead of the best other passage's (negative when behind).</summary>
    public const int LexicalMargin = 2;

    /// <summary>Cosine of the question's and the passage's vectors.</summary>
    public const int PassageSimilarity = 3;

    /// <summary>How far that cosine is ahead of the best other passage's.</summary>
    public const int PassageMargin = 4;

    /// <summary>Cosine of the question and the passage's closest sentence.</summary>
    public const int SentenceSimilarity = 5;

    /// <summary>How far that cosine is ahead of the best sentence of any other passage.</summary>
    public const int SentenceMargin = 6;

    /// <summary>Share of the question's weighted ideas that no passage mentions (another subject).</summary>
    public const int UnknownShare = 7;

    /// <summary>1 when the question names another disease.</summary>
    public const int OtherCondition = 8;

    /// <summary>1 when the question asks how many, how long or how much and the passage states no number.</summary>
    public const int MissingQuantity = 9;

    /// <summary>1 when the question asks how the condition goes over time and the passage says nothing of it.</summary>
    public const int MissingCourse = 10;

    /// <summary>1 when the question asks what helps (to take, to do) and the passage says nothing of treatment.</summary>
    public const int MissingRemedy = 11;

    /// <summary>
    /// 1 when the question names a topic of the conditions list that the articles don't cover (insurance, cannabis,
    /// pregnancy): a question about dystonia and one of these is seldom answered by a passage about dystonia alone.
    /// </summary>
    public const int UncoveredTopic = 12;

    /// <summary>Share, by closeness, of the question's nearest labelled questions that the passage answered.</summary>
    public const int NeighbourSupport = 13;

    /// <summary>Share, by closeness, of the question's nearest labelled questions that the articles did not answer.</summary>
    public const int NeighbourUnanswered = 14;

    /// <summary>Cosine of the nearest labelled question: how far the neighbours' word can be trusted.</summary>
    public const int NeighbourNearest = 15;

    /// <summary>The feature names, in order, as the model file lists them.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "lexical_confidence", "lexical_relevance", "lexical_margin", "passage_similarity", "passage_margin",
        "sentence_similarity", "sentence_margin", "unknown_share", "other_condition", "missing_quantity", "missing_course",
        "missing_remedy", "uncovered_topic", "neighbour_support", "neighbour_unanswered", "neighbour_nearest",
    ];

    /// <summary>How many features there are.</summary>
    public static int Count => Names.Count;
}
