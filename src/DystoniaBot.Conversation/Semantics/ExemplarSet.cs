using System.Globalization;
using System.Reflection;
using DystoniaBot.Knowledge.Embeddings;

namespace DystoniaBot.Conversation.Semantics;

/// <summary>A group of exemplars that mean one thing (a warning sign, a kind of small talk), or ordinary messages.</summary>
/// <param name="Kind">The group's kind as its header names it; <see cref="ExemplarSet.Ordinary"/> for counter-examples.</param>
/// <param name="Label">What the group means (a warning sign, for logs and tests).</param>
/// <param name="Vectors">The exemplars' vectors.</param>
/// <param name="Flags">Words after the kind in the header (<c>[emergency, now]</c>), for the reader to interpret.</param>
/// <param name="Texts">The exemplars as written, in the order of <paramref name="Vectors"/>.</param>
public sealed record ExemplarGroup(string Kind, string Label, IReadOnlyList<float[]> Vectors, IReadOnlySet<string> Flags, IReadOnlyList<string> Texts);

/// <summary>The group nearest a message, how near, and how near the nearest ordinary message is.</summary>
/// <param name="Group">The nearest group that is not ordinary.</param>
/// <param name="Similarity">Cosine with its nearest exemplar.</param>
/// <param name="OrdinarySimilarity">Cosine with the nearest ordinary exemplar (0 when there are none).</param>
/// <param name="Exemplar">The nearest exemplar as written, so that a reading can be traced to what taught it.</param>
public sealed record ExemplarMatch(ExemplarGroup Group, double Similarity, double OrdinarySimilarity, string Exemplar);

/// <summary>
/// Messages written as people write them, grouped by what they mean, embedded once: a new message means what its
/// nearest exemplars mean when it is near enough to them (<see cref="Threshold"/>) and nearer to them than to any
/// ordinary message (<see cref="Margin"/>). Recognises what rules can't list: every way of saying a thing.
/// </summary>
/// <remarks>
/// The file format: <c>#</c> comments, <c>threshold N</c> and <c>margin N</c>, then groups, each a header
/// <c>[kind] label</c> (or <c>[kind, flag, …] label</c>) followed by one exemplar a line; the kind
/// <c>ordinary</c> holds counter-examples.
/// </remarks>
public sealed class ExemplarSet
{
    /// <summary>The kind of the groups of counter-examples.</summary>
    public const string Ordinary = "ordinary";

    private readonly TextEmbedder _embedder;

    private ExemplarSet(TextEmbedder embedder, IReadOnlyList<ExemplarGroup> groups, double threshold, double margin)
    {
        _embedder = embedder;
        Groups = groups;
        Threshold = threshold;
        Margin = margin;
    }

    /// <summary>The groups, in file order.</summary>
    public IReadOnlyList<ExemplarGroup> Groups { get; }

    /// <summary>Least cosine with an exemplar for a message to mean what it means.</summary>
    public double Threshold { get; }

    /// <summary>By how much the exemplar must be nearer than the nearest ordinary message.</summary>
    public double Margin { get; }

    /// <summary>Reads and embeds the exemplar file embedded in this assembly as <paramref name="resourceName"/>.</summary>
    /// <exception cref="FormatException">The file is malformed (line number in the message).</exception>
    public static ExemplarSet LoadResource(string resourceName, TextEmbedder embedder) =>
        LoadResource(resourceName, embedder, ExemplarVectors.For(embedder));

