namespace DystoniaBot.Conversation.Language;

/// <summary>Whether a word (lower case) is one the bot reads.</summary>
public delegate bool WordTest(ReadOnlySpan<char> word);

/// <summary>
/// Whether a message in Latin letters is written mostly in words the bot does not read: neither English it knows nor
/// a language its lists read. The embedding model takes such words for pieces of English, and what its readers say of
/// them means nothing: "Vaikas nekvėpuoja, lūpos pamėlynavo" (a child not breathing, lips gone blue) is no greeting,
/// and "Ma jiraa daawo loogu talagalay dystonia?" (Somali) asks nothing the article answers in its words.
/// </summary>
public static class UnreadWords
{
    // Longer words are not English the bot knows: none of its lists has one.
    private const int LongestWord = 40;

    /// <summary>
    /// Whether more than three in five words of <paramref name="english"/> (the message as read in English) are words
    /// <paramref name="isKnown"/> does not know, or both of two are, and the lists of other languages read fewer than
    /// two words of <paramref name="text"/> (a message they partly read is in a language they know: its other words
    /// are read by what they do read). Not counted: words of one letter, letters run into digits ("10mg", "2nd"), and
    /// a capitalised word that does not open the message (a name: "hiya im Aoife"). A message of one word may be a
    /// name, and "uncontrollable blinking" is English: too little to tell.
    /// </summary>
    public static bool AreMostOf(string text, string english, WordTest isKnown)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(isKnown);
        var (unread, words) = Count(english, isKnown);
        var mostlyUnread = (words >= 3 && unread * 5 > words * 3) || (words == 2 && unread == 2);
        return mostlyUnread && ForeignWords.ListedWordCount(text) < 2;
    }

    /// <summary>How many words of <paramref name="text"/> <paramref name="isKnown"/> does not know, of how many counted.</summary>
    public static (int Unread, int Words) Count(string text, WordTest isKnown)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(isKnown);
        Span<char> lower = stackalloc char[LongestWord];
        var words = 0;
        var unread = 0;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            // An apostrophe inside a word belongs to it ("can't", "mother's").
            var inWord = i < text.Length && (char.IsLetter(text[i])
                || (start >= 0 && text[i] is '\'' or '\u2019' && i + 1 < text.Length && char.IsLetter(text[i + 1])));
            if (inWord)
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0 && i - start > 1 && Counted(text, start, i))
            {
                words++;
                var word = text.AsSpan(start, i - start);
                var known = word.Length <= LongestWord && IsKnown(word, lower[..word.Length], isKnown);
                unread += known ? 0 : 1;
            }

            start = -1;
        }

        return (unread, words);
    }

    // Not a word of its own: letters run into digits, or a name (capitalised, not opening the message or a sentence).
    private static bool Counted(string text, int start, int end)
    {
        if ((start > 0 && char.IsDigit(text[start - 1])) || (end < text.Length && char.IsDigit(text[end])))
        {
            return false;
        }

        if (!char.IsUpper(text[start]) || !char.IsLower(text[end - 1]))
        {
            return true;
        }

        var before = text.AsSpan(0, start).TrimEnd();
        return before.Length == 0 || before[^1] is '.' or '!' or '?' or '\n';
    }

    private static bool IsKnown(ReadOnlySpan<char> word, Span<char> lower, WordTest isKnown)
    {
        word.ToLowerInvariant(lower);
        for (var k = 0; k < lower.Length; k++)
        {
            lower[k] = lower[k] == '\u2019' ? '\'' : lower[k];
        }

        var apostrophe = lower.IndexOf('\'');
        return isKnown(lower) || (apostrophe > 0 && isKnown(lower[..apostrophe]));
    }
}
