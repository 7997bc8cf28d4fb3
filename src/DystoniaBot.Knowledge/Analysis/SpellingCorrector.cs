namespace DystoniaBot.Knowledge.Analysis;

/// <summary>
/// Corrects a misspelled word to the closest word the knowledge base knows (one edit for words of 5 to 7
/// letters, two for longer ones; transpositions count as one edit), keeping its first letter. Short words are never
/// corrected: "cure", "rest" and "test" are all real words one edit apart.
/// </summary>
/// <remarks>Immutable after construction and safe to share between threads.</remarks>
public sealed class SpellingCorrector
{
    private const int MinLength = 5;
    private const int LongWord = 8;

    private readonly Dictionary<string, int> _frequency;
    private readonly Dictionary<string, List<string>> _byDeletion = new(StringComparer.Ordinal);
    private readonly Dictionary<char, List<string>> _longWordsByInitial = [];

    /// <summary>Creates a corrector over <paramref name="vocabulary"/> (word → how often it occurs).</summary>
    public SpellingCorrector(IReadOnlyDictionary<string, int> vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        _frequency = new Dictionary<string, int>(vocabulary, StringComparer.Ordinal);
        foreach (var word in _frequency.Keys)
        {
            if (word.Length < MinLength - 1)
            {
                continue;
            }

            if (word.Length >= LongWord - 2)
            {
                if (!_longWordsByInitial.TryGetValue(word[0], out var sameInitial))
                {
                    sameInitial = [];
                    _longWordsByInitial.Add(word[0], sameInitial);
                }

                sameInitial.Add(word);
            }

            foreach (var deletion in Deletions(word))
            {
                if (!_byDeletion.TryGetValue(deletion, out var words))
                {
                    words = [];
                    _byDeletion.Add(deletion, words);
                }

                if (!words.Contains(word))
                {
                    words.Add(word);
                }
            }
        }
    }

    /// <summary>Whether <paramref name="word"/> (lower case) is in the vocabulary.</summary>
    public bool IsKnown(string word) => _frequency.ContainsKey(word);

    /// <summary>The correction for <paramref name="word"/> (lower case), or null when none is close enough.</summary>
    public string? Correct(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length < MinLength || _frequency.ContainsKey(word) || !word.All(char.IsLetter))
        {
            return null;
        }

        var maxDistance = word.Length >= LongWord ? 2 : 1;
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestFrequency = 0;

        void Consider(string candidate)
        {
            // People rarely get a word's first letter wrong, and a real word missing from the vocabulary often differs
            // from a known one only there ("knitting" is no "sitting", "darts" no "parts"): the first letter may only be
            // missing, added, swapped with the second ("ystonia", "ddystonia"), one that sounds the same ("servical") or the
            // key beside it ("fystomia").
            if (candidate[0] != word[0] && !SoundsAlike(candidate[0], word[0]) && !Keyboard.AreNeighbours(candidate[0], word[0])
                && !candidate.AsSpan(1).SequenceEqual(word)
                && !word.AsSpan(1).SequenceEqual(candidate)
                && !(candidate.Length > 1 && word.Length > 1 && candidate[1] == word[0] && candidate[0] == word[1]))
            {
                return;
            }

            var distance = Distance(word, candidate, maxDistance);
            if (distance > maxDistance)
            {
                return;
            }

            var frequency = _frequency[candidate];
            if (distance < bestDistance || (distance == bestDistance && frequency > bestFrequency)
                || (distance == bestDistance && frequency == bestFrequency && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
                bestFrequency = frequency;
            }
        }

        // Symmetric deletion: two words within one edit share a one-letter deletion (or one is the other's); two
        // edits are found through the question word's two-letter deletions. Probes are spans: no allocations.
        var byDeletion = _byDeletion.GetAlternateLookup<ReadOnlySpan<char>>();
        var known = _frequency.GetAlternateLookup<ReadOnlySpan<char>>();

        void Probe(ReadOnlySpan<char> probe)
        {
            if (known.TryGetValue(probe, out var actual, out _))
            {
                Consider(actual);
            }

            if (byDeletion.TryGetValue(probe, out var words))
            {
                foreach (var candidate in words)
                {
                    Consider(candidate);
                }
            }
        }

        Span<char> once = stackalloc char[word.Length];
        Span<char> twice = stackalloc char[word.Length];
        Probe(word);
        for (var i = 0; i < word.Length; i++)
        {
            Delete(word, i, once);
            Probe(once[..(word.Length - 1)]);
            if (maxDistance == 2)
            {
                for (var j = i; j < word.Length - 1; j++)
                {
                    Delete(once[..(word.Length - 1)], j, twice);
                    Probe(twice[..(word.Length - 2)]);
                }
            }
        }

        if (best is null && maxDistance == 2)
        {
            // Two edits on both sides ("blefarospasm" → "blepharospasm", "fystomia" → "dystonia") escape the deletion
            // probes; people rarely get the first letter wrong but by the key beside it, so comparing with the long
            // words that begin with it or a neighbour is cheap and enough.
            foreach (var initial in Keyboard.Neighbours(word[0]).Prepend(word[0]))
            {
                if (_longWordsByInitial.TryGetValue(initial, out var candidates))
                {
                    foreach (var candidate in candidates)
                    {
                        Consider(candidate);
                    }
                }
            }
        }

        return best;
    }

    // Letters that begin words with the same sound: "servical", "kronic", "jeneral", "fysio".
    private static bool SoundsAlike(char a, char b) =>
        (a, b) is ('c', 's') or ('s', 'c') or ('c', 'k') or ('k', 'c') or ('g', 'j') or ('j', 'g') or ('f', 'p') or ('p', 'f');

    private static void Delete(ReadOnlySpan<char> word, int index, Span<char> into)
    {
        word[..index].CopyTo(into);
        word[(index + 1)..].CopyTo(into[index..]);
    }

    private static IEnumerable<string> Deletions(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            yield return string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1));
        }
    }

    /// <summary>Optimal string alignment distance, stopping early once it exceeds <paramref name="max"/>.</summary>
    public static int Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        var size = b.Length + 1;
        Span<int> previous2 = size <= 64 ? stackalloc int[size] : new int[size];
        Span<int> previous = size <= 64 ? stackalloc int[size] : new int[size];
        Span<int> current = size <= 64 ? stackalloc int[size] : new int[size];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            var recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length];
    }
}
