using DystoniaBot.Knowledge.Documents;

namespace DystoniaBot.Knowledge.Analysis;

/// <summary>One line of the synonym file.</summary>
/// <param name="From">Words or phrases that trigger the rule.</param>
/// <param name="To">What they also look for; equal to <paramref name="From"/> for an equivalence line.</param>
/// <param name="Line">1-based line in the file, for error messages.</param>
public sealed record SynonymRule(IReadOnlyList<string> From, IReadOnlyList<string> To, int Line);

/// <summary>The curated words the analysis uses: stop words and synonyms (files <c>stopwords.txt</c>, <c>synonyms.txt</c>).</summary>
public sealed class Lexicon
{
    /// <summary>File name of the stop word list inside the knowledge folder.</summary>
    public const string StopWordsFile = "stopwords.txt";

    /// <summary>File name of the synonym list inside the knowledge folder.</summary>
    public const string SynonymsFile = "synonyms.txt";

    private Lexicon(IReadOnlySet<string> stopWords, IReadOnlyList<SynonymRule> synonyms, string stopWordsText, string synonymsText)
    {
        StopWords = stopWords;
        Synonyms = synonyms;
        StopWordsText = stopWordsText;
        SynonymsText = synonymsText;
    }

    /// <summary>Lower-case words removed by the analyzer.</summary>
    public IReadOnlySet<string> StopWords { get; }

    /// <summary>Synonym rules in file order.</summary>
    public IReadOnlyList<SynonymRule> Synonyms { get; }

    /// <summary>The stop word file as read, so a persisted index can carry its own lexicon.</summary>
    public string StopWordsText { get; }

    /// <summary>The synonym file as read.</summary>
    public string SynonymsText { get; }

    /// <summary>Lucene's English stop words and no synonyms.</summary>
    public static Lexicon Default { get; } = Parse(
        string.Join('\n', Lucene.Net.Analysis.En.EnglishAnalyzer.DefaultStopSet),
        string.Empty, "(default)");

    /// <summary>Reads the lexicon files of a knowledge folder; a missing file means its default.</summary>
    public static Lexicon Load(string knowledgeDirectory)
    {
        ArgumentNullException.ThrowIfNull(knowledgeDirectory);
        var stopPath = Path.Combine(knowledgeDirectory, StopWordsFile);
        var synonymsPath = Path.Combine(knowledgeDirectory, SynonymsFile);
        var stopText = File.Exists(stopPath) ? File.ReadAllText(stopPath) : Default.StopWordsText;
        var synonymsText = File.Exists(synonymsPath) ? File.ReadAllText(synonymsPath) : string.Empty;
        return Parse(stopText, synonymsText, knowledgeDirectory);
    }

    /// <summary>Parses the two files' contents.</summary>
    /// <exception cref="KnowledgeFormatException">A synonym line is malformed.</exception>
    public static Lexicon Parse(string stopWordsText, string synonymsText, string directory)
    {
        ArgumentNullException.ThrowIfNull(stopWordsText);
        ArgumentNullException.ThrowIfNull(synonymsText);
        var stop = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in Lines(stopWordsText))
        {
            stop.Add(line.Text.ToLowerInvariant());
        }

        var rules = new List<SynonymRule>();
        var path = Path.Combine(directory ?? string.Empty, SynonymsFile);
        foreach (var line in Lines(synonymsText))
        {
            var arrow = line.Text.IndexOf("=>", StringComparison.Ordinal);
            var from = SplitTerms(arrow < 0 ? line.Text : line.Text[..arrow]);
            var to = arrow < 0 ? from : SplitTerms(line.Text[(arrow + 2)..]);
            if (from.Count == 0 || to.Count == 0 || (arrow < 0 && from.Count < 2))
            {
                throw new KnowledgeFormatException(path, line.Number,
                    "a synonym line needs 'a, b' or 'a => b' with words on both sides");
            }

            rules.Add(new SynonymRule(from, to, line.Number));
        }

        return new Lexicon(stop, rules, stopWordsText, synonymsText);
    }

    private static List<string> SplitTerms(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    private static IEnumerable<(string Text, int Number)> Lines(string text)
    {
        var number = 0;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            number++;
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (hash < 0 ? raw : raw[..hash]).Trim();
            if (line.Length > 0)
            {
                yield return (line, number);
            }
        }
    }
}
