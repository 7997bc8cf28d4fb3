using System.Text;

namespace DystoniaBot.Conversation.Language;

/// <summary>
/// Reads words run together ("whatisdystonia", "dystoniasymptoms", "botoxsafe") as the words they are: how dictation
/// without pauses and typing with a missed space write them. A word is split only when it is no word of the
/// vocabulary, it is made of two to four of its words with nothing left over, and one of them is an article's word of
/// five letters or more; so an ordinary word the vocabulary lacks ("therapist") is never cut into others.
/// </summary>
/// <remarks>Immutable after construction and safe to share between threads.</remarks>
public sealed class RunTogetherReader
{
    private const int MinLength = 7;
    private const int MaxParts = 4;
    private const int MinAnchorLength = 5;

    private readonly ReadingVocabulary _vocabulary;
    private readonly ReadingVocabulary _articles;

    // No piece is longer than the vocabulary's longest word, so a typed run of letters (a crafted one of thousands) is
    // searched in time and memory proportional to its length, and one too long to be four words is not searched.
    private readonly int _longestWord;

    /// <summary>Splits run-together words into words of <paramref name="vocabulary"/>, one of them of <paramref name="articles"/>.</summary>
    public RunTogetherReader(ReadingVocabulary vocabulary, ReadingVocabulary articles)
    {
        _vocabulary = vocabulary ?? throw new ArgumentNullException(nameof(vocabulary));
        _articles = articles ?? throw new ArgumentNullException(nameof(articles));
        _longestWord = vocabulary.Counts.Keys.Select(w => w.Length).DefaultIfEmpty(0).Max();
    }

    /// <summary><paramref name="text"/> with its run-together words split; the same string when there are none.</summary>
    public string Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? split = null;
        var copied = 0;
        foreach (var (start, end) in ReadingVocabulary.Words(text))
        {
            if (end - start < MinLength || Parts(text.Substring(start, end - start).ToLowerInvariant()) is not { } parts)
            {
                continue;
            }

            split ??= new StringBuilder(text.Length + 8);
            split.Append(text, copied, start - copied).AppendJoin(' ', parts);
            copied = end;
        }

        return split is null ? text : split.Append(text, copied, text.Length - copied).ToString();
    }

    private string[]? Parts(string token)
    {
        if (token.Length > MaxParts * _longestWord || _vocabulary.Contains(token) || token.Contains('\'', StringComparison.Ordinal))
        {
            return null;
        }

        // Fewest words first, then the longest ones (the sum of their squared lengths): "what is dystonia", not
        // "what is dys tonia".
        var best = new (int Parts, int Weight, int From)?[token.Length + 1];
        best[0] = (0, 0, 0);
        for (var end = 1; end <= token.Length; end++)
        {
            for (var start = Math.Max(0, end - _longestWord); start < end; start++)
            {
                if (best[start] is not { } before || before.Parts == MaxParts || !IsPiece(token[start..end]))
                {
                    continue;
                }

                var length = end - start;
                var candidate = (Parts: before.Parts + 1, Weight: before.Weight + (length * length), From: start);
                if (best[end] is not { } current || candidate.Parts < current.Parts
                    || (candidate.Parts == current.Parts && candidate.Weight > current.Weight))
                {
                    best[end] = candidate;
                }
            }
        }

        if (best[token.Length] is not { Parts: >= 2 })
        {
            return null;
        }

        var parts = new List<string>();
        for (var end = token.Length; end > 0; end = best[end]!.Value.From)
        {
            parts.Insert(0, token[best[end]!.Value.From..end]);
        }

        return parts.Any(p => p.Length >= MinAnchorLength && _articles.Contains(p)) ? [.. parts] : null;
    }

    // A piece of one or two letters must be an English word that short: the vocabulary also holds other languages'
    // words ("ng", "en"), and with them an ordinary word it lacks ("tightening") fell apart into "tight en i ng".
    private bool IsPiece(string piece) => piece.Length >= 3 ? _vocabulary.Contains(piece) : ShortWords.Contains(piece);

    private static readonly HashSet<string> ShortWords = new(StringComparer.Ordinal)
    {
        "a", "i", "am", "an", "as", "at", "be", "by", "do", "dr", "go", "gp", "he", "hi", "if", "in", "is", "it", "me", "mg", "my",
        "no", "of", "oh", "ok", "on", "or", "so", "to", "up", "us", "we",
    };
}