    /// <summary>As <see cref="LoadResource(string, TextEmbedder)"/>, taking the vectors <paramref name="known"/> has.</summary>
    /// <exception cref="FormatException">The file is malformed (line number in the message).</exception>
    public static ExemplarSet LoadResource(string resourceName, TextEmbedder embedder, ExemplarVectors known)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The exemplar resource '{resourceName}' is missing from {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), resourceName, embedder, known);
    }

    /// <summary>
    /// Parses an exemplar file; an exemplar <paramref name="known"/> has a vector for keeps it, the others are
    /// embedded (all of them when it is null).
    /// </summary>
    /// <exception cref="FormatException">The text is malformed (line number in the message).</exception>
    public static ExemplarSet Parse(string text, string source, TextEmbedder embedder, ExemplarVectors? known = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(embedder);
        var threshold = 0.8;
        var margin = 0.0;
        var groups = new List<(string Kind, HashSet<string> Flags, string Label, List<string> Lines)>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('['))
            {
                var close = line.IndexOf(']', StringComparison.Ordinal);
                if (close < 2)
                {
                    throw new FormatException($"{source}, line {lineNumber}: a group header is \"[kind] label\"");
                }

                var header = line[1..close].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (header.Length == 0)
                {
                    throw new FormatException($"{source}, line {lineNumber}: a group header names its kind");
                }

                groups.Add((header[0], header.Skip(1).ToHashSet(StringComparer.Ordinal), line[(close + 1)..].Trim(), []));
            }
            else if (groups.Count == 0 && TrySetting(line, "threshold", ref threshold, source, lineNumber))
            {
            }
            else if (groups.Count == 0 && TrySetting(line, "margin", ref margin, source, lineNumber))
            {
            }
            else if (groups.Count == 0)
            {
                throw new FormatException($"{source}, line {lineNumber}: an exemplar before any \"[kind] label\" header");
            }
            else
            {
                groups[^1].Lines.Add(line);
            }
        }

        var all = groups.SelectMany(g => g.Lines).ToList();
        var vectors = new float[all.Count][];
        var missing = new List<int>();
        for (var i = 0; i < all.Count; i++)
        {
            if (known is not null && known.TryGet(all[i], out var vector))
            {
                vectors[i] = vector;
            }
            else
            {
                missing.Add(i);
            }
        }

        if (missing.Count > 0)
        {
            var made = embedder.EmbedQueries(missing.Select(i => all[i]).ToList(), releaseMemory: true);
            for (var k = 0; k < missing.Count; k++)
            {
                vectors[missing[k]] = made[k];
            }
        }

        var next = 0;
        var embedded = groups
            .Select(g => new ExemplarGroup(g.Kind, g.Label, g.Lines.Select(_ => vectors[next++]).ToList(), g.Flags, g.Lines))
            .ToList();
        return new ExemplarSet(embedder, embedded, threshold, margin);
    }

    /// <summary>The vector of a message, as exemplars are compared with it (the model's query form).</summary>
    public float[] Embed(string message) => _embedder.EmbedQuery(message);

    /// <summary>The vectors of several messages (the sentences of a long one), in one batch.</summary>
    public float[][] Embed(IReadOnlyList<string> messages) => _embedder.EmbedQueries(messages);

    /// <summary>The nearest group to <paramref name="vector"/>, or null when none is near enough.</summary>
    public ExemplarMatch? Match(ReadOnlySpan<float> vector) => Recognise(vector, null);

    /// <summary>
    /// The nearest group to <paramref name="vector"/> when it is near enough, or else when <paramref name="model"/>
    /// reads the message (or, with <paramref name="part"/>, the sentence or clause of one) as of the readers' kind (the
    /// group then names what it is); null otherwise.
    /// </summary>
    public ExemplarMatch? Recognise(ReadOnlySpan<float> vector, MessageModel? model, bool part = false) =>
        Nearest(vector) is { } nearest
            && ((nearest.Similarity >= Threshold && nearest.Similarity - nearest.OrdinarySimilarity >= Margin)
                || (model is not null && (part ? model.ReadsPart(vector) : model.Reads(vector))))
            ? nearest
            : null;

    /// <summary>The nearest group that is not ordinary, with its similarity and the nearest ordinary one's, whatever they are.</summary>
    public ExemplarMatch? Nearest(ReadOnlySpan<float> vector)
    {
        ExemplarGroup? best = null;
        var bestIndex = 0;
        var bestSimilarity = double.MinValue;
        var ordinary = 0.0;
        foreach (var group in Groups)
        {
            for (var i = 0; i < group.Vectors.Count; i++)
            {
                var similarity = TextEmbedder.Similarity(vector, group.Vectors[i]);
                if (group.Kind == Ordinary)
                {
                    ordinary = Math.Max(ordinary, similarity);
                }
                else if (similarity > bestSimilarity)
                {
                    bestSimilarity = similarity;
                    best = group;
                    bestIndex = i;
                }
            }
        }

        return best is null ? null : new ExemplarMatch(best, bestSimilarity, ordinary, best.Texts[bestIndex]);
    }

    private static bool TrySetting(string line, string name, ref double value, string source, int lineNumber)
    {
        if (!line.StartsWith(name + " ", StringComparison.Ordinal))
        {
            return false;
        }

        if (!double.TryParse(line[(name.Length + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            throw new FormatException($"{source}, line {lineNumber}: \"{name}\" takes a number");
        }

        return true;
    }
}
