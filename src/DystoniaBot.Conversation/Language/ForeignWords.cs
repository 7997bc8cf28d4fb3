using System.Reflection;
using System.Text;

namespace DystoniaBot.Conversation.Language;

/// <summary>
/// Reads the words of other languages people mix into an English question, or write a whole message in, as the
/// English the search and the red-flag rules understand ("distonia es hereditaria? my abuela had it" → "dystonia is
/// hereditary? my grandmother had it"; "mi hijo no respira" → "my son isn't breathing"), from
/// <c>Language/foreign-words.txt</c> and one list a language in <c>Language/Languages/</c>. Text with none of them is
/// returned as it is.
/// </summary>
public static class ForeignWords
{
    /// <summary>The names of the lists of one language each (their resources' names start with it).</summary>
    public const string OneLanguageLists = "DystoniaBot.Conversation.Language.Languages.";

    /// <summary>Longest phrase of the list, in words.</summary>
    private const int MaxPhraseWords = 4;

    // Before the list, which is folded as it loads.
    private static readonly Dictionary<char, string> Unaccented = BuildUnaccented();

    private static readonly Dictionary<string, string> English = Load();

    // Chinese, Japanese and Thai put no space between words: their entries are found anywhere in the text, longest first.
    private static readonly KeyValuePair<string, string>[] Unspaced =
        [.. English.Where(e => e.Key.Any(IsUnspacedScript)).OrderByDescending(e => e.Key.Length).ThenBy(e => e.Key, StringComparer.Ordinal)];

    /// <summary>Whether <paramref name="word"/> (lower case, unaccented) is one of the listed words of other languages.</summary>
    public static bool IsListed(string word) => English.ContainsKey(word);

    /// <summary><paramref name="text"/> with the listed words of other languages in English; the same string when it has none.</summary>
    public static string ToEnglish(string text) => Read(text, out _);

    /// <summary>
    /// How many words of <paramref name="text"/> the lists read in English, leaving out the condition's own name and
    /// any phrase of under four letters: the name is spelled alike in many languages ("distoni", "dystonie"), and short
    /// words are other languages' too ("su", "ne", "pa"), so neither tells the language a message is written in.
    /// </summary>
    public static int ListedWordCount(string text)
    {
        Read(text, out var wordsRead);
        return wordsRead;
    }

