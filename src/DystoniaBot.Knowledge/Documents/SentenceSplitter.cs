namespace DystoniaBot.Knowledge.Documents;

/// <summary>Splits prose into sentences without breaking on common abbreviations or initials.</summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "etc", "vs", "dr", "mr", "mrs", "ms", "prof", "st", "no", "fig", "approx", "cf", "al",
    };

    /// <summary>Returns the sentence spans of <paramref name="text"/> starting at <paramref name="offset"/>.</summary>
    public static IReadOnlyList<SentenceSpan> Split(string text, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<SentenceSpan>();
        var start = SkipSpaces(text, 0);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('.' or '!' or '?'))
            {
                continue;
            }

            // A sentence ends at terminal punctuation (and any closing quotes) followed by a space and a new
            // sentence's first character.

            var end = i + 1;
            while (end < text.Length && text[end] is '"' or '\'' or '»' or '”' or ')' or '.' or '!' or '?')
            {
                end++;
            }

            if (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                continue;
            }

            var next = SkipSpaces(text, end);
            if (next < text.Length && !StartsSentence(text[next]))
            {
                continue;
            }

            if (c == '.' && IsAbbreviation(text, i))
            {
                continue;
            }

            Add(spans, text, start, end, offset);
            start = next;
            i = next - 1;
        }

        Add(spans, text, start, text.Length, offset);
        return spans;
    }

    private static bool StartsSentence(char c) =>
        char.IsUpper(c) || char.IsDigit(c) || c is '"' or '«' or '“' or '(' or '\'';

    private static bool IsAbbreviation(string text, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text[wordStart..dot];
        // A single capital before the dot is an initial ("J. Smith").
        return Abbreviations.Contains(word) || (word.Length == 1 && char.IsUpper(word[0]));
    }

    private static int SkipSpaces(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }

    private static void Add(List<SentenceSpan> spans, string text, int start, int end, int offset)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            spans.Add(new SentenceSpan(offset + start, end - start));
        }
    }
}
