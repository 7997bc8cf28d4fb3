using System.Diagnostics.CodeAnalysis;
using System.Numerics.Tensors;
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

    /// <summary>
    /// The vectors that hold for <paramref name="embedder"/>: the shipped ones for the shipped model, none for another
    /// (a model configured in its place makes vectors of its own, which the shipped ones are not).
    /// </summary>
    public static ExemplarVectors For(TextEmbedder embedder)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        return embedder.IsShipped ? Shipped : None;
    }

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

            // Each entry holds at least its vector: a count the rest can't hold is a damaged file, not a reason to
            // allocate whatever it says.
            if (count < 0 || (stream.CanSeek && (long)count * dimensions * sizeof(float) > stream.Length - stream.Position))
            {
                throw new FormatException($"The file of exemplar vectors says it holds {count} vectors, more than it can");
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

                // A vector of the model has unit length; anything else (a NaN would make every comparison false)
                // is damage.
                var length = TensorPrimitives.Norm(vector);
                if (!float.IsFinite(length) || Math.Abs(length - 1) > 0.01)
                {
                    throw new FormatException($"The vector of \"{text}\" is not a unit vector");
                }

                vectors[text] = vector;
            }

            if (stream.CanSeek && stream.Position != stream.Length)
            {
                throw new FormatException("The file of exemplar vectors goes on after its last vector");
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
        try
        {
            return stream is null ? None : Read(stream);
        }
        catch (FormatException)
        {
            // Damaged vectors are made again at start: slower, never wrong (a test fails on them before a release).
            return None;
        }
    }
}
