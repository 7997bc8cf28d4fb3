using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text;
using DystoniaBot.Knowledge.Embeddings;

namespace DystoniaBot.Conversation.Semantics;

/// <summary>
/// The shipped exemplars' vectors, made by <c>dystoniabot exemplar-vectors</c> and read at start instead of made
/// again: embedding the few hundred exemplars took about a second of every start (as the index's passage vectors are
/// kept with the index). An exemplar it has no vector for (a line added since) is embedded at start as before, so a
/// stale file costs time, never a wrong reading; a test says when it is stale.
/// </summary>
/// <remarks>Immutable after construction and safe to share between threads.</remarks>
public sealed class ExemplarVectors
{
    /// <summary>The resource the shipped vectors are embedded as.</summary>
    public const string ResourceName = "DystoniaBot.Conversation.Semantics.exemplar-vectors.bin";

    private const string Format = "dystoniabot exemplar vectors 1";

    private static readonly Lazy<ExemplarVectors> ShippedVectors = new(ReadShipped);

    private readonly Dictionary<string, float[]> _vectors;

    private ExemplarVectors(Dictionary<string, float[]> vectors) => _vectors = vectors;

    /// <summary>No vectors: every exemplar is embedded.</summary>
    public static ExemplarVectors None { get; } = new(new Dictionary<string, float[]>(StringComparer.Ordinal));

    /// <summary>The vectors shipped in this assembly; none when it has none or they were made by another model.</summary>
    public static ExemplarVectors Shipped => ShippedVectors.Value;

    /// <summary>How many exemplars have a vector.</summary>
    public int Count => _vectors.Count;

    /// <summary>The vector of <paramref name="exemplar"/> (a line as written), if there is one.</summary>
    public bool TryGet(string exemplar, [MaybeNullWhen(false)] out float[] vector) => _vectors.TryGetValue(exemplar, out vector);

    /// <summary>Writes the vectors of every exemplar of <paramref name="sets"/>, with the model's name.</summary>
    public static void Write(Stream stream, IEnumerable<ExemplarSet> sets)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sets);
        var exemplars = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var group in sets.SelectMany(s => s.Groups))
        {
            for (var i = 0; i < group.Texts.Count; i++)
            {
                exemplars.TryAdd(group.Texts[i], group.Vectors[i]);
            }
        }

        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Format);
        writer.Write(TextEmbedder.ModelName);
        writer.Write(TextEmbedder.Dimensions);
        writer.Write(exemplars.Count);
        foreach (var (text, vector) in exemplars.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.Write(text);
            foreach (var value in vector)
            {
                writer.Write(value);
            }
        }
    }

    /// <summary>Reads vectors written by <see cref="Write"/>; none when another model made them.</summary>
    /// <exception cref="FormatException">The stream is not such a file.</exception>
    public static ExemplarVectors Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (reader.ReadString() != Format)
            {
                throw new FormatException("Not a file of exemplar vectors");
            }

            var model = reader.ReadString();
            var dimensions = reader.ReadInt32();
            var count = reader.ReadInt32();
            if (model != TextEmbedder.ModelName || dimensions != TextEmbedder.Dimensions)
            {
                return None;
            }

            var vectors = new Dictionary<string, float[]>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var text = reader.ReadString();
                var vector = new float[dimensions];
                for (var d = 0; d < dimensions; d++)
                {
                    vector[d] = reader.ReadSingle();
                }

                vectors[text] = vector;
            }

            return new ExemplarVectors(vectors);
        }
        catch (EndOfStreamException e)
        {
            throw new FormatException("The file of exemplar vectors ends early", e);
        }
    }

    private static ExemplarVectors ReadShipped()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName);
        return stream is null ? None : Read(stream);
    }
}
