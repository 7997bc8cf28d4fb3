using System.Text.RegularExpressions;

namespace DystoniaBot.Knowledge.Analysis;

/// <summary>
/// Turns a question into concepts: analyses it like the articles, corrects words the knowledge base does not know,
/// and groups words into ideas with their synonyms (longest phrase first).
/// </summary>
/// <remarks>Immutable after construction and safe to share between threads.</remarks>
public sealed partial class QuestionAnalyzer
{
    /// <summary>Longest question text analysed; the rest is ignored (a question is never this long).</summary>
    public const int MaxQuestionLength = 1000;

    /// <summary>Most concepts a question contributes to a search.</summary>
    public const int MaxConcepts = 24;

    private readonly KnowledgeAnalyzer _analyzer;
    private readonly HashSet<string> _knownTerms;
    private readonly Dictionary<string, QueryAlternative[]> _synonyms = new(StringComparer.Ordinal);
    private readonly int _longestPhrase = 1;

    [GeneratedRegex(@"^\W*(what\s+(is|are|does|do)\b|what'?s\b|whats\b|define\b|definition\b|meaning\b|explain\b)", RegexOptions.IgnoreCase)]
    private static partial Regex DefinitionQuestion();

    /// <summary>Creates the analyzer for a knowledge base whose indexed terms are <paramref name="indexTerms"/>.</summary>
    /// <param name="analyzer">The analyzer the index was built with.</param>
    /// <param name="lexicon">Stop words and synonyms.</param>
    /// <param name="indexTerms">Every term in the index.</param>
    /// <param name="corrector">The spelling corrector over the knowledge base's words.</param>
    public QuestionAnalyzer(KnowledgeAnalyzer analyzer, Lexicon lexicon, IEnumerable<string> indexTerms, SpellingCorrector corrector)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(indexTerms);
        _analyzer = analyzer;
        Corrector = corrector ?? throw new ArgumentNullException(nameof(corrector));
        _knownTerms = new HashSet<string>(indexTerms, StringComparer.Ordinal);

        var building = new Dictionary<string, List<QueryAlternative>>(StringComparer.Ordinal);
        foreach (var rule in lexicon.Synonyms)
        {
            var targets = rule.To.Select(analyzer.Terms).Where(t => t.Length > 0).ToList();
            foreach (var from in rule.From.Select(analyzer.Terms).Where(t => t.Length > 0))
            {
                var key = string.Join(' ', from);
                if (!building.TryGetValue(key, out var alternatives))
                {
                    alternatives = [new QueryAlternative(from, IsOriginal: true)];
                    building.Add(key, alternatives);
                }

                foreach (var target in targets)
                {
                    if (!alternatives.Any(a => a.Terms.SequenceEqual(target)))
                    {
                        alternatives.Add(new QueryAlternative(target, IsOriginal: false));
                    }
                }

                _knownTerms.UnionWith(from);
                _longestPhrase = Math.Max(_longestPhrase, from.Length);
            }
        }

        foreach (var (key, alternatives) in building)
        {
            _synonyms.Add(key, [.. alternatives]);
        }
    }

    /// <summary>The spelling corrector in use.</summary>
    public SpellingCorrector Corrector { get; }

    /// <summary>Analyses <paramref name="question"/>.</summary>
    public AnalyzedQuestion Analyze(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = question.Trim();
        if (text.Length > MaxQuestionLength)
        {
            text = text[..MaxQuestionLength];
        }

        var corrections = new List<SpellingFix>();
        var terms = new List<(string Term, int Start, int End)>();
        foreach (var token in _analyzer.Tokens(text))
        {
            if (token.Term.Length < 2 && !char.IsDigit(token.Term[0]))
            {
                continue;
            }

            if (_knownTerms.Contains(token.Term))
            {
                terms.Add((token.Term, token.Start, token.End));
                continue;
            }

            var word = text[token.Start..token.End].ToLowerInvariant();
            var fix = Corrector.Correct(word);
            if (fix is null)
            {
                terms.Add((token.Term, token.Start, token.End));
                continue;
            }

            corrections.Add(new SpellingFix(word, fix));
            foreach (var corrected in _analyzer.Terms(fix))
            {
                terms.Add((corrected, token.Start, token.End));
            }
        }

        return new AnalyzedQuestion(text, GroupConcepts(text, terms), corrections, DefinitionQuestion().IsMatch(text));
    }

    private List<QueryConcept> GroupConcepts(string text, List<(string Term, int Start, int End)> terms)
    {
        var concepts = new List<QueryConcept>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < terms.Count && concepts.Count < MaxConcepts)
        {
            var matched = false;
            for (var length = Math.Min(_longestPhrase, terms.Count - i); length >= 1 && !matched; length--)
            {
                var key = length == 1 ? terms[i].Term : string.Join(' ', terms.Skip(i).Take(length).Select(t => t.Term));
                if (!_synonyms.TryGetValue(key, out var alternatives))
                {
                    if (length > 1)
                    {
                        continue;
                    }

                    alternatives = [new QueryAlternative([key], IsOriginal: true)];
                }

                if (seen.Add(key))
                {
                    var surface = text[terms[i].Start..terms[i + length - 1].End];
                    concepts.Add(new QueryConcept(key, surface, alternatives));
                }

                i += length;
                matched = true;
            }
        }

        return concepts;
    }
}
