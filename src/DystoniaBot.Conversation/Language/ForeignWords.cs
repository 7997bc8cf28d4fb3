using System.Reflection;
using System.Text;

namespace DystoniaBot.Conversation.Language;

/// <summary>
/// Reads the words of other languages people mix into an English question as the English the search understands
/// ("distonia es hereditaria? my abuela had it" → "dystonia is hereditary? my grandmother had it"), from
/// <c>Language/foreign-words.txt</c>. Text with none of them is returned as it is.
/// </summary>
public static class ForeignWords
{
    /// <summary>Longest phrase of the list, in words.</summary>
    private const int MaxPhraseWords = 4;

    // Before the list, which is folded as it loads.
    private static readonly Dictionary<char, string> Unaccented = BuildUnaccented();

    private static readonly Dictionary<string, string> English = Load();

    /// <summary>Whether <paramref name="word"/> (lower case, unaccented) is one of the listed words of other languages.</summary>
    public static bool IsListed(string word) => English.ContainsKey(word);

    /// <summary><paramref name="text"/> with the listed words of other languages in English; the same string when it has none.</summary>
    public static string ToEnglish(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = Fold(text);
        var words = Words(folded);
        var result = new StringBuilder(folded.Length + 16);
        var copied = 0;
        for (var i = 0; i < words.Count;)
        {
            var matched = 0;
            string? english = null;
            for (var n = Math.Min(MaxPhraseWords, words.Count - i); n >= 1 && english is null; n--)
            {
                var phrase = Phrase(folded, words, i, n);
                if (English.TryGetValue(phrase, out english))
                {
                    matched = n;
                }
                else if (phrase.EndsWith("'s", StringComparison.Ordinal) && English.TryGetValue(phrase[..^2], out var owner))
                {
                    // An owner is read with what it owns: "lola's neck", "ma neck's been sair".
                    english = owner + "'s";
                    matched = n;
                }
            }

            if (english is null)
            {
                i++;
                continue;
            }

            result.Append(folded, copied, words[i].Start - copied).Append(english);
            copied = words[i + matched - 1].End;
            i += matched;
        }

        if (copied == 0)
        {
            return text;
        }

        result.Append(folded, copied, folded.Length - copied);
        return string.Join(' ', result.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Lower case without accents, so "héréditaire" and "hereditaire" read alike.</summary>
    /// <remarks>A table, not Unicode normalisation: the host runs with invariant globalization.</remarks>
    private static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (Unaccented.TryGetValue(c, out var plain))
            {
                folded.Append(plain);
            }
            else
            {
                folded.Append(c);
            }
        }

        return folded.ToString();
    }

    private static Dictionary<char, string> BuildUnaccented()
    {
        var table = new Dictionary<char, string> { ['ß'] = "ss", ['œ'] = "oe", ['æ'] = "ae", ['\u2019'] = "'", ['\u2018'] = "'" };
        foreach (var (plain, accented) in new[]
        {
            ("a", "àáâãäåāą"), ("c", "çćč"), ("e", "èéêëēęě"), ("i", "ìíîïī"), ("l", "ł"), ("n", "ñńň"), ("o", "òóôõöøō"),
            ("s", "śšş"), ("u", "ùúûüūů"), ("y", "ýÿ"), ("z", "źżž"),
        })
        {
            foreach (var c in accented)
            {
                table[c] = plain;
            }
        }

        return table;
    }

    /// <summary>The words of <paramref name="text"/>: runs of letters, with inner apostrophes and hyphens.</summary>
    private static List<(int Start, int End)> Words(string text)
    {
        var words = new List<(int, int)>();
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || ((text[i] is '\'' or '-') && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
            {
                i++;
            }

            words.Add((start, i));
        }

        return words;
    }

    private static string Phrase(string text, List<(int Start, int End)> words, int first, int count) =>
        string.Join(' ', Enumerable.Range(first, count).Select(k => text[words[k].Start..words[k].End]));

    private static Dictionary<string, string> Load()
    {
        const string Name = "DystoniaBot.Conversation.Language.foreign-words.txt";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Name)
            ?? throw new InvalidOperationException($"The resource {Name} is missing from the build.");
        using var reader = new StreamReader(stream);
        var english = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.TrimStart().StartsWith('#') || line.Trim().Length == 0)
            {
                continue;
            }

            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            var foreign = arrow < 0 ? string.Empty : string.Join(' ', Fold(line[..arrow]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (foreign.Length == 0 || foreign.Split(' ').Length > MaxPhraseWords || !english.TryAdd(foreign, line[(arrow + 2)..].Trim()))
            {
                throw new InvalidOperationException($"{Name}:{number}: expected 'words => english' (at most {MaxPhraseWords} words, each listed once).");
            }
        }

        return english;
    }
}
