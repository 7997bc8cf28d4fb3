using System.Text;
using DystoniaBot.Knowledge.Analysis;

namespace DystoniaBot.Conversation.Language;

/// <summary>
/// Reads a word a tremor or a slipping finger mistyped, with a letter struck twice ("whatt", "iss", "ddystoniaa"), two
/// letters swapped ("whta", "teh", "cuer"), a key beside the one meant ("cyre") or a letter skipped ("symtoms"), as the vocabulary word it was meant
/// to be. A word is read only when it
/// is neither a word of the vocabulary nor a common English word ("sings" stays, though "signs" may have been meant),
/// nor phone typing the detectors read ("im", "ur"), has a vowel (words without one are shorthand's), and is no
/// acronym in capitals. It is read only as a word of the articles or a common English word, never as one of the other
/// languages' words the vocabulary also holds ("im" is no slip for "mi"); among several readings, the word the
/// vocabulary uses most wins. The search corrects spelling too, but never words under five letters, where these
/// slips do the most harm ("whta is teh cuer"). A word that is no slip of any may be one stopped half way ("han"): it is
/// read as the article word it starts.
/// </summary>
/// <remarks>Immutable after construction and safe to share between threads.</remarks>
public sealed class SlipReader
{
    // Enough for "ddystoniaa"; a word with more struck-twice letters is read by the search's spelling correction.
    private const int MaxDoubledRuns = 3;

    private readonly ReadingVocabulary _vocabulary;
    private readonly ReadingVocabulary _articles;
    private readonly IReadOnlySet<string>? _commonWords;

    // The article words long enough to be spelled by sound, by the consonants they sound with (computed once: a word
    // the readers don't know is compared with all of them).
    private readonly Dictionary<string, (string Word, int Count)[]> _bySound;

    /// <summary>
    /// Reads slips as words of <paramref name="articles"/> or <paramref name="commonWords"/>, leaving the words of
    /// <paramref name="vocabulary"/> and <paramref name="commonWords"/> as typed.
    /// </summary>
    public SlipReader(ReadingVocabulary vocabulary, ReadingVocabulary articles, IReadOnlySet<string>? commonWords = null)
    {
        _vocabulary = vocabulary ?? throw new ArgumentNullException(nameof(vocabulary));
        _articles = articles ?? throw new ArgumentNullException(nameof(articles));
        _commonWords = commonWords;
        _bySound = articles.Counts.Where(w => w.Key.Length >= 6)
            .GroupBy(w => SoundKey(w.Key), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(w => (w.Key, w.Value)).ToArray(), StringComparer.Ordinal);
    }

    /// <summary><paramref name="text"/> with its slips read as words; the same string when there is none.</summary>
    public string Read(string text) => ReadingVocabulary.ReadEach(text, Meant);

    private string? Meant(string typed)
    {
        var token = typed.ToLowerInvariant();
        if (token.Length < 2 || token.Contains('\'', StringComparison.Ordinal) || !token.Any(IsVowel)
            || (typed.All(char.IsUpper) && typed.Length <= 4)
            || _vocabulary.Contains(token) || (_commonWords?.Contains(token) ?? false) || TextNormalizer.IsInformal(token))
        {
            return null;
        }

        string? best = null;
        var bestCount = 0;
        // A key struck beside the one meant ("cyre") could make many common words, so it is read only as an article's.
        foreach (var (candidate, articlesOnly) in Undoubled(token).Concat(Swapped(token)).Select(c => (c, false))
            .Concat(NeighbourKeyStruck(token).Concat(LetterLeftOut(token)).Select(c => (c, true))))
        {
            if ((_articles.Contains(candidate) || (!articlesOnly && (_commonWords?.Contains(candidate) ?? false)))
                && _vocabulary.Counts.GetValueOrDefault(candidate) is var count
                && (best is null || count > bestCount || (count == bestCount && string.CompareOrdinal(candidate, best) < 0)))
            {
                best = candidate;
                bestCount = count;
            }
        }

        return best ?? DroppedG(token) ?? SpelledBySound(token) ?? CutShort(token);
    }

    /// <summary>
    /// A word said with its final "g" dropped, as many Englishes say and type it ("does restin help", "liftin bales"):
    /// read as the word with it, when that is an article's or a common English word.
    /// </summary>
    private string? DroppedG(string token)
    {
        if (token.Length < 4 || !token.EndsWith("in", StringComparison.Ordinal))
        {
            return null;
        }

        var meant = token + "g";
        return _articles.Contains(meant) || (_commonWords?.Contains(meant) ?? false) ? meant : null;
    }

    /// <summary>
    /// A long article word spelled as it sounds ("blefferospasm", "nurologist"): read as the article word that sounds
    /// the same (the same consonants, "ph" and "f" alike, a soft "c" as "s" and a soft "g" as "j"), the one the articles use
    /// most.
    /// </summary>
    private string? SpelledBySound(string token)
    {
        if (token.Length < 6)
        {
            return null;
        }

        var key = SoundKey(token);
        if (key.Length < 4 || !_bySound.TryGetValue(key, out var alike))
        {
            return null;
        }

        string? best = null;
        var bestCount = 0;
        foreach (var (word, count) in alike)
        {
            if (word[0] == token[0] && Math.Abs(word.Length - token.Length) <= 3
                && (count > bestCount || (count == bestCount && string.CompareOrdinal(word, best) < 0)))
            {
                best = word;
                bestCount = count;
            }
        }

        return best;
    }

