using DystoniaBot.Knowledge.Analysis;
using DystoniaBot.Knowledge.Caching;
using DystoniaBot.Knowledge.Documents;
using DystoniaBot.Knowledge.Embeddings;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace DystoniaBot.Knowledge.Search;

/// <summary>
/// One immutable generation of the index: the Lucene reader and searcher plus what re-ranking keeps in memory
/// (passages, their analysed sentences, document frequencies). Lucene document ids map to passages, so a snapshot
/// is never refreshed in place: a reload builds a new one and swaps it.
/// </summary>
internal sealed class KnowledgeSnapshot : IDisposable
{
    internal const string KindField = "kind";
    internal const string IdField = "id";
    internal const string DocumentField = "doc";
    internal const string SpansField = "spans";
    internal const string PassageKind = "passage";
    internal const string DocumentKind = "document";
    internal const string LexiconKind = "lexicon";
    internal const string VectorsField = "vectors";
    internal const string EmbeddingModelField = "embedding-model";
    internal const string AnswerModelField = "answer-model";

    // The answer model (megabytes, with its remembered questions) is a file of its own beside Lucene's: kept in a
    // stored field, it made Lucene's stored-fields reader keep a buffer its size for the life of the index, and as
    // documents of their own its parts would count in every term's BM25 weight.
    internal const string AnswerModelFile = "answer-model.json";

    private readonly LuceneDirectory _directory;

    // Looking a term up in the terms dictionary is most of the cost of a small query; a term's context (its place in
    // each segment) stays valid for the life of this reader, so it is looked up once.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TermContext> _termContexts = new(StringComparer.Ordinal);

    // People ask the same few questions in the same words far more often than anything else, and a result depends
    // only on the text and this snapshot, so results are kept (as Solr's query result cache does) until the snapshot
    // is replaced.
    private BoundedCache<SearchResult>? _results;

    // The answer model's neighbours of a question asked again: the scan over every labelled question would otherwise
    // cost a repeated question ten times the rest of its search. Per snapshot, as they depend on its passages.
    private readonly BoundedCache<Neighbours> _neighbours = new(4096, maxTextLength: 500);

    // The model the index was written with, when it is at hand, is not read back: a second copy of the remembered
    // questions would double the memory they take.
    private KnowledgeSnapshot(LuceneDirectory directory, DirectoryReader reader, TextEmbedder embedder, AnswerModel? answerModel = null, int embeddedOnCreate = 0)
    {
        _directory = directory;
        Reader = reader;
        Embedder = embedder;
        Searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };

        var documents = new List<(string Id, SourceInfo Source, string Path)>();
        var passages = new List<Passage>();
        var storedVectors = new List<byte[]?>();
        string? vectorModel = null;
        string stopWords = Lexicon.Default.StopWordsText, synonyms = string.Empty, conditions = string.Empty, common = string.Empty;
        var readModel = answerModel is null;
        answerModel ??= AnswerModel.Default;
        DocToPassage = new int[reader.MaxDoc];
        for (var docId = 0; docId < reader.MaxDoc; docId++)
        {
            DocToPassage[docId] = -1;
            var stored = reader.Document(docId);
            switch (stored.Get(KindField))
            {
                case PassageKind:
                    DocToPassage[docId] = passages.Count;
                    passages.Add(ReadPassage(stored));
                    storedVectors.Add(stored.GetBinaryValue(VectorsField)?.Bytes);
                    break;
                case DocumentKind:
                    documents.Add((stored.Get(IdField), ReadSource(stored), stored.Get("path")));
                    break;
                case LexiconKind:
                    stopWords = stored.Get("stopwords");
                    synonyms = stored.Get("synonyms");
                    conditions = stored.Get("conditions") ?? string.Empty;
                    common = stored.Get("common") ?? string.Empty;
                    vectorModel = stored.Get(EmbeddingModelField);
                    if (readModel && stored.Get(AnswerModelField) is { } answerModelJson)
                    {
                        // An index saved before the model was kept in a file of its own.
                        answerModel = ReadAnswerModel(() => AnswerModel.Parse(answerModelJson, "the index's answer model"));
                    }

                    break;
            }
        }

