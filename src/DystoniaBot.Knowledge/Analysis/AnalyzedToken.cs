using Lucene.Net.Analysis.TokenAttributes;

namespace DystoniaBot.Knowledge.Analysis;

/// <summary>A stemmed term and where its word stands in the analysed text.</summary>
/// <param name="Term">The indexed form (lower case, stemmed).</param>
/// <param name="Start">Offset of the word's first character.</param>
/// <param name="End">Offset after the word's last character.</param>
public readonly record struct AnalyzedToken(string Term, int Start, int End);

/// <summary>Runs the analyzer over text.</summary>
public static class AnalyzerExtensions
{
    /// <summary>The terms of <paramref name="text"/> with their offsets, in order.</summary>
    public static List<AnalyzedToken> Tokens(this KnowledgeAnalyzer analyzer, string text)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<AnalyzedToken>();
        using var stream = analyzer.GetTokenStream(KnowledgeAnalyzer.TextField, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(new AnalyzedToken(term.ToString(), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }

    /// <summary>The terms of <paramref name="text"/>, in order.</summary>
    public static string[] Terms(this KnowledgeAnalyzer analyzer, string text)
    {
        var tokens = analyzer.Tokens(text);
        var terms = new string[tokens.Count];
        for (var i = 0; i < terms.Length; i++)
        {
            terms[i] = tokens[i].Term;
        }

        return terms;
    }
}
