using System.Numerics.Tensors;
using DystoniaBot.Knowledge.Analysis;
using DystoniaBot.Knowledge.Caching;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace DystoniaBot.Knowledge.Embeddings;

/// <summary>
/// Turns text into unit-length sentence vectors with snowflake-arctic-embed-xs run in process by ONNX Runtime: BERT
/// WordPiece tokens over the model's vocabulary, the [CLS] token's last hidden state, normalised. Questions carry the
/// model's retrieval prefix, passages none (as the model was trained).
/// </summary>
/// <remarks>
/// One per model file and process (<see cref="Default"/>, <see cref="Load"/>), kept for the life of the process: the
/// session holds ~90 MB of weights, and hosts, indexes and policies come and go around it (a test process starts
/// many hosts), so nothing that uses it may end it. Thread-safe: ONNX Runtime sessions may run concurrently. One
/// thread per run, as a single short question runs fastest that way on few cores and a busy server has other
/// requests to give the other cores to.
/// </remarks>
public sealed class TextEmbedder
{
    /// <summary>Dimensions of a vector.</summary>
    public const int Dimensions = 384;

    /// <summary>
    /// Tokens read of a question. A question's words are in its first sentences, and the model's cost grows with the
    /// square of the length, so a 10,000-character message costs what ~1,000 characters do.
    /// </summary>
    public const int QueryTokenWindow = 256;

    /// <summary>Tokens read of a passage: the model's whole window.</summary>
    public const int PassageTokenWindow = 512;

    /// <summary>What the model expects before a search query.</summary>
    public const string QueryPrefix = "Represent this sentence for searching relevant passages: ";

    private const int BatchSize = 32;

