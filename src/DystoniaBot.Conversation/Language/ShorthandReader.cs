using System.Text;

namespace DystoniaBot.Conversation.Language;

/// <summary>
/// Reads words typed without their vowels, or cut short ("cnt swllw", "tblts", "wht is dyst", "hnd dyst"), as the
/// words they stand for: how people whose hands cramp, or who type with one thumb, often write. A word is read only
/// when it has no vowel and is no word of the vocabulary, its letters appear in order in the word it is read as, and
/// their consonants match (or, for four letters or more, begin it); among several, the word the vocabulary uses most
/// wins. Clinical shorthand ("pt", "hx", "dx") is read as what it stands for. Words with a vowel are left to the
/// search's spelling correction.
/// </summary>
public sealed class ShorthandReader
{
    private readonly ReadingVocabulary _vocabulary;
    private readonly (string Word, string Skeleton, int Count)[] _words;

    /// <summary>Reads shorthand as the words of <paramref name="vocabulary"/>.</summary>
    public ShorthandReader(ReadingVocabulary vocabulary)
    {
        _vocabulary = vocabulary ?? throw new ArgumentNullException(nameof(vocabulary));
        _words = [.. vocabulary.Counts.Where(w => w.Key.Length >= 2).Select(w => (w.Key, Skeleton(w.Key), w.Value))
            .OrderByDescending(w => w.Value).ThenBy(w => w.Key.Length).ThenBy(w => w.Key, StringComparer.Ordinal)];
    }

    /// <summary><paramref name="text"/> with its shorthand read as words; the same string when there is none.</summary>
    public string Expand(string text) =>
        ReadingVocabulary.ReadEach(text, typed => Read(typed.ToLowerInvariant(), typed.All(char.IsUpper)));

    private string? Read(string token, bool allCaps)
    {
        // Nurses' and doctors' shorthand stands for one word, whatever the vocabulary's nearest is ("pt" is a patient,
        // not a pot). In capitals it is an acronym ("PT", physiotherapy).
        if (!allCaps && Clinical.TryGetValue(token, out var meant))
        {
            return meant;
        }


        // Only words with no vowel at all ("y" counts as one in words under four letters: "my", "try", "gym"), never an
        // acronym ("MS", "RN", "EMG"), a texting word the readers know ("pls", "thx") or a word of the vocabulary.
        if (token.Length < 2 || token.Any(IsVowel) || (token.Length < 4 && token.Contains('y', StringComparison.Ordinal))
            || (allCaps && token.Length <= 4) || Texting.Contains(token) || _vocabulary.Contains(token))
        {
            return null;
        }

        var skeleton = Skeleton(token);
        var mayBeCut = token.Length >= 4;
        bool Stands(string word, string wordSkeleton) => word.Length > token.Length
            && (wordSkeleton == skeleton || (mayBeCut && wordSkeleton.StartsWith(skeleton, StringComparison.Ordinal)))
            && IsInOrder(token, word);

        foreach (var (word, wordSkeleton, _) in _words)
        {
            if (word[0] == token[0] && Stands(word, wordSkeleton))
            {
                return word;
            }
        }

        // A word that begins with a vowel loses it too ("xctly", "nthr"), though less often than it keeps its first
        // letter: read so only when no word begins with the letter typed, and from four letters ("rm" is a room).
        foreach (var (word, wordSkeleton, _) in _words)
        {
            if (mayBeCut && IsVowel(word[0]) && word[1] == token[0] && Stands(word, wordSkeleton))
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>Clinical shorthand, as carers and nurses write it in notes and messages.</summary>
    private static readonly Dictionary<string, string> Clinical = new(StringComparer.Ordinal)
    {
        ["pt"] = "patient", ["pts"] = "patients", ["hx"] = "history", ["fhx"] = "family history", ["dx"] = "diagnosis",
        ["tx"] = "treatment", ["sx"] = "symptoms", ["rx"] = "prescription",
    };

    /// <summary>Texting words that are not shorthand for a longer word of the vocabulary.</summary>
    private static readonly HashSet<string> Texting = new(StringComparer.Ordinal)
    {
        "pls", "plz", "thx", "thnx", "ty", "tq", "ur", "btw", "brb", "idk", "imo", "imho", "tbh", "smh", "omg", "lmk", "nvm", "ppl", "ngl", "rn", "frfr",
        "hmm", "hm", "mm", "mmm", "shh", "psst", "brr", "grr", "xx", "xxx", "nth", "st", "nd", "rd", "th", "dr", "mr", "mrs", "ms", "pm",
    };

    /// <summary>The consonants, doubled ones once: "swallow" and "swllw" are both "swlw".</summary>
    private static string Skeleton(string word)
    {
        var skeleton = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (!IsVowel(c) && c != '\'' && (skeleton.Length == 0 || skeleton[^1] != c))
            {
                skeleton.Append(c);
            }
        }

        return skeleton.ToString();
    }

    private static bool IsInOrder(string letters, string word)
    {
        var next = 0;
        foreach (var c in word)
        {
            if (next < letters.Length && letters[next] == c)
            {
                next++;
            }
        }

        return next == letters.Length;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