    /// <summary>The consonants a word sounds with, doubled ones once: "blepharospasm" and "blefferospasm" are "blfrspsm".</summary>
    private static string SoundKey(string word)
    {
        var spelled = word.Replace("ph", "f", StringComparison.Ordinal).Replace("ck", "k", StringComparison.Ordinal);
        var key = new StringBuilder(spelled.Length);
        for (var i = 0; i < spelled.Length; i++)
        {
            var c = spelled[i];
            if (i > 0 && IsVowel(c))
            {
                continue;
            }

            c = c switch
            {
                'c' => i + 1 < spelled.Length && spelled[i + 1] is 'e' or 'i' or 'y' ? 's' : 'k',
                'g' => i + 1 < spelled.Length && spelled[i + 1] is 'e' or 'i' or 'y' ? 'j' : 'g',
                'q' => 'k',
                'z' => 's',
                _ => c,
            };
            if (key.Length == 0 || key[^1] != c)
            {
                key.Append(c);
            }
        }

        return key.ToString();
    }

    /// <summary>
    /// The article word a word stopped half way is the start of ("does dystonia aff the han"): a finger that tires
    /// stops before the word ends. Three letters at least, and the word the articles use most wins.
    /// </summary>
    private string? CutShort(string token)
    {
        if (token.Length < 3)
        {
            return null;
        }

        string? best = null;
        var bestCount = 0;
        foreach (var (word, count) in _articles.Counts)
        {
            if (word.Length > token.Length && word.StartsWith(token, StringComparison.Ordinal)
                && (count > bestCount || (count == bestCount && string.CompareOrdinal(word, best) < 0)))
            {
                best = word;
                bestCount = count;
            }
        }

        return best;
    }

    /// <summary>
    /// The word with some of its doubled letters struck once: "ddystoniaa" gives "dystoniaa", "ddystonia", "dystonia".
    /// A double "e" or "o" is how people spell a sound ("meen" is "mean", not "men"), not a slip, except as the word's
    /// last letters of a longer word, where it is a letter held down for emphasis ("her lips r bluee"; "bee" stays).
    /// </summary>
    private static IEnumerable<string> Undoubled(string token)
    {
        var runs = new List<int>();
        for (var i = 1; i < token.Length; i++)
        {
            if (token[i] == token[i - 1] && (token[i] is not ('e' or 'o') || (i == token.Length - 1 && token.Length > 4)) && (runs.Count == 0 || runs[^1] != i - 1))
            {
                runs.Add(i);
            }
        }

        if (runs.Count is 0 or > MaxDoubledRuns)
        {
            yield break;
        }

        for (var subset = 1; subset < 1 << runs.Count; subset++)
        {
            var word = new StringBuilder(token.Length);
            for (var i = 0; i < token.Length; i++)
            {
                var run = runs.IndexOf(i);
                if (run < 0 || (subset & (1 << run)) == 0)
                {
                    word.Append(token[i]);
                }
            }

            yield return word.ToString();
        }
    }

    /// <summary>The word with two neighbouring letters swapped, each pair in turn.</summary>
    private static IEnumerable<string> Swapped(string token)
    {
        for (var i = 0; i + 1 < token.Length; i++)
        {
            if (token[i] == token[i + 1])
            {
                continue;
            }

            var letters = token.ToCharArray();
            (letters[i], letters[i + 1]) = (letters[i + 1], letters[i]);
            yield return new string(letters);
        }
    }

    /// <summary>
    /// The word with one letter put back where a finger skipped it: "symtoms" gives "symptoms" (read before its sound,
    /// which "sometimes" shares; "nek"). Three letters at least; only an article's word is read so. A letter missing at the end
    /// is a word stopped half way ("muscl"), read as such.
    /// </summary>
    private static IEnumerable<string> LetterLeftOut(string token)
    {
        // No word is longer: a run of letters beyond it is no word with a letter skipped, and would cost 26 tries a letter.
        if (token.Length is < 3 or > 24)
        {
            yield break;
        }

        for (var i = 0; i < token.Length; i++)
        {
            for (var letter = 'a'; letter <= 'z'; letter++)
            {
                yield return string.Concat(token.AsSpan(0, i), [letter], token.AsSpan(i));
            }
        }
    }

    /// <summary>The word with one letter struck on a neighbouring key instead: "cyre" gives "cure" among others.</summary>
    private static IEnumerable<string> NeighbourKeyStruck(string token)
    {
        if (token.Length < 3)
        {
            yield break;
        }

        // One array for every candidate: each letter is put back before the next is changed.
        var letters = token.ToCharArray();
        for (var i = 0; i < letters.Length; i++)
        {
            foreach (var meant in Keyboard.Neighbours(token[i]))
            {
                letters[i] = meant;
                yield return new string(letters);
            }

            letters[i] = token[i];
        }
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
