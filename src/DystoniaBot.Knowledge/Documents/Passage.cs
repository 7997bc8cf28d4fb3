namespace DystoniaBot.Knowledge.Documents;

/// <summary>One paragraph of a document (a list stays with its lead-in), the unit the bot answers with.</summary>
/// <param name="Id">Stable id, <c>{documentId}#{ordinal}</c>.</param>
/// <param name="DocumentId">Id of the document it belongs to.</param>
/// <param name="Ordinal">1-based position in the document.</param>
/// <param name="Text">The passage text; list items are lines starting with <c>- </c>.</param>
/// <param name="Sentences">The sentences and list items, in order, as spans of <paramref name="Text"/>.</param>
public sealed record Passage(string Id, string DocumentId, int Ordinal, string Text, IReadOnlyList<SentenceSpan> Sentences)
{
    /// <summary>The text of sentence <paramref name="index"/>.</summary>
    public string SentenceText(int index) => Sentences[index].Of(Text);

    /// <summary>Makes the passage id for a document and ordinal.</summary>
    public static string MakeId(string documentId, int ordinal) => $"{documentId}#{ordinal}";
}

/// <summary>A sentence (or list item) inside a passage's text.</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">Number of characters.</param>
public readonly record struct SentenceSpan(int Start, int Length)
{
    /// <summary>The sentence's characters in <paramref name="text"/>.</summary>
    public string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Substring(Start, Length);
    }
}
