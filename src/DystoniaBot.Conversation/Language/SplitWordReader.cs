using System.Text;
using DystoniaBot.Knowledge.Analysis;

namespace DystoniaBot.Conversation.Language;

/// <summary>
/// Reads a word that speech dictation heard as several ("dis tonia", "bo tox", "electro my a gram", "blefro spasm",
/// "m r i"), or that someone typed in syllables as it sounds ("blef-ro-spasm"), as the word of the vocabulary it
/// sounds like. Two to four neighbouring words are joined when at least one of them is no word of the vocabulary, and
/// the join sounds like a vocabulary word of five letters or more: the same once spelled as it sounds ("ph" as "f", a
/// soft "c" as "s", "y" as "i", "talks" as "tox"…), or one sound apart for words of seven letters or more, two for
/// words of eleven, always from the same first sound. Single letters spoken one by one are joined when they spell a
/// vocabulary word ("m r i"). Dictation splits the rare words it doesn't know, never a common one: common English
/// words are never what a join reads ("same thing" is no "something").
/// </summary>
/// <remarks>Immutable after construction and safe to share between threads.</remarks>
public sealed class SplitWordReader
{
    private const int MaxParts = 4;
    private const int MinWordLength = 5;

    private readonly ReadingVocabulary _vocabulary;

    // Vocabulary words by the length of their sound, so a join is compared only with words it could be.
    private readonly Dictionary<int, List<(string Word, string Sound, int Count)>> _bySoundLength = [];

    /// <summary>
    /// Reads split words as the words of <paramref name="vocabulary"/> that are not among
    /// <paramref name="commonWords"/>.
    /// </summary>
    public SplitWordReader(ReadingVocabulary vocabulary, IReadOnlySet<string>? commonWords = null)
    {
        _vocabulary = vocabulary ?? throw new ArgumentNullException(nameof(vocabulary));
        foreach (var (word, count) in vocabulary.Counts)
        {
            // A join reads as no common English word, nor as a word of another language the vocabulary holds ("an e m g"
            // is no Turkish "annem").
            if (word.Length < MinWordLength || !word.All(char.IsAsciiLetter) || (commonWords?.Contains(word) ?? false) || ForeignWords.IsListed(word))
            {
                continue;
            }

            var sound = Sound(word);
            if (!_bySoundLength.TryGetValue(sound.Length, out var words))
            {
                words = [];
                _bySoundLength.Add(sound.Length, words);
            }

            words.Add((word, sound, count));
        }
    }