    private static string Read(string text, out int wordsRead)
    {
        ArgumentNullException.ThrowIfNull(text);
        wordsRead = 0;
        var folded = Fold(text);
        var unspacedRead = false;
        if (Unspaced.Length > 0 && folded.Any(IsUnspacedScript))
        {
            foreach (var (foreign, english) in Unspaced)
            {
                if (folded.Contains(foreign, StringComparison.Ordinal))
                {
                    folded = folded.Replace(foreign, " " + english + " ", StringComparison.Ordinal);
                    unspacedRead = true;
                    wordsRead += english.Contains("dystonia", StringComparison.Ordinal) ? 0 : 1;
                }
            }
        }

        var words = Words(folded);
        var result = new StringBuilder(folded.Length + 16);
        var copied = 0;
        for (var i = 0; i < words.Count;)
        {
            var matched = 0;
            string? english = null;
            for (var n = Math.Min(MaxPhraseWords, words.Count - i); n >= 1 && english is null; n--)
            {
                if (!JoinedBySpaces(folded, words, i, n))
                {
                    continue;
                }

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
                else if (n == 1 && WithoutKoreanParticle(phrase) is { } stem && English.TryGetValue(stem, out var noun))
                {
                    // Korean attaches its particles to the noun ("근긴장이상증에", "보톡스를"): a listed noun is read
                    // whichever follows it.
                    english = noun;
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
            wordsRead += english.Contains("dystonia", StringComparison.Ordinal) || words[i + matched - 1].End - words[i].Start < 4 ? 0 : matched;
            i += matched;
        }

        if (copied == 0 && !unspacedRead)
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
        var lower = text.ToLowerInvariant();
        for (var i = 0; i < lower.Length; i++)
        {
            var c = lower[i];
            if (c == '"' && i > 0 && i + 1 < lower.Length && IsHebrewLetter(lower[i - 1]) && IsHebrewLetter(lower[i + 1]))
            {
                // A Hebrew abbreviation's gershayim typed as a double quote: "מד"א" is one word, "מדא".
                continue;
            }

            if (c == ';' && i > 0 && IsGreekLetter(lower[i - 1]))
            {
                // Greek ends a question with a semicolon ("Τι είναι η δυστονία;").
                folded.Append('?');
                continue;
            }

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

    private static bool IsHebrewLetter(char c) => c is >= '\u05D0' and <= '\u05EA';

    private static bool IsGreekLetter(char c) => c is >= '\u0386' and <= '\u03FF';

    private static Dictionary<char, string> BuildUnaccented()
    {
        var table = new Dictionary<char, string> { ['ß'] = "ss", ['œ'] = "oe", ['æ'] = "ae", ['\u2019'] = "'", ['\u2018'] = "'" };
        foreach (var (plain, accented) in new[]
        {
            // Latin letters of Western and Central Europe, Romanian, Turkish, Icelandic and Vietnamese (with its tones).
            ("a", "àáâãäåāąăạảấầẩẫậắằẳẵặ"), ("c", "çćč"), ("d", "ďđð"), ("e", "èéêëēęěẹẻẽếềểễệ"), ("g", "ğ"),
            ("i", "ìíîïīıĩỉị"), ("l", "ł"), ("n", "ñńň"), ("o", "òóôõöøōőơọỏốồổỗộớờởỡợ"), ("r", "ř"), ("s", "śšşș"),
            ("t", "ťţț"), ("u", "ùúûüūůűũưụủứừửữự"), ("y", "ýÿỳỵỷỹ"), ("z", "źżž"),
            // Greek is typed with or without its accents, and in capitals, whose lower case has no final sigma ("ΠΟΝΟΣ"
            // as "πονοσ", "πόνος" as "πονοσ"); its question mark (";", see Fold) is "?". Russian "ё" often as "е".
            ("α", "ά"), ("ε", "έ"), ("η", "ή"), ("ι", "ίϊΐ"), ("ο", "ό"), ("υ", "ύϋΰ"), ("ω", "ώ"), ("σ", "ς"), ("?", "\u037E"),
            ("е", "ё"),
            // Arabic script as phones type it: alef with or without hamza, the Arabic and Persian "ya" and "kaf" keys,
            // a final "ta marbuta" written as "ha".
            ("\u0627", "\u0623\u0625\u0622"), ("\u06CC", "\u064A\u0649"), ("\u06A9", "\u0643"), ("\u0647", "\u0629"),
            // Joiners inside a word are typed or not (Persian "نمی‌تونه" and "نمیتونه", Sinhala conjuncts).
            ("", "\u200C\u200D"),
            // Turkish "İ" lower-cased by some keyboards and libraries as "i" with a combining dot ("İmdat", "İlaç").
            ("", "\u0307"),
            // Ethiopic punctuation as the English rules read it: the old word space, full stop, comma, semicolon, colons
            // and question mark ("መተንፈስ፡አልቻለም።").
            (" ", "\u1361"), (".", "\u1362"), (",", "\u1363"), (";", "\u1364"), (":", "\u1365\u1366"), ("?", "\u1367"),
            // The full stop of Devanagari (Hindi, Nepali), single and double.
            (".", "\u0964\u0965"),
            // Igbo and Yoruba: the dotted n ("ṅụ", "ṅụrụ"), and tone marks and dots typed as combining marks after the
            // letter ("ọ̀", "ị́"), read as the plain letter.
            ("n", "\u1E45\u01F9"), ("m", "\u1E3F"), ("", "\u0300\u0301\u0304\u0323"),
            // Hebrew is typed without vowel points; when they are typed they are dropped ("שָׁלוֹם", "שלום"), the maqaf
            // joins words as a space does ("בית־חולים") and the gershayim of an abbreviation is dropped ("מד״א" as
            // "מדא"); the geresh is an apostrophe ("ג׳ל").
            (" ", "\u05BE"), ("", "\u05F4"), ("'", "\u05F3"),
        })
        {
            foreach (var c in accented)
            {
                table[c] = plain;
            }
        }

        // Amharic writes one sound with several letters, and people choose among them freely ("ሐኪም", "ሀኪም", "ሃኪም"
        // doctor; "ዓይን", "አይን" eye; "ፀሐይ", "ጸሀይ"; "ሠላም", "ሰላም"): each order (vowel) of the h letters ሐ and ኀ is
        // read as ሀ's, of ሠ as ሰ's, of ዐ as አ's and of ፀ as ጸ's, and the fourth order of h and of the glottal letter
        // ("ሃ", "ኣ"), which sounds as the first, as the first.
        foreach (var (plain, accented) in new[] { ('\u1200', '\u1210'), ('\u1200', '\u1280'), ('\u1230', '\u1220'), ('\u12A0', '\u12D0'), ('\u1338', '\u1340') })
        {
            for (var order = 0; order < 7; order++)
            {
                table[(char)(accented + order)] = ((char)(plain + order)).ToString();
            }
        }

        foreach (var fourth in "\u1203\u1213\u1283")
        {
            table[fourth] = "\u1200";
        }

        foreach (var fourth in "\u12A3\u12D3")
        {
            table[fourth] = "\u12A0";
        }

        // Hebrew vowel points and cantillation marks, dropped (the punctuation among them, maqaf included, is not).
        for (var point = '\u0591'; point <= '\u05C7'; point++)
        {
            if (point is not ('\u05BE' or '\u05C0' or '\u05C3' or '\u05C6'))
            {
                table[point] = string.Empty;
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
            while (i < text.Length && (InWord(text[i]) || ((text[i] is '\'' or '-') && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
            {
                i++;
            }

            words.Add((start, i));
        }

        return words;
    }

    /// <summary>
    /// A letter, or a vowel sign inside a word: Devanagari, Bengali, Tamil and Sinhala write vowels as marks
    /// after a letter ("साँस", "හුස්ම"), which are no letters to .NET.
    /// </summary>
    private static bool InWord(char c) => char.IsLetter(c)
        || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark;

    // The particles that follow a Korean noun, longest first (a word is tried without one only when it is not listed).
    private static readonly string[] KoreanParticles = ["에게서", "에서는", "으로는", "에게", "에서", "으로", "이랑", "한테", "까지", "부터", "처럼", "에는", "에도", "이나", "에", "이", "가", "은", "는", "을", "를", "의", "도", "로", "와", "과", "랑", "만", "나"];

    private static string? WithoutKoreanParticle(string word)
    {
        if (word.Length < 3 || word[^1] is < '가' or > '힣')
        {
            return null;
        }

        foreach (var particle in KoreanParticles)
        {
            if (word.Length > particle.Length + 1 && word.EndsWith(particle, StringComparison.Ordinal))
            {
                return word[..^particle.Length];
            }
        }

        return null;
    }

    /// <summary>Han, kana and Thai: scripts written without spaces between words.</summary>
    private static bool IsUnspacedScript(char c) => c is (>= '\u0E00' and <= '\u0E7F') or (>= '\u3040' and <= '\u30FF')
        or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF');

    // A phrase's words follow one another: "No. Respira bien" is two sentences, not "no respira".
    private static bool JoinedBySpaces(string text, List<(int Start, int End)> words, int first, int count)
    {
        for (var k = first; k < first + count - 1; k++)
        {
            for (var c = words[k].End; c < words[k + 1].Start; c++)
            {
                if (!char.IsWhiteSpace(text[c]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static string Phrase(string text, List<(int Start, int End)> words, int first, int count) =>
        string.Join(' ', Enumerable.Range(first, count).Select(k => text[words[k].Start..words[k].End]));

    private static Dictionary<string, string> Load()
    {
        const string Mixed = "DystoniaBot.Conversation.Language.foreign-words.txt";
        var assembly = Assembly.GetExecutingAssembly();
        var english = new Dictionary<string, string>(StringComparer.Ordinal);
        var listedIn = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(OneLanguageLists, StringComparison.Ordinal)).Order(StringComparer.Ordinal).Prepend(Mixed);
        foreach (var name in names)
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The resource {name} is missing from the build.");
            using var reader = new StreamReader(stream);
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
                var meaning = arrow < 0 ? string.Empty : line[(arrow + 2)..].Trim(); // empty: a word read as nothing ("bhai")
                if (foreign.Length == 0 || foreign.Split(' ').Length > MaxPhraseWords)
                {
                    throw new InvalidOperationException($"{name}:{number}: expected 'words => english' (at most {MaxPhraseWords} words).");
                }

                // Two spellings that fold alike ("respiră", "respira"), or two languages' words, are one entry only when
                // they mean the same ("tablete", "ambulancia").
                if (english.TryGetValue(foreign, out var earlier))
                {
                    if (earlier != meaning)
                    {
                        throw new InvalidOperationException($"{name}:{number}: '{foreign}' is '{earlier}' in {listedIn[foreign]}: one word, one meaning.");
                    }

                    continue;
                }

                english.Add(foreign, meaning);
                listedIn.Add(foreign, name);
            }
        }

        return english;
    }
}
