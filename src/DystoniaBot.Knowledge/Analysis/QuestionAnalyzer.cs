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
    private readonly Dictionary<string, string> _synonymGroup = new(StringComparer.Ordinal);
    private readonly HashSet<string> _conditions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _topics = new(StringComparer.Ordinal);
    private readonly IReadOnlySet<string> _commonWords;
    private readonly HashSet<string> _phraseStarts = new(StringComparer.Ordinal);
    private readonly int _longestPhrase = 1;

    // What "after" in "get dystonia after a stroke" stands for, analysed once.
    private readonly string[] _secondaryTerms;

    // "Can it cause cramps?" asks whether cramps are a symptom; "what causes it?" asks for the cause.
    [GeneratedRegex(@"\b(do|does|did|can|could|will|would|might|may)\s+(it|dystonia|this|that|this condition|the condition|this disease|the disease|this disorder)\s+(ever\s+|also\s+|really\s+)?(cause|causes|give|gives|lead to|result in|bring on)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SymptomQuestion();

    // "Can you get dystonia after a stroke?", "may dystonia arise as a consequence of a stroke?", "dystonia can follow
    // a brain injury", "is that dystonia from the stroke" ask what it can be secondary to: the preposition says so, and without it the stroke alone leads to the passage that rules a stroke
    // out as a cause.
    [GeneratedRegex(@"\b((get|gets|got|getting|develop|develops|developed|developing|have|has|had|end up with|ends up with|come down with|acquire|acquired)\s+(dystonia|it|this|that|dystonic \w+)|(dystonia|it|this|that)\s+((may|can|could|might|will|does|do)\s+)?(arise|arises|develop|develops|come|comes|start|starts|follow|follows|result|results|appear|appears))\s+(?<said>after|from|following|because of|due to|as a (consequence|result) of)\b|\b(dystonia|it)\s+((may|can|could|might|will|does|do|sometimes|often)\s+)?(?<said>follow|follows)\s+(?=(a|an|the|some|any|other)\b)|\b(is|was|could)\s+(that|this|it)\s+(be\s+)?(the\s+)?(dystonia|dystonic \w+)\s+(?<said>from|after|because of|due to|caused by)\s+(?=(a|an|the|her|his|my|their|that|this)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CauseQuestion();

    // Words that only frame a question ("could you help me understand…", "I'm writing for my dad", "sorry, my English
    // is not good", "in plain English") say nothing about its subject ("writing" would otherwise be read as the hand
    // it is done with).
    // "Explain like I'm 5", "like im a 10 year old": the words of an answer for a child.
    private const string ChildsAge = @"(a |an )?(\d+ ?(yr|year)s? old|5|five|kid|child|toddler)";

    [GeneratedRegex(@"\b((can|could|would|will) you (please )?(help me|tell me|explain|let me know)|help me (to )?(understand|know|learn|find out|figure out)|i('d| would) like to (know|understand|learn)|i (want|need|wanted) to (know|understand|learn)|i('m| am) (wondering|curious)|(i'm |im |i am )?(writing|asking|typing|messaging) (this )?(for|on behalf of) (my|our|a|an|the|his|her) \w+|(sorry,? ((for|about) )?)?my english (is )?(not |isn't |isnt )?(so |very |too )?(good|bad|poor|weak|great)|english (is )?(not|isn't|isnt) my (first|native|own) language|in (plain|simple|easy|normal|everyday|layman'?s|laymans|lay|human) (english|words|terms|language|speak)|(explain|tell me|say)( it| this| that)? like (i'm|im|i am|i was|i were|you're talking to|youre talking to) " + ChildsAge + @"|\beli5)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Framing();

    // "What" as people type it (wat, wot, wht), after a "please" or "ok so", in second-language forms ("what is
    // mean dystonia", "what mean dystonia"), and asked on someone's behalf ("want to know what dystonia actually is").
    [GeneratedRegex(@"^\W*((please|pls|plz|ok|okay|so|um|erm|hi|hello|sorry|quick q(uestion)?|hey|come on|man|mate|right|look|listen|bro|dude|pal|yo|oi|eh)\W+){0,3}((what|wat|wot|wht)\s+(is|are|does|do)\b|what'?s\b|whats\b|wats\b)|\b((what|wat|wot|wht)\s+((even|actually|exactly|really)\s+)?(is|are)\s+(it|that|this|dystonia)\b|(what|wat|wot|wht)\s+dystonia\s+((even|actually|exactly|really)\s+)?is\b(?!\s+(caused|made|called|like|for|used|linked|related)\b)|define|definition|meaning of|explain|describe|tell me (all |a bit |a little |something )?about (it|this|that|dystonia|this condition|the condition)(?=\s*($|[,.?!]|\bplease\b|\bpls\b))|in (simple|plain|normal|everyday|easy|layman'?s|laymans|lay|human) (words|terms|english|language|speak)|(explain|tell me|say)( it| this| that| dystonia)? like (i'm|im|i am|i was|i were) " + ChildsAge + @"|\beli5|what (does|do) (it|that|this|dystonia|the word \w+) (even |actually |really )?(mean|meen|mean for \w+)|what means|what (is )?(the )?mean(ing)? (of )?(it|that|this|dystonia)|(what|wat)(\s+is|'?s)\s+the\s+(deal|story|craic|lowdown|sitch)\s+with\s+(it|this|that|dystonia|this condition)(?=\s*($|[,.?!]|\bat all\b|\banyway\b))|(what|wat)\s+(sort|kind|type)\s+of\s+(a\s+)?(thing|condition|disease|illness|disorder|problem)\s+(is|was)\s+(it|that|this|dystonia))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
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
        _secondaryTerms = analyzer.Terms("secondary");
        Corrector = corrector ?? throw new ArgumentNullException(nameof(corrector));
        _knownTerms = new HashSet<string>(indexTerms, StringComparer.Ordinal);
        _commonWords = lexicon.CommonWords;

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
                if (from.Length > 1)
                {
                    _phraseStarts.Add(from[0]);
                }
            }
        }

        foreach (var (key, alternatives) in building)
        {
            _synonyms.Add(key, [.. alternatives]);
            // Words with the same set of alternatives are one idea said twice ("medication to treat").
            _synonymGroup.Add(key, string.Join('|', alternatives.Select(a => string.Join(' ', a.Terms)).Order(StringComparer.Ordinal)));
        }

        foreach (var (condition, isTopic) in lexicon.Conditions.Select(c => (analyzer.Terms(c), false))
            .Concat(lexicon.UncoveredTopics.Select(t => (analyzer.Terms(t), true))).Where(c => c.Item1.Length > 0))
        {
            (isTopic ? _topics : _conditions).Add(string.Join(' ', condition));
            _knownTerms.UnionWith(condition);
            _longestPhrase = Math.Max(_longestPhrase, condition.Length);
            if (condition.Length > 1)
            {
                _phraseStarts.Add(condition[0]);
            }
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

        // Keep offsets aligned with the text: the relational verb is blanked, not removed.
        // Read before the framing is blanked: "could you explain…" and "in plain English" frame a request for a
        // definition.
        var asksForDefinition = DefinitionQuestion().IsMatch(text);
        text = SymptomQuestion().Replace(text, BlankVerb);
        text = Framing().Replace(text, m => new string(' ', m.Length));
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

            // A real English word is what the user meant, even when no article uses it.
            var word = text[token.Start..token.End].ToLowerInvariant();
            var fix = _commonWords.Contains(word) ? null : Corrector.Correct(word);
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

        foreach (Match cause in CauseQuestion().Matches(text))
        {
            var said = cause.Groups["said"];
            var at = terms.FindIndex(t => t.Start >= said.Index);
            terms.InsertRange(at < 0 ? terms.Count : at, _secondaryTerms.Select(t => (t, said.Index, said.Index + said.Length)));
        }

        return new AnalyzedQuestion(text, GroupConcepts(text, terms), corrections, asksForDefinition);
    }

    private List<QueryConcept> GroupConcepts(string text, List<(string Term, int Start, int End)> terms)
    {
        var concepts = new List<QueryConcept>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < terms.Count && concepts.Count < MaxConcepts)
        {
            // Longest phrase first; a single word is always a concept of its own.
            var longest = _phraseStarts.Contains(terms[i].Term) ? Math.Min(_longestPhrase, terms.Count - i) : 1;
            for (var length = longest; length >= 1; length--)
            {
                var key = length == 1 ? terms[i].Term : string.Join(' ', terms.GetRange(i, length).Select(t => t.Term));
                var isSynonym = _synonyms.TryGetValue(key, out var alternatives);
                var isCondition = _conditions.Contains(key);
                // A word said for an uncovered topic ("exercises", "stretching" for physiotherapy) is that topic too.
                var isTopic = !isCondition && (_topics.Contains(key)
                    || (isSynonym && alternatives!.Any(a => _topics.Contains(string.Join(' ', a.Terms)))));
                if (length > 1 && !isSynonym && !isCondition && !isTopic)
                {
                    continue;
                }

                alternatives ??= [new QueryAlternative([key], IsOriginal: true)];
                if (seen.Add(isSynonym ? _synonymGroup[key] : key))
                {
                    var surface = text[terms[i].Start..terms[i + length - 1].End];
                    concepts.Add(new QueryConcept(key, surface, alternatives, isCondition, !isCondition && !isTopic && IsCommon(surface), isTopic));
                }

                i += length;
                break;
            }
        }

        return concepts;
    }

    private static string BlankVerb(Match match)
    {
        var verb = match.Groups[4];
        var start = verb.Index - match.Index;
        return string.Concat(match.Value.AsSpan(0, start), new string(' ', verb.Length), match.Value.AsSpan(start + verb.Length));
    }

    private bool IsCommon(string surface)
    {
        foreach (var word in surface.Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!_commonWords.Contains(word.ToLowerInvariant()))
            {
                return false;
            }
        }

        return true;
    }
}
