using DystoniaBot.Knowledge.Analysis;
using DystoniaBot.Knowledge.Documents;
using DystoniaBot.Knowledge.Embeddings;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace DystoniaBot.Knowledge.Search;

/// <summary>
/// The one owner of the Lucene index in a process: builds it from a knowledge base (in memory) or opens a persisted
/// one, answers searches, and swaps in a rebuilt index on reload.
/// </summary>
/// <remarks>
/// Thread-safe. Searches take a reference on the current reader and release it when done, so a reload never closes
/// a reader under a running search (the same reference counting SearcherManager uses).
/// </remarks>
public sealed class KnowledgeIndex : IKnowledgeSearch, IDisposable
{
    private readonly System.Threading.Lock _swap = new();
    private KnowledgeSnapshot _current;

    private KnowledgeIndex(KnowledgeSnapshot snapshot) => _current = snapshot;

    /// <summary>
    /// How many search results to keep for questions asked again in the same words (0, the default, keeps none).
    /// The cache belongs to the current index and goes with it on <see cref="Replace"/>.
    /// </summary>
    public int ResultCacheCapacity { get; set; }

    /// <summary>
    /// Passages the model embedded to make the current index; the others' vectors came from the index it replaced or
    /// was saved from, or were read with it.
    /// </summary>
    public int EmbeddedPassages => _current.EmbeddedPassages;

    /// <summary>Counts for the current index.</summary>
    public IndexStatistics Statistics => _current.Statistics;

    /// <inheritdoc />
    public IReadOnlyList<KnowledgeDocument> Documents => _current.Documents;

    /// <summary>The analysis lexicon of the current index.</summary>
    public Lexicon Lexicon => _current.Lexicon;

    /// <summary>The calibrated answer model of the current index.</summary>
    public AnswerModel AnswerModel => _current.AnswerModel;

    /// <summary>The model that embeds passages and questions.</summary>
    public TextEmbedder Embedder => _current.Embedder;