        if (readModel && directory.ListAll().Contains(AnswerModelFile, StringComparer.Ordinal))
        {
            using var input = directory.OpenInput(AnswerModelFile, Lucene.Net.Store.IOContext.READ_ONCE);
            var model = new byte[input.Length];
            input.ReadBytes(model, 0, model.Length);
            answerModel = ReadAnswerModel(() => AnswerModel.Parse(model, "the index's answer model"));
        }

        Lexicon = Lexicon.Parse(stopWords, synonyms, conditions, common, "(index)");
        Analyzer = new KnowledgeAnalyzer(Lexicon);
        Passages = passages;
        Sources = documents.ToDictionary(d => d.Id, d => d.Source, StringComparer.Ordinal);
        Documents = documents
            .Select(d => new KnowledgeDocument(d.Id, d.Source, passages.Where(p => p.DocumentId == d.Id).ToList(), d.Path))
            .ToList();
        PassageIndex = passages.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        Terms = passages.Select(p => PassageTerms.Analyze(p, Analyzer, AskedQuestion(Sources[p.DocumentId]))).ToArray();
        AnswerModel = answerModel;

        // Vectors come with the index; an index without them (or made with another model) gets them now.
        var embedded = 0;
        var vectors = vectorModel == TextEmbedder.ModelName && storedVectors.TrueForAll(v => v is not null)
            ? storedVectors.Select(v => FromBytes(v!)).ToArray()
            : Embed(embedder, passages, p => Sources[p.DocumentId], null, out embedded);
        SentenceVectors = vectors;
        PassageVectors = new float[passages.Count * TextEmbedder.Dimensions];
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i][0].CopyTo(PassageVectors, i * TextEmbedder.Dimensions);
        }

        AverageSentenceLength = Math.Max(1.0, Terms.SelectMany(t => t.Sentences).DefaultIfEmpty([]).Average(s => s.Length));

        DocumentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = MultiFields.GetTerms(reader, KnowledgeAnalyzer.TextField);
        if (terms is not null)
        {
            var termsEnum = terms.GetEnumerator();
            while (termsEnum.MoveNext())
            {
                DocumentFrequency[termsEnum.Term.Utf8ToString()] = termsEnum.DocFreq;
            }
        }

        // Curated answers' titles are questions, not topics: they leave the articles' ranking as it was.
        TitleTerms = Documents.Where(d => !d.Source.IsCurated).SelectMany(d => Analyzer.Terms(d.Source.Title)).ToHashSet(StringComparer.Ordinal);
        QuestionAnalyzer = new QuestionAnalyzer(Analyzer, Lexicon, DocumentFrequency.Keys, new SpellingCorrector(Vocabulary(passages, Lexicon)));
        Statistics = new IndexStatistics(Documents.Count, passages.Count, DocumentFrequency.Count);
        EmbeddedPassages = embeddedOnCreate + embedded;
    }

    public DirectoryReader Reader { get; }

    /// <summary>
    /// Passages the model embedded to make this index; the others' vectors came from the index it replaces or was
    /// saved from, or were read with it.
    /// </summary>
    public int EmbeddedPassages { get; }

    /// <summary>The model that made the vectors, which embeds questions.</summary>
    public TextEmbedder Embedder { get; }

    /// <summary>The calibrated confidence that a passage answers a question.</summary>
    public AnswerModel AnswerModel { get; }

    /// <summary>Every passage's vector, one row of <see cref="TextEmbedder.Dimensions"/> after another.</summary>
    public float[] PassageVectors { get; }

    /// <summary>For each passage: its vector, then one vector per sentence.</summary>
    public float[][][] SentenceVectors { get; }

    public IndexSearcher Searcher { get; }

    public Lexicon Lexicon { get; }

    public KnowledgeAnalyzer Analyzer { get; }

    public QuestionAnalyzer QuestionAnalyzer { get; }

    public IReadOnlyList<Passage> Passages { get; }

    public IReadOnlyList<KnowledgeDocument> Documents { get; }

    public IReadOnlyDictionary<string, SourceInfo> Sources { get; }

    public IReadOnlyDictionary<string, int> PassageIndex { get; }

    public PassageTerms[] Terms { get; }

    public int[] DocToPassage { get; }

    public double AverageSentenceLength { get; }

    /// <summary>Analysed words of the documents' titles: what the knowledge base is about.</summary>
    public HashSet<string> TitleTerms { get; }

    public Dictionary<string, int> DocumentFrequency { get; }

    public IndexStatistics Statistics { get; }

    private static AnswerModel ReadAnswerModel(Func<AnswerModel> parse)
    {
        try
        {
            return parse();
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{e.Message}. The index was saved by another version: build it again with 'dystoniabot index --out'.", e);
        }
    }

    /// <summary>
    /// Writes <paramref name="knowledgeBase"/> into <paramref name="directory"/> and opens it; with
    /// <paramref name="storeAnswerModel"/> the answer model is written too, for an index saved to be opened later. One in
    /// memory answers with the model it is given: writing it there would keep megabytes in memory, never read.
    /// </summary>
    public static KnowledgeSnapshot Create(LuceneDirectory directory, KnowledgeBase knowledgeBase, Lexicon lexicon, AnswerModel answerModel, TextEmbedder embedder, IReadOnlyDictionary<string, float[][]>? reuse, bool storeAnswerModel)
    {
        var passages = knowledgeBase.Documents.SelectMany(d => d.Passages).ToList();
        var sources = knowledgeBase.Documents.ToDictionary(d => d.Id, d => d.Source, StringComparer.Ordinal);
        var vectors = Embed(embedder, passages, p => sources[p.DocumentId], reuse, out var embedded);
        var next = 0;
        var analyzer = new KnowledgeAnalyzer(lexicon);
        var config = new IndexWriterConfig(KnowledgeAnalyzer.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
        };
        using (var writer = new IndexWriter(directory, config))
        {
            writer.AddDocument(
            [
                new StringField(KindField, LexiconKind, Field.Store.YES),
                new StoredField("stopwords", lexicon.StopWordsText),
                new StoredField("synonyms", lexicon.SynonymsText),
                new StoredField("conditions", lexicon.ConditionsText),
                new StoredField("common", lexicon.CommonWordsText),
                new StoredField(EmbeddingModelField, TextEmbedder.ModelName),
            ]);
            foreach (var document in knowledgeBase.Documents)
            {
                writer.AddDocument(
                [
                    new StringField(KindField, DocumentKind, Field.Store.YES),
                    new StringField(IdField, document.Id, Field.Store.YES),
                    new StoredField("path", document.Path),
                    new StoredField("title", document.Source.Title),
                    new StoredField("publisher", document.Source.Publisher),
                    new StoredField("url", document.Source.Url.ToString()),
                    new StoredField("license", document.Source.License),
                    new StoredField("attribution", document.Source.Attribution),
                    new StoredField("language", document.Source.Language),
                    new StoredField("curated", document.Source.IsCurated ? "1" : "0"),
                    new StoredField("publisher-about", document.Source.PublisherAbout ?? string.Empty),
                ]);
                foreach (var passage in document.Passages)
                {
                    var fields = new List<IIndexableField>
                    {
                        new StringField(KindField, PassageKind, Field.Store.YES),
                        new StringField(IdField, passage.Id, Field.Store.YES),
                        new StringField(DocumentField, passage.DocumentId, Field.Store.YES),
                        new StoredField("ordinal", passage.Ordinal),
                        new TextField(KnowledgeAnalyzer.TextField, passage.Text, Field.Store.YES),
                        new StoredField(SpansField, string.Join(',', passage.Sentences.Select(s => $"{s.Start}:{s.Length}"))),
                        new StoredField(VectorsField, ToBytes(vectors[next++])),
                    };
                    if (AskedQuestion(document.Source) is { } question)
                    {
                        // Searchable, never shown: the stored text stays the answer's.
                        fields.Add(new TextField(KnowledgeAnalyzer.TextField, question, Field.Store.NO));
                    }

                    writer.AddDocument(fields);
                }
            }

            writer.Commit();
        }

        if (storeAnswerModel)
        {
            var model = answerModel.ToUtf8Json();
            using var output = directory.CreateOutput(AnswerModelFile, Lucene.Net.Store.IOContext.DEFAULT);
            output.WriteBytes(model, model.Length);
        }

        return new KnowledgeSnapshot(directory, DirectoryReader.Open(directory), embedder, answerModel, embedded);
    }

    /// <summary>
    /// The question a curated answer answers (its title), which finds it as much as its own words do: people ask it
    /// again in those words, and the answer need not repeat them. Articles' titles are topics, not questions: null.
    /// </summary>
    private static string? AskedQuestion(SourceInfo source) => source.IsCurated ? source.Title : null;

    /// <summary>Opens an index written by <see cref="Create"/>; takes ownership of <paramref name="directory"/>.</summary>
    public static KnowledgeSnapshot Open(LuceneDirectory directory, TextEmbedder embedder) =>
        new(directory, DirectoryReader.Open(directory), embedder);

    /// <summary>Each passage's vectors by the text they were made of, for an index that replaces this one.</summary>
    public IReadOnlyDictionary<string, float[][]> VectorsByText()
    {
        var byText = new Dictionary<string, float[][]>(StringComparer.Ordinal);
        for (var i = 0; i < Passages.Count; i++)
        {
            byText[EmbeddedText(Passages[i], Sources[Passages[i].DocumentId])] = SentenceVectors[i];
        }

        return byText;
    }

    /// <summary>
    /// The text a passage's vector is made of: its article's title, or a curated answer's question, belongs with it,
    /// as a reader sees it under that heading.
    /// </summary>
    internal static string EmbeddedText(Passage passage, SourceInfo source) => source.Title + "\n" + passage.Text;

    /// <summary>
    /// The text a sentence's vector is made of: the title before it, and for a list item the sentence that leads
    /// into the list ("Symptoms … may include the following: cramps and involuntary muscle spasms").
    /// </summary>
    private static string EmbeddedSentence(Passage passage, int sentence, SourceInfo source)
    {
        var text = passage.SentenceText(sentence);
        var start = passage.Sentences[sentence].Start;
        var isListItem = start >= 2 && passage.Text[start - 2] == '-';
        return isListItem && sentence > 0
            ? source.Title + ": " + passage.SentenceText(0) + " " + text
            : source.Title + ": " + text;
    }

    /// <summary>The vectors of each passage (the passage's, then its sentences'), made in batches or reused.</summary>
    private static float[][][] Embed(TextEmbedder embedder, List<Passage> passages, Func<Passage, SourceInfo> source, IReadOnlyDictionary<string, float[][]>? reuse, out int embedded)
    {
        embedded = 0;
        var result = new float[passages.Count][][];
        var texts = new List<string>();
        var owners = new List<(int Passage, int Slot)>();
        for (var i = 0; i < passages.Count; i++)
        {
            var passage = passages[i];
            var text = EmbeddedText(passage, source(passage));
            if (reuse is not null && reuse.TryGetValue(text, out var known) && known.Length == passage.Sentences.Count + 1)
            {
                result[i] = known;
                continue;
            }

            result[i] = new float[passage.Sentences.Count + 1][];
            embedded++;
            texts.Add(text);
            owners.Add((i, 0));
            for (var s = 0; s < passage.Sentences.Count; s++)
            {
                texts.Add(EmbeddedSentence(passage, s, source(passage)));
                owners.Add((i, s + 1));
            }
        }

        if (texts.Count > 0)
        {
            var vectors = embedder.EmbedPassages(texts);
            for (var k = 0; k < vectors.Length; k++)
            {
                result[owners[k].Passage][owners[k].Slot] = vectors[k];
            }
        }

        return result;
    }

    private static byte[] ToBytes(float[][] vectors)
    {
        var bytes = new byte[vectors.Length * TextEmbedder.Dimensions * sizeof(float)];
        for (var i = 0; i < vectors.Length; i++)
        {
            System.Runtime.InteropServices.MemoryMarshal.AsBytes(vectors[i].AsSpan()).CopyTo(bytes.AsSpan(i * TextEmbedder.Dimensions * sizeof(float)));
        }

        return bytes;
    }

    private static float[][] FromBytes(byte[] bytes)
    {
        var count = bytes.Length / (TextEmbedder.Dimensions * sizeof(float));
        var vectors = new float[count][];
        for (var i = 0; i < count; i++)
        {
            vectors[i] = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes.AsSpan(i * TextEmbedder.Dimensions * sizeof(float), TextEmbedder.Dimensions * sizeof(float))).ToArray();
        }

        return vectors;
    }

    /// <summary>A query for <paramref name="term"/> of the text field that reuses the term's cached context.</summary>
    public TermQuery TermQuery(string term)
    {
        var context = _termContexts.GetOrAdd(term, t => TermContext.Build(Reader.Context, new Term(KnowledgeAnalyzer.TextField, t)));
        return new TermQuery(new Term(KnowledgeAnalyzer.TextField, term), context);
    }

    /// <summary>What the answer model's remembered questions say of <paramref name="question"/> (its vector given).</summary>
    internal Neighbours NeighboursOf(string question, float[] vector) =>
        _neighbours.GetOrAdd(question, 0, (Snapshot: this, Vector: vector), static (_, _, a) => a.Snapshot.AnswerModel.Memory.Read(a.Vector, a.Snapshot.Passages));

    /// <summary>
    /// The result of <paramref name="search"/> for the question, from a cache of at most <paramref name="capacity"/>
    /// results when it was asked before.
    /// </summary>
    public SearchResult CachedSearch(string question, int maxHits, int capacity, Func<KnowledgeSnapshot, string, int, SearchResult> search)
    {
        var results = _results;
        if (results is null || results.Capacity != capacity)
        {
            results = _results = new BoundedCache<SearchResult>(capacity);
        }

        return results.GetOrAdd(question, maxHits, (Snapshot: this, Search: search), static (q, hits, a) => a.Search(a.Snapshot, q, hits));
    }

    public void Dispose()
    {
        Reader.Dispose();
        _directory.Dispose();
    }

    private static Passage ReadPassage(Document stored)
    {
        var spans = stored.Get(SpansField).Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Split(':'))
            .Select(p => new SentenceSpan(int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        return new Passage(stored.Get(IdField), stored.Get(DocumentField), stored.GetField("ordinal").GetInt32Value() ?? 0,
            stored.Get(KnowledgeAnalyzer.TextField), spans);
    }

    private static SourceInfo ReadSource(Document stored) => new(
        stored.Get("title"), stored.Get("publisher"), new Uri(stored.Get("url")), stored.Get("license"),
        stored.Get("attribution"), stored.Get("language"))
    {
        IsCurated = stored.Get("curated") == "1",
        // An index saved before the field existed has none.
        PublisherAbout = stored.Get("publisher-about") is { Length: > 0 } about ? about : null,
    };

    /// <summary>Words the spelling corrector may correct to: the articles' words, the lexicon's, and stop words.</summary>
    private static Dictionary<string, int> Vocabulary(IEnumerable<Passage> passages, Lexicon lexicon)
    {
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string text)
        {
            foreach (var word in Words(text))
            {
                vocabulary[word] = vocabulary.GetValueOrDefault(word) + 1;
            }
        }

        foreach (var passage in passages)
        {
            Add(passage.Text);
        }

        foreach (var rule in lexicon.Synonyms)
        {
            foreach (var phrase in rule.From.Concat(rule.To))
            {
                Add(phrase);
            }
        }

        foreach (var word in lexicon.StopWords)
        {
            vocabulary[word] = vocabulary.GetValueOrDefault(word) + 1;
        }

        return vocabulary;
    }

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetter(text[i]) || (start >= 0 && text[i] == '\'' && i + 1 < text.Length && char.IsLetter(text[i + 1])));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }
}
