using System.Text;

namespace DystoniaBot.Conversation.Language;

/// <summary>
/// The words the readers of typed and dictated text read into, with how often each is used: the articles' words,
/// the starter questions' and those of this library's own lists.
/// </summary>
/// <remarks>Immutable after construction and safe to share between threads.</remarks>
public sealed class ReadingVocabulary
{
    private readonly Dictionary<string, int> _counts;

    /// <summary>Learns the words (and how often each is used) of <paramref name="texts"/>.</summary>
    public ReadingVocabulary(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        _counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var lower = text.ToLowerInvariant();
            foreach (var (start, end) in Words(lower))
            {
                var word = lower[start..end].Replace('\u2019', '\'');
                _counts[word] = _counts.GetValueOrDefault(word) + 1;
            }
        }
    }

    /// <summary>
    /// The vocabulary of <paramref name="texts"/> (the articles, the starter questions) and of this library's own
    /// lists: the red-flag and small-talk exemplars and the English of other languages' words, so that what is read
    /// is read in the words people use when they need help. The lists of whole messages' words, one a language, are
    /// not: their words ("han", "mama") would stop a slip of English ("the han") from being read.
    /// </summary>
    public static ReadingVocabulary WithOwnLists(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var assembly = typeof(ReadingVocabulary).Assembly;
        var lists = assembly.GetManifestResourceNames().Where(n => n.EndsWith(".txt", StringComparison.Ordinal) && !n.StartsWith(ForeignWords.OneLanguageLists, StringComparison.Ordinal)).Select(name =>
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }).ToList();
        return new ReadingVocabulary(texts.Concat(lists));
    }

    /// <summary>Every word (lower case) with how often it is used.</summary>
    public IReadOnlyDictionary<string, int> Counts => _counts;

    /// <summary>Whether <paramref name="word"/> (lower case) is a word of the vocabulary.</summary>
    public bool Contains(string word) => _counts.ContainsKey(word);

    /// <summary>
    /// <paramref name="text"/> with each word (as <see cref="Words"/> finds them) that <paramref name="read"/> reads as
    /// another put in its place; the same string when none is.
    /// </summary>
    public static string ReadEach(string text, Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(read);
        StringBuilder? result = null;
        var copied = 0;
        foreach (var (start, end) in Words(text))
        {
            if (read(text.Substring(start, end - start)) is not { } word)
            {
                continue;
            }

            result ??= new StringBuilder(text.Length + 32);
            result.Append(text, copied, start - copied).Append(word);
            copied = end;
        }

        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>
    /// Runs of ASCII letters, with inner apostrophes, that are words on their own: a word run into digits ("2wk") is
    /// left out.
    /// </summary>
    public static IEnumerable<(int Start, int End)> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsAsciiLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsAsciiLetter(text[i]) || ((text[i] is '\'' or '\u2019') && i + 1 < text.Length && char.IsAsciiLetter(text[i + 1]))))
            {
                i++;
            }

            if ((start == 0 || !char.IsAsciiDigit(text[start - 1])) && (i == text.Length || !char.IsAsciiDigit(text[i])))
            {
                yield return (start, i);
            }
        }
    }
}