    /// <summary>
    /// Builds an in-memory index of <paramref name="knowledgeBase"/>, embedding its passages with
    /// <paramref name="embedder"/> (the shipped model when null) except those whose vectors
    /// <paramref name="reuseVectorsOf"/> already has, answering with <paramref name="answerModel"/>
    /// (<see cref="AnswerModel.Default"/> when null).
    /// </summary>
    public static KnowledgeIndex Build(KnowledgeBase knowledgeBase, Lexicon lexicon, AnswerModel? answerModel = null, TextEmbedder? embedder = null, KnowledgeIndex? reuseVectorsOf = null)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(lexicon);
        return new KnowledgeIndex(KnowledgeSnapshot.Create(new RAMDirectory(), knowledgeBase, lexicon, answerModel ?? AnswerModel.Default,
            embedder ?? TextEmbedder.Default, reuseVectorsOf?._current.VectorsByText(), storeAnswerModel: false));
    }

    /// <summary>
    /// Builds an index whose passage vectors are given, keyed by <see cref="VectorKey"/> (each the passage's vector,
    /// then one per sentence): for generated knowledge bases in benchmarks, whose vectors need no model.
    /// </summary>
    internal static KnowledgeIndex Build(KnowledgeBase knowledgeBase, Lexicon lexicon, IReadOnlyDictionary<string, float[][]> vectorsByKey, TextEmbedder embedder) =>
        new(KnowledgeSnapshot.Create(new RAMDirectory(), knowledgeBase, lexicon, AnswerModel.Default, embedder, vectorsByKey, storeAnswerModel: false));

    /// <summary>The key a passage's vectors are kept under: the text they are made of.</summary>
    internal static string VectorKey(Passage passage, SourceInfo source) => KnowledgeSnapshot.EmbeddedText(passage, source);

    /// <summary>
    /// Reads the knowledge folder (articles, lexicon, answer model) and builds an in-memory index; passages
    /// <paramref name="reuseVectorsOf"/> has vectors for are not embedded again.
    /// </summary>
    public static KnowledgeIndex Load(string knowledgeDirectory, TextEmbedder? embedder = null, KnowledgeIndex? reuseVectorsOf = null) =>
        Build(KnowledgeBase.Load(knowledgeDirectory), Lexicon.Load(knowledgeDirectory), AnswerModel.Load(knowledgeDirectory), embedder, reuseVectorsOf);

    /// <summary>Opens an index saved with <see cref="Save"/>; its vectors are read, not made again.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not hold an index.</exception>
    public static KnowledgeIndex Open(string indexDirectory, TextEmbedder? embedder = null)
    {
        ArgumentNullException.ThrowIfNull(indexDirectory);
        if (!System.IO.Directory.Exists(indexDirectory))
        {
            throw new DirectoryNotFoundException($"Index folder '{indexDirectory}' does not exist.");
        }

        var directory = FSDirectory.Open(indexDirectory);
        try
        {
            return new KnowledgeIndex(KnowledgeSnapshot.Open(directory, embedder ?? TextEmbedder.Default));
        }
        catch (Lucene.Net.Index.IndexNotFoundException e)
        {
            directory.Dispose();
            throw new DirectoryNotFoundException($"'{indexDirectory}' does not hold a DystoniaBot index.", e);
        }
    }

    /// <summary>Writes the current index, vectors included, to <paramref name="outputDirectory"/> (replacing an index there).</summary>
    public void Save(string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(outputDirectory);
        var snapshot = _current;
        System.IO.Directory.CreateDirectory(outputDirectory);
        foreach (var stale in System.IO.Directory.EnumerateFiles(outputDirectory))
        {
            File.Delete(stale);
        }

        var knowledgeBase = new KnowledgeBase(snapshot.Documents);
        using var copy = KnowledgeSnapshot.Create(FSDirectory.Open(outputDirectory), knowledgeBase, snapshot.Lexicon, snapshot.AnswerModel, snapshot.Embedder, snapshot.VectorsByText(), storeAnswerModel: true);
    }

    /// <summary>
    /// Replaces the index with one built from <paramref name="knowledgeBase"/>; searches in flight finish on the old
    /// one. Only passages whose text changed are embedded again.
    /// </summary>
    public void Replace(KnowledgeBase knowledgeBase, Lexicon lexicon, AnswerModel? answerModel = null)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(lexicon);
        var current = _current;
        var next = KnowledgeSnapshot.Create(new RAMDirectory(), knowledgeBase, lexicon, answerModel ?? current.AnswerModel, current.Embedder, current.VectorsByText(), storeAnswerModel: false);
        KnowledgeSnapshot previous;
        lock (_swap)
        {
            previous = _current;
            _current = next;
        }

        previous.Reader.DecRef();
    }

    /// <summary>
    /// Reads the knowledge folder again and swaps in its index. When a file is malformed nothing changes: the
    /// current index keeps serving and the exception names the file and line.
    /// </summary>
    /// <exception cref="KnowledgeFormatException">A knowledge file is malformed.</exception>
    public void Reload(string knowledgeDirectory)
    {
        ArgumentNullException.ThrowIfNull(knowledgeDirectory);
        Replace(KnowledgeBase.Load(knowledgeDirectory), Lexicon.Load(knowledgeDirectory), AnswerModel.Load(knowledgeDirectory));
    }

    /// <inheritdoc />
    public SearchResult Search(string question, int maxHits = 3)
    {
        ArgumentNullException.ThrowIfNull(question);
        var snapshot = Acquire();
        try
        {
            return snapshot.CachedSearch(question, maxHits, ResultCacheCapacity, PassageRanker.Search);
        }
        finally
        {
            snapshot.Reader.DecRef();
        }
    }

    /// <inheritdoc />
    public (Passage Passage, SourceInfo Source)? FindPassage(string passageId)
    {
        ArgumentNullException.ThrowIfNull(passageId);
        var snapshot = _current;
        if (snapshot.PassageIndex.TryGetValue(passageId, out var index))
        {
            return (snapshot.Passages[index], snapshot.Sources[snapshot.Passages[index].DocumentId]);
        }

        // A credit or publisher passage is made from the document's source, not indexed.
        foreach (var document in snapshot.Documents.Where(d => !d.Source.IsCurated))
        {
            if (Passage.CreditId(document.Id) == passageId)
            {
                return (Passage.Credit(document.Id, document.Source), document.Source);
            }

            if (Passage.PublisherId(document.Id) == passageId && Passage.AboutPublisher(document.Id, document.Source) is { } about)
            {
                return (about, document.Source);
            }
        }

        return null;
    }

    /// <summary>
    /// Every passage a search considers for <paramref name="question"/>, with the signals the answer model weighs and
    /// its probability: what <c>dystoniabot calibrate</c> fits the model on, and a diagnostic.
    /// </summary>
    /// <param name="question">The question as the search reads it.</param>
    /// <param name="memory">Labelled questions to read its neighbours from, instead of the answer model's (calibration).</param>
    /// <param name="excludeGroup">The set of <paramref name="memory"/> the question belongs to, left out of its neighbours.</param>
    public IReadOnlyList<AnswerExplanation> Explain(string question, QuestionMemory? memory = null, int excludeGroup = -1)
    {
        ArgumentNullException.ThrowIfNull(question);
        var snapshot = Acquire();
        try
        {
            var analyzed = snapshot.QuestionAnalyzer.Analyze(question);
            return PassageRanker.Candidates(snapshot, analyzed, question, memory, excludeGroup)
                .Select(c => new AnswerExplanation(snapshot.Passages[c.PassageIndex], c.Features,
                    snapshot.AnswerModel.Ranker.Probability(c.Features), snapshot.AnswerModel.Decider.Probability(c.Features)))
                .OrderByDescending(e => e.Rank)
                .ToList();
        }
        finally
        {
            snapshot.Reader.DecRef();
        }
    }

    /// <summary>The vector a search compares <paramref name="question"/> by: what a memory of labelled questions keeps.</summary>
    public float[] EmbedQuestion(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var snapshot = _current;
        return PassageRanker.QueryVector(snapshot, snapshot.QuestionAnalyzer.Analyze(question).Corrected(question));
    }

    /// <summary>Analyses a question as a search would, for diagnostics.</summary>
    public AnalyzedQuestion Analyze(string question) => _current.QuestionAnalyzer.Analyze(question);

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_swap)
        {
            _current.Dispose();
        }
    }

    private KnowledgeSnapshot Acquire()
    {
        while (true)
        {
            var snapshot = _current;
            if (snapshot.Reader.TryIncRef())
            {
                return snapshot;
            }

            // Lost a race with Replace: the reader closed between reading _current and taking the reference.
            Thread.Yield();
        }
    }
}
