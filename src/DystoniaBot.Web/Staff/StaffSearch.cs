using System.Globalization;
using DystoniaBot.Knowledge.Analysis;
using DystoniaBot.Knowledge.Documents;
using DystoniaBot.Knowledge.Search;
using Microsoft.AspNetCore.Html;

namespace DystoniaBot.Web.Staff;

/// <summary>A stretch of passage text, marked when it is a word the query matched.</summary>
/// <param name="Text">The characters, as in the passage.</param>
/// <param name="IsMatch">True for a matched word.</param>
public readonly record struct TextSegment(string Text, bool IsMatch);

/// <summary>A passage found for staff, with what they need to quote it.</summary>
/// <param name="PassageId">The passage's id.</param>
/// <param name="Text">The passage's text.</param>
/// <param name="Segments">The text cut into plain and matched stretches, in order.</param>
/// <param name="Score">The search's confidence in [0, 1].</param>
/// <param name="Source">Where the passage comes from.</param>
/// <param name="TextWithAttribution">The passage followed by its credit, ready to paste into an answer.</param>
public sealed record StaffSearchHit(string PassageId, string Text, IReadOnlyList<TextSegment> Segments, double Score, SourceInfo Source, string TextWithAttribution)
{
    /// <summary>The words that matched, as written in the passage, each once.</summary>
    public IReadOnlyList<string> MatchedWords => [.. Segments.Where(s => s.IsMatch).Select(s => s.Text).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The text as HTML: every stretch encoded first, then matched words wrapped in <c>&lt;mark&gt;</c>.</summary>
    public IHtmlContent Highlighted
    {
        get
        {
            var html = new HtmlContentBuilder(Segments.Count * 3);
            foreach (var segment in Segments)
            {
                if (segment.IsMatch)
                {
                    html.AppendHtml("<mark>").Append(segment.Text).AppendHtml("</mark>");
                }
                else
                {
                    html.Append(segment.Text);
                }
            }

            return html;
        }
    }
}

/// <summary>Knowledge search for health-line staff: ranked passages with the query's words marked and the source to credit.</summary>
/// <remarks>Thread-safe: the analyzer is rebuilt only when the index's lexicon changes (a knowledge reload).</remarks>
public sealed class StaffSearch
{
    /// <summary>Longest query accepted, in characters.</summary>
    public const int MaxQueryLength = 500;

    private readonly KnowledgeIndex _index;
    private (Lexicon Lexicon, KnowledgeAnalyzer Analyzer)? _analyzer;

    /// <summary>Creates the search.</summary>
    public StaffSearch(KnowledgeIndex index) => _index = index ?? throw new ArgumentNullException(nameof(index));

    /// <summary>The passages best matching <paramref name="query"/>, best first.</summary>
    public IReadOnlyList<StaffSearchHit> Search(string query, int maxHits)
    {
        ArgumentNullException.ThrowIfNull(query);
        var result = _index.Search(query, maxHits);
        var analyzer = Analyzer();
        return [.. result.Hits.Select(hit => new StaffSearchHit(hit.Passage.Id, hit.Passage.Text, Segments(analyzer, hit.Passage.Text, hit.MatchedTerms), hit.Score, hit.Source,
            WithAttribution(hit.Passage.Text, hit.Source)))];
    }

    /// <summary>A passage followed by the credit its licence asks for.</summary>
    public static string WithAttribution(string text, SourceInfo source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        return string.Create(CultureInfo.InvariantCulture,
            $"{text}\n\nSource: «{source.Title}», {source.Publisher} ({source.Url}), {source.License}. {source.Attribution}").TrimEnd();
    }

    private static List<TextSegment> Segments(KnowledgeAnalyzer analyzer, string text, IReadOnlySet<string> matched)
    {
        var segments = new List<TextSegment>();
        var at = 0;
        foreach (var token in analyzer.Tokens(text))
        {
            if (!matched.Contains(token.Term) || token.Start < at)
            {
                continue;
            }

            if (token.Start > at)
            {
                segments.Add(new TextSegment(text[at..token.Start], false));
            }

            segments.Add(new TextSegment(text[token.Start..token.End], true));
            at = token.End;
        }

        if (at < text.Length)
        {
            segments.Add(new TextSegment(text[at..], false));
        }

        return segments;
    }

    private KnowledgeAnalyzer Analyzer()
    {
        var lexicon = _index.Lexicon;
        var current = _analyzer;
        if (current is { } cached && ReferenceEquals(cached.Lexicon, lexicon))
        {
            return cached.Analyzer;
        }

        // The replaced analyzer is left to the garbage collector: a search on another thread may still be using it.
        var analyzer = new KnowledgeAnalyzer(lexicon);
        _analyzer = (lexicon, analyzer);
        return analyzer;
    }
}