    /// <summary><paramref name="text"/> with its split words joined; the same string when there are none.</summary>
    public string Join(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = ReadingVocabulary.Words(text).ToList();
        StringBuilder? joined = null;
        var copied = 0;
        for (var i = 0; i < words.Count; i++)
        {
            if (Read(text, words, i) is not { } read)
            {
                continue;
            }

            joined ??= new StringBuilder(text.Length);
            joined.Append(text, copied, words[i].Start - copied).Append(read.Word);
            copied = words[i + read.Parts - 1].End;
            i += read.Parts - 1;
        }

        return joined is null ? text : joined.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>The word the words from <paramref name="first"/> on were heard for, and how many they are; or null.</summary>
    private (string Word, int Parts)? Read(string text, List<(int Start, int End)> words, int first)
    {
        (string Word, int Parts, int Distance)? best = null;
        var pieces = new List<string>(MaxParts) { Piece(text, words[first]) };
        for (var parts = 2; parts <= MaxParts && first + parts <= words.Count; parts++)
        {
            var last = first + parts - 1;

            // One word said in pieces: pieces separated by one space, nothing else; or typed in syllables, as someone
            // spelling by sound writes a word they have only heard ("blef-ro-spasm", "elektro-myo-gram").
            if (words[last].Start - words[last - 1].End != 1 || text[words[last - 1].End] is not (' ' or '-'))
            {
                break;
            }

            pieces.Add(Piece(text, words[last]));
            var candidate = string.Concat(pieces);
            if (pieces.All(p => p.Length == 1))
            {
                // Letters spelled out: only exactly a word ("m r i").
                if (_vocabulary.Contains(candidate))
                {
                    best = (candidate, parts, 0);
                }

                continue;
            }

            // Two real words are what was said ("any more", "a gram"): a piece the vocabulary doesn't have says the
            // dictation heard something it didn't know.
            if (pieces.Any(p => p.Contains('\'', StringComparison.Ordinal)) || pieces.All(_vocabulary.Contains))
            {
                continue;
            }

            // A whole word of the vocabulary is no piece of the same word with an ending ("dystonia show up" is no
            // "dystonias"); it may be the start of a longer one ("spasm odic").
            if (Nearest(Spoken(pieces)) is { } found && (best is null || found.Distance <= best.Value.Distance)
                && !(pieces[0].Length >= MinWordLength && _vocabulary.Contains(pieces[0])
                    && found.Word.StartsWith(pieces[0], StringComparison.Ordinal) && found.Word.Length - pieces[0].Length <= 2))
            {
                best = (found.Word, parts, found.Distance);
            }
        }

        return best is { } read ? (read.Word, read.Parts) : null;
    }

    private static string Piece(string text, (int Start, int End) word) => text[word.Start..word.End].ToLowerInvariant();

    /// <summary>
    /// The pieces as one word is said: a piece's silent final "e" is no sound of the word ("this tone ya" is said
    /// "this-ton-ya", dystonia).
    /// </summary>
    private static string Spoken(List<string> pieces)
    {
        var spoken = new StringBuilder();
        for (var k = 0; k < pieces.Count; k++)
        {
            var piece = pieces[k];
            var silentE = k < pieces.Count - 1 && piece.Length >= 3 && piece[^1] == 'e' && !IsVowel(piece[^2]) && IsVowel(piece[^3]);
            spoken.Append(piece, 0, silentE ? piece.Length - 1 : piece.Length);
        }

        return spoken.ToString();
    }

    private (string Word, int Distance)? Nearest(string joined)
    {
        var sound = Sound(joined);
        (string Word, int Distance, int Count)? best = null;
        for (var length = sound.Length - 2; length <= sound.Length + 2; length++)
        {
            if (!_bySoundLength.TryGetValue(length, out var words))
            {
                continue;
            }

            foreach (var (word, wordSound, count) in words)
            {
                // A word heard wrong is rarely heard wrong from its first sound, save for its voicing ("this tonia").
                if (Voiceless(wordSound[0]) != Voiceless(sound[0]))
                {
                    continue;
                }

                var allowed = Allowed(word);
                var distance = SpellingCorrector.Distance(sound, wordSound, allowed);
                if (distance <= allowed && (best is null || distance < best.Value.Distance || (distance == best.Value.Distance && count > best.Value.Count)))
                {
                    best = (word, distance, count);
                }
            }
        }

        return best is { } found ? (found.Word, found.Distance) : null;
    }

    /// <summary>How many sounds a join may differ from a word by: none for short words, where near is often another word.</summary>
    private static int Allowed(string word) => word.Length switch
    {
        < 7 => 0,
        < 11 => 1,
        _ => 2,
    };

    /// <summary>
    /// A word spelled as it sounds, so that words heard alike compare alike: "blefro spasm" and "blepharospasm" are
    /// one sound apart, "bow talks" and "botox" none.
    /// </summary>
    internal static string Sound(string word)
    {
        var sound = new StringBuilder(word.Length + 2);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var next = i + 1 < word.Length ? word[i + 1] : '\0';
            var afterNext = i + 2 < word.Length ? word[i + 2] : '\0';
            switch (c)
            {
                case 'p' when next == 'h':
                    sound.Append('f');
                    i++;
                    continue;
                case 't' when next == 'h':
                case 'd' when next == 'h':
                    sound.Append('t');
                    i++;
                    continue;
                case 'c' when next == 'k':
                    sound.Append('k');
                    i++;
                    continue;
                case 'c':
                    sound.Append(next is 'e' or 'i' or 'y' ? 's' : 'k');
                    continue;
                case 'a' when next == 'l' && afterNext == 'k':
                    // "talk", "walk": the l is silent and the vowel an o.
                    sound.Append('o');
                    i++;
                    continue;
                case 'o' when next == 'w' && (afterNext == '\0' || !IsVowel(afterNext)):
                    sound.Append('o');
                    i++;
                    continue;
                case 'q':
                    sound.Append('k');
                    continue;
                case 'x':
                    sound.Append("ks");
                    continue;
                case 'z':
                    sound.Append('s');
                    continue;
                case 'y':
                    sound.Append('i');
                    continue;
                case 'h' when i > 0:
                    continue;
            }

            if (sound.Length == 0 || sound[^1] != c)
            {
                sound.Append(c);
            }
        }

        return sound.ToString();
    }

    private static char Voiceless(char c) => c switch
    {
        'b' => 'p',
        'd' => 't',
        'g' => 'k',
        'v' => 'f',
        _ => c,
    };

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
