namespace DystoniaBot.Conversation.Language;

/// <summary>
/// Whether a message in Latin letters is written mostly in words the bot does not read: neither English it knows nor
/// a language its lists read. The embedding model takes such words for pieces of English, and what its readers say of
/// them means nothing: "Vaikas nekvėpuoja, lūpos pamėlynavo" (a child not breathing, lips gone blue) is no greeting,
/// and "Ma jiraa daawo loogu talagalay dystonia?" (Somali) asks nothing the article answers in its words.
/// </summary>
public static class UnreadWords
{
    /// <summary>
    /// Whether more than three in five words of <paramref name="english"/> (the message as read in English) are words
    /// <paramref name="isKnown"/> does not know, and the lists of other languages read fewer than two words of
    /// <paramref name="text"/> (a message they partly read is in a language they know: its other words are read by
    /// what they do read). Words of one letter are not counted, and a message of one or two words is too short to tell ("uncontrollable blinking").
    /// </summary>
    public static bool AreMostOf(string text, string english, Func<string, bool> isKnown)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(isKnown);
        var (unread, words) = Count(english, isKnown);
        return words >= 3 && unread * 5 > words * 3 && ForeignWords.ListedWordCount(text) < 2;
    }

    /// <summary>How many words of <paramref name="text"/> <paramref name="isKnown"/> does not know, of how many.</summary>
    public static (int Unread, int Words) Count(string text, Func<string, bool> isKnown)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(isKnown);
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

            if (start >= 0 && i - start > 1)
            {
                var word = text[start..i].ToLowerInvariant().Replace('\u2019', '\'');
                var apostrophe = word.IndexOf('\'', StringComparison.Ordinal);
                words++;
                unread += isKnown(word) || (apostrophe > 0 && isKnown(word[..apostrophe])) ? 0 : 1;
            }

            start = -1;
        }

        return (unread, words);
    }
}
