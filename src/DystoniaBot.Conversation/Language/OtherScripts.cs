namespace DystoniaBot.Conversation.Language;

/// <summary>
/// Whether a message is written mostly in a script the bot does not read (Cyrillic, Arabic, Devanagari, Han…) once
/// the words its lists know are read in English. The embedding model is English: over such words it sees unknown
/// tokens, and what its readers say of them means nothing ("Помогите! …" is no greeting).
/// </summary>
public static class OtherScripts
{
    /// <summary>Whether at least half the words of <paramref name="text"/> are written in a script other than Latin.</summary>
    public static bool AreMostOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = 0;
        var other = 0;
        foreach (var word in text.Split(' ', '\t', '\n', '\r'))
        {
            // Read on every message: the word's letters are looked at where they are, nothing is copied.
            var hasLetter = false;
            var inOtherScript = false;
            foreach (var c in word)
            {
                if (char.IsLetter(c))
                {
                    hasLetter = true;
                    inOtherScript |= !IsLatin(c);
                }
            }

            words += hasLetter ? 1 : 0;
            other += inOtherScript ? 1 : 0;
        }

        return words > 0 && other * 2 >= words;
    }

    // Basic Latin through Latin Extended-B, IPA, and Latin Extended Additional (Vietnamese).
    private static bool IsLatin(char c) => c <= '\u02AF' || c is >= '\u1E00' and <= '\u1EFF';
}
