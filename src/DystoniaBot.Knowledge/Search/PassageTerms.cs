using System.Text.RegularExpressions;
using DystoniaBot.Knowledge.Analysis;
using DystoniaBot.Knowledge.Documents;

namespace DystoniaBot.Knowledge.Search;

/// <summary>The analysed terms of one passage, sentence by sentence, kept in memory for re-ranking.</summary>
internal sealed partial class PassageTerms
{
    [GeneratedRegex(@"^\W*[\w-]+(\s+\([\w-]+\))?(\s+[\w-]+)?\s+(is|are)\s+(a|an)\s|\b(is|are)\s+[""«“'][\w-]+[""»”']|\([A-Z]{2,}\)|^\W*(an?\s+)?[\w-]+(\s+[\w-]+)?,\s+which\b", RegexOptions.CultureInvariant)]
    private static partial Regex DefinitionSentence();

    private PassageTerms(string[][] sentences, bool[] definitional, string[] question, bool statesQuantity, bool statesCourse, bool statesRemedy)
    {
        StatesQuantity = statesQuantity;
        StatesCourse = statesCourse;
        StatesRemedy = statesRemedy;
        Sentences = sentences;
        Definitional = definitional;
        All = new HashSet<string>(sentences.SelectMany(s => s).Concat(question), StringComparer.Ordinal);
    }

    /// <summary>Terms of each sentence, in order.</summary>
    public string[][] Sentences { get; }

    /// <summary>Whether each sentence reads as a definition ("X is a …", "is "focal" when", "(EMG)").</summary>
    public bool[] Definitional { get; }

    /// <summary>Whether the passage states a number, a duration, an age or a frequency.</summary>
    public bool StatesQuantity { get; }

    /// <summary>Whether the passage says how the condition goes over time.</summary>
    public bool StatesCourse { get; }

    /// <summary>Whether the passage says what treats or relieves the condition.</summary>
    public bool StatesRemedy { get; }

    /// <summary>Every term of the passage (and of the question it answers, for a curated answer).</summary>
    public HashSet<string> All { get; }

    /// <summary>Analyses <paramref name="passage"/>; <paramref name="question"/> is the question a curated answer answers, if any.</summary>
    public static PassageTerms Analyze(Passage passage, KnowledgeAnalyzer analyzer, string? question = null)
    {
        var sentences = new string[passage.Sentences.Count][];
        var definitional = new bool[sentences.Length];
        for (var i = 0; i < sentences.Length; i++)
        {
            var text = passage.SentenceText(i);
            sentences[i] = analyzer.Terms(text);
            definitional[i] = DefinitionSentence().IsMatch(text);
        }

        return new PassageTerms(sentences, definitional, question is null ? [] : analyzer.Terms(question), AnswerType.StatesQuantity(passage.Text), AnswerType.StatesCourse(passage.Text), AnswerType.StatesRemedy(passage.Text));
    }

    /// <summary>Whether the alternative's terms occur in sentence <paramref name="sentence"/> (-1: anywhere), a phrase in order.</summary>
    public bool Contains(QueryAlternative alternative, int sentence)
    {
        var terms = alternative.Terms;
        if (terms.Count == 1)
        {
            return sentence < 0 ? All.Contains(terms[0]) : Array.IndexOf(Sentences[sentence], terms[0]) >= 0;
        }

        if (sentence >= 0)
        {
            return ContainsPhrase(Sentences[sentence], terms);
        }

        foreach (var s in Sentences)
        {
            if (ContainsPhrase(s, terms))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsPhrase(string[] sentence, IReadOnlyList<string> phrase)
    {
        for (var start = 0; start + phrase.Count <= sentence.Length; start++)
        {
            var all = true;
            for (var k = 0; k < phrase.Count && all; k++)
            {
                all = sentence[start + k] == phrase[k];
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }
}