    /// <summary>
    /// Most characters of text in one batch (~250 tokens; a longer text goes alone). Measured on two cores: larger
    /// batches of long passages were slower (attention grows with the square of the length) and left ONNX Runtime's
    /// arena 60 MB larger for the life of the process.
    /// </summary>
    private const int BatchCharacters = 1000;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<TextEmbedder>> Loaded = new(StringComparer.Ordinal);

    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];
    private static readonly string[] OutputNames = ["last_hidden_state"];

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly int _prefixTokens;

    // A message is embedded once for triage and again for the search, and people send the same few in the same
    // words: vectors of recent questions are kept (callers must not change them).
    private readonly BoundedCache<float[]> _queries = new(4096, maxTextLength: 500);

    private TextEmbedder(InferenceSession session, BertTokenizer tokenizer, string source)
    {
        _session = session;
        _tokenizer = tokenizer;
        Source = source;
        _prefixTokens = tokenizer.EncodeToIds(QueryPrefix, addSpecialTokens: false, considerPreTokenization: true, considerNormalization: true).Count;
    }

    /// <summary>The shipped model, loaded on first use and shared by the whole process.</summary>
    /// <exception cref="EmbeddingModelException">The model file is missing or unreadable.</exception>
    public static TextEmbedder Default => Load(EmbeddingModelFile.DefaultPath);

    /// <summary>Where the model was read from.</summary>
    public string Source { get; }

    /// <summary>Whether this is the model shipped with the bot (<see cref="Default"/>), whose vectors may be stored.</summary>
    public bool IsShipped { get; private init; }

    /// <summary>The model's name, stored with vectors it made.</summary>
    public static string ModelName => EmbeddingModelFile.ModelName;

    /// <summary>The model in the folder <paramref name="path"/>, loaded on first use and shared by the process.</summary>
    /// <exception cref="EmbeddingModelException">The file is missing, unreadable or not the model.</exception>
    public static TextEmbedder Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        var lazy = Loaded.GetOrAdd(full, static p => new Lazy<TextEmbedder>(() => Create(p)));
        try
        {
            return lazy.Value;
        }
        catch (EmbeddingModelException)
        {
            // A file that failed may be fixed and tried again.
            Loaded.TryRemove(new KeyValuePair<string, Lazy<TextEmbedder>>(full, lazy));
            throw;
        }
    }

    private static TextEmbedder Create(string path)
    {
        _ = NativeHeap.ReturnFreedBuffers();
        var file = EmbeddingModelFile.Read(path);
        var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        try
        {
            var session = new InferenceSession(file.OnnxPath, options);
            using var vocabulary = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(file.Vocabulary));
            var tokenizer = BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = true });
            return new TextEmbedder(session, tokenizer, file.OnnxPath)
            {
                IsShipped = string.Equals(path, Path.GetFullPath(EmbeddingModelFile.DefaultPath), StringComparison.Ordinal),
            };
        }
        catch (OnnxRuntimeException e)
        {
            throw new EmbeddingModelException($"The embedding model '{file.OnnxPath}' can't be loaded by ONNX Runtime: {e.Message}", e);
        }
        finally
        {
            options.Dispose();
        }
    }

    /// <summary>
    /// The vector of a question (with the retrieval prefix, first <see cref="QueryTokenWindow"/> tokens). The array
    /// may be shared with other callers: read it, never change it.
    /// </summary>
    public float[] EmbedQuery(string question)
    {
        ArgumentNullException.ThrowIfNull(question);

        // The model is uncased: "Is There A Cure?" and "is there a cure?" are one vector, kept once, so the triage's
        // normalised text and the search's own find the same entry.
        return _queries.GetOrAdd(Canonical(question), 0, this, static (q, _, self) => self.Embed([QueryPrefix + q], QueryTokenWindow + self._prefixTokens, releaseMemory: false)[0]);
    }

    /// <summary>
    /// The vectors of questions, in batches. <paramref name="releaseMemory"/>: for a one-off batch (exemplars at
    /// start, a fit), ONNX Runtime gives back what the batch's activations grew its arena by; a message's sentences,
    /// embedded with every long message, keep it for the next.
    /// </summary>
    public float[][] EmbedQueries(IReadOnlyList<string> questions, bool releaseMemory = false)
    {
        ArgumentNullException.ThrowIfNull(questions);
        return EmbedAll(questions.Select(q => QueryPrefix + Canonical(q)).ToList(), QueryTokenWindow + _prefixTokens, releaseMemory);
    }

    /// <summary>The vectors of passages or sentences (no prefix), in batches.</summary>
    public float[][] EmbedPassages(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return EmbedAll(texts, PassageTokenWindow, releaseMemory: true);
    }

    /// <summary>Cosine similarity of two unit vectors.</summary>
    public static float Similarity(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => TensorPrimitives.Dot(a, b);

    // A question's first ~4 characters a token: cutting the text first keeps tokenizing a huge message cheap too.
    // The model is uncased, so the canonical form (lower case, straight apostrophes, single spaces) reads the same.
    private static string Canonical(string text) => UserText.Canonical(text, QueryTokenWindow * 8);

    private float[][] EmbedAll(IReadOnlyList<string> texts, int window, bool releaseMemory)
    {
        var vectors = new float[texts.Count][];

        // Similar lengths batch together, so little of a batch is padding; long passages go a few at a time. Batches
        // run on every core: each run is single-threaded.
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToArray();
        var batches = new List<int[]>();
        var current = new List<int>();
        var characters = 0;
        foreach (var i in order)
        {
            if (current.Count > 0 && (current.Count == BatchSize || characters + texts[i].Length > BatchCharacters))
            {
                batches.Add([.. current]);
                current.Clear();
                characters = 0;
            }

            current.Add(i);
            characters += texts[i].Length;
        }

        if (current.Count > 0)
        {
            batches.Add([.. current]);
        }

        Parallel.ForEach(batches, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, slice =>
        {
            var batch = Embed(slice.Select(i => texts[i]).ToList(), window, releaseMemory);
            for (var k = 0; k < slice.Length; k++)
            {
                vectors[slice[k]] = batch[k];
            }
        });

        return vectors;
    }

    private float[][] Embed(List<string> texts, int window, bool releaseMemory)
    {
        var tokens = texts.Select(t => _tokenizer.EncodeToIds(t, window, addSpecialTokens: true, out _, out _)).ToList();
        var length = tokens.Max(t => t.Count);
        var count = texts.Count;
        var ids = new long[count * length];
        var mask = new long[count * length];
        var types = new long[count * length];
        for (var row = 0; row < count; row++)
        {
            for (var i = 0; i < tokens[row].Count; i++)
            {
                ids[(row * length) + i] = tokens[row][i];
                mask[(row * length) + i] = 1;
            }
        }

        long[] shape = [count, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        using var runOptions = new RunOptions();
        if (releaseMemory)
        {
            // A one-off batch (index time, exemplars at start) grows ONNX Runtime's arena to its activations; kept,
            // that memory would sit idle for the life of the process, as a question needs a small part of it.
            runOptions.AddRunConfigEntry("memory.enable_memory_arena_shrinkage", "cpu:0");
        }

        using var outputs = _session.Run(runOptions, InputNames, [idsValue, maskValue, typesValue], OutputNames);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var vectors = new float[count][];
        for (var row = 0; row < count; row++)
        {
            // [CLS] is the first token of each row.
            var vector = hidden.Slice(row * length * Dimensions, Dimensions).ToArray();
            var norm = TensorPrimitives.Norm(vector);
            TensorPrimitives.Divide(vector, norm > 0 ? norm : 1, vector);
            vectors[row] = vector;
        }

        return vectors;
    }
}
