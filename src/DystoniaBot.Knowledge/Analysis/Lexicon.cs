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

    /// <summary>File name of the list of other conditions (topics the articles don't cover).</summary>
    public const string ConditionsFile = "conditions.txt";

    /// <summary>The line of the conditions file after which topics are listed.</summary>
    public const string TopicsMarker = "[topics]";

    /// <summary>File name of the list of common English words.</summary>
    public const string CommonWordsFile = "common-words.txt";

    private Lexicon(IReadOnlySet<string> stopWords, IReadOnlyList<SynonymRule> synonyms, IReadOnlyList<string> conditions, IReadOnlySet<string> commonWords, string stopWordsText, string synonymsText, string conditionsText, string commonWordsText)
    {
        CommonWords = commonWords;
        CommonWordsText = commonWordsText;
        StopWords = stopWords;
        Synonyms = synonyms;
        Conditions = conditions;
        StopWordsText = stopWordsText;
        SynonymsText = synonymsText;
        ConditionsText = conditionsText;
    }

    /// <summary>Lower-case words removed by the analyzer.</summary>
    public IReadOnlySet<string> StopWords { get; }

    /// <summary>Synonym rules in file order.</summary>
    public IReadOnlyList<SynonymRule> Synonyms { get; }

    /// <summary>Other diseases and health topics, words or phrases: a question about one is about something else.</summary>
    public IReadOnlyList<string> Conditions { get; }

    /// <summary>
    /// Topics of the conditions file (after its <c>[topics]</c> line) that the articles don't cover but that questions
    /// the articles do answer may mention ("… to kids"): unknown, they weigh like a condition, without making the
    /// question one about something else.
    /// </summary>
    public IReadOnlyList<string> UncoveredTopics { get; private init; } = [];

    /// <summary>The conditions file as read.</summary>
    public string ConditionsText { get; }

    /// <summary>Frequent English words (lower case): unknown to the articles, they say little about the topic.</summary>
    public IReadOnlySet<string> CommonWords { get; }

    /// <summary>The common words file as read.</summary>
    public string CommonWordsText { get; }

    /// <summary>The stop word file as read, so a persisted index can carry its own lexicon.</summary>
    public string StopWordsText { get; }

    /// <summary>The synonym file as read.</summary>
    public string SynonymsText { get; }

    /// <summary>Lucene's English stop words and no synonyms.</summary>
    public static Lexicon Default { get; } = Parse(
        string.Join('\n', Lucene.Net.Analysis.En.EnglishAnalyzer.DefaultStopSet),
        string.Empty, string.Empty, string.Empty, "(default)");

    /// <summary>Reads the lexicon files of a knowledge folder; a missing file means its default.</summary>
    public static Lexicon Load(string knowledgeDirectory)
    {
        ArgumentNullException.ThrowIfNull(knowledgeDirectory);
        var stopPath = Path.Combine(knowledgeDirectory, StopWordsFile);
        var synonymsPath = Path.Combine(knowledgeDirectory, SynonymsFile);
        var stopText = File.Exists(stopPath) ? File.ReadAllText(stopPath) : Default.StopWordsText;
        var synonymsText = File.Exists(synonymsPath) ? File.ReadAllText(synonymsPath) : string.Empty;
        var conditionsPath = Path.Combine(knowledgeDirectory, ConditionsFile);
        var conditionsText = File.Exists(conditionsPath) ? File.ReadAllText(conditionsPath) : string.Empty;
        var commonPath = Path.Combine(knowledgeDirectory, CommonWordsFile);
        var commonText = File.Exists(commonPath) ? File.ReadAllText(commonPath) : string.Empty;
        return Parse(stopText, synonymsText, conditionsText, commonText, knowledgeDirectory);
    }

    /// <summary>Parses the files' contents.</summary>
    /// <exception cref="KnowledgeFormatException">A synonym line is malformed.</exception>
    public static Lexicon Parse(string stopWordsText, string synonymsText, string conditionsText, string commonWordsText, string directory)
    {
        ArgumentNullException.ThrowIfNull(commonWordsText);
        ArgumentNullException.ThrowIfNull(stopWordsText);
        ArgumentNullException.ThrowIfNull(synonymsText);
        ArgumentNullException.ThrowIfNull(conditionsText);
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

        // Conditions, then (after a line "[topics]") topics the articles don't cover.
        var conditionLines = Lines(conditionsText).Select(l => l.Text).ToList();
        var topicsStart = conditionLines.IndexOf(TopicsMarker);
        var conditions = topicsStart < 0 ? conditionLines : conditionLines[..topicsStart];
        var topics = topicsStart < 0 ? [] : conditionLines[(topicsStart + 1)..];
        var common = Lines(commonWordsText).Select(l => l.Text.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return new Lexicon(stop, rules, conditions, common, stopWordsText, synonymsText, conditionsText, commonWordsText) { UncoveredTopics = topics };
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
