using System.Text;

namespace DystoniaBot.Conversation.Language;

/// <summary>
/// Reads words run together ("whatisdystonia", "dystoniasymptoms", "botoxsafe") as the words they are: how dictation
/// without pauses and typing with a missed space write them. A word is split only when it is no word of the
/// vocabulary, it is made of its words with nothing left over (two to four, or one for every four letters of a longer
/// run: a whole message typed without a space, "cantbreathewellsincebotox…"), and one of them is an article's word of
/// five letters or more; so an ordinary word the vocabulary lacks ("therapist") is never cut into others. A message
/// that is one run of letters and nothing else ("helloimhere") needs no article's word: there is no other word it
/// could be, but must be three words or more ("the rapist" is not what "therapist" means). Pieces may also be common
/// English words the articles never use ("cant", "feels", "closing").
/// </summary>
/// <remarks>Immutable after construction and safe to share between threads.</remarks>
public sealed class RunTogetherReader
{
    private const int MinLength = 7;
    private const int MaxParts = 4;

    /// <summary>A longer run may hold one word for this many letters (a sentence's words average about five).</summary>
    private const int LettersPerPart = 4;

    /// <summary>Past this length a run is not searched: no sentence typed without a space is that long.</summary>
    private const int MaxRunLength = 160;
    private const int MinAnchorLength = 5;

    private readonly ReadingVocabulary _vocabulary;
    private readonly ReadingVocabulary _articles;
    private readonly IReadOnlySet<string> _commonWords;

    // No piece is longer than the vocabulary's longest word, so a typed run of letters (a crafted one of thousands) is
    // searched in time and memory proportional to its length, and one too long to be four words is not searched.
    private readonly int _longestWord;

    /// <summary>
    /// Splits run-together words into words of <paramref name="vocabulary"/> or <paramref name="commonWords"/>, one of
    /// them of <paramref name="articles"/>.
    /// </summary>
    public RunTogetherReader(ReadingVocabulary vocabulary, ReadingVocabulary articles, IReadOnlySet<string>? commonWords = null)
    {
        _vocabulary = vocabulary ?? throw new ArgumentNullException(nameof(vocabulary));
        _articles = articles ?? throw new ArgumentNullException(nameof(articles));
        _commonWords = commonWords ?? new HashSet<string>();
        _longestWord = vocabulary.Counts.Keys.Concat(_commonWords).Select(w => w.Length).DefaultIfEmpty(0).Max();
    }

    /// <summary><paramref name="text"/> with its run-together words split; the same string when there are none.</summary>
    public string Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? split = null;
        var copied = 0;
        var words = ReadingVocabulary.Words(text).ToList();
        var alone = words.Count == 1;
        foreach (var (start, end) in words)
        {
            if (end - start < MinLength || Parts(text.Substring(start, end - start).ToLowerInvariant(), alone) is not { } parts)
            {
                continue;
            }

            split ??= new StringBuilder(text.Length + 8);
            split.Append(text, copied, start - copied).AppendJoin(' ', parts);
            copied = end;
        }

        return split is null ? text : split.Append(text, copied, text.Length - copied).ToString();
    }

    private string[]? Parts(string token, bool alone)
    {
        if (token.Length > MaxRunLength || IsWord(token) || token.Contains('\'', StringComparison.Ordinal))
        {
            return null;
        }

        var maxParts = Math.Max(MaxParts, token.Length / LettersPerPart);

        // Fewest words first, then the longest ones (the sum of their squared lengths): "what is dystonia", not
        // "what is dys tonia".
        var best = new (int Parts, int Weight, int From)?[token.Length + 1];
        best[0] = (0, 0, 0);
        for (var end = 1; end <= token.Length; end++)
        {
            for (var start = Math.Max(0, end - _longestWord); start < end; start++)
            {
                if (best[start] is not { } before || before.Parts == maxParts || !IsPiece(token[start..end]))
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

        return (alone && parts.Count >= 3) || parts.Any(p => p.Length >= MinAnchorLength && _articles.Contains(p)) ? [.. parts] : null;
    }

    // A piece of one or two letters must be an English word that short: the vocabulary also holds other languages'
    // words ("ng", "en"), and with them an ordinary word it lacks ("tightening") fell apart into "tight en i ng".
    private bool IsPiece(string piece) => piece.Length >= 3 ? IsWord(piece) : ShortWords.Contains(piece);

    private bool IsWord(string word) => _vocabulary.Contains(word) || _commonWords.Contains(word);

    private static readonly HashSet<string> ShortWords = new(StringComparer.Ordinal)
    {
        "a", "i", "am", "an", "as", "at", "be", "by", "do", "dr", "go", "gp", "he", "hi", "if", "im", "in", "is", "it", "me", "mg",
        "my", "no", "of", "oh", "ok", "on", "or", "so", "to", "up", "ur", "us", "we",
    };
}
