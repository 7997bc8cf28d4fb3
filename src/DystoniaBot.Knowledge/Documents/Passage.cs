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

    /// <summary>The id of a document's credit passage (see <see cref="Credit"/>).</summary>
    public static string CreditId(string documentId) => $"{documentId}#credit";

    /// <summary>
    /// The document's credit line as a passage: what the article's own page says of where it comes from and how it may
    /// be reused, quoted to whoever asks ("who wrote this?", "can I copy it into our newsletter?"). It is never searched:
    /// it answers those questions only. Ordinal 0, before the article's first paragraph.
    /// </summary>
    public static Passage Credit(string documentId, SourceInfo source)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        ArgumentNullException.ThrowIfNull(source);
        return new Passage(CreditId(documentId), documentId, 0, source.Attribution, SentenceSplitter.Split(source.Attribution));
    }

    /// <summary>The id of a document's publisher passage (see <see cref="AboutPublisher"/>).</summary>
    public static string PublisherId(string documentId) => $"{documentId}#publisher";

    /// <summary>
    /// What the publisher says about itself, then the credit line, as a passage: quoted to whoever asks who the
    /// publisher is ("is CCM a medical website?"). Null when the page says nothing about its publisher. Never searched.
    /// </summary>
    public static Passage? AboutPublisher(string documentId, SourceInfo source)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        ArgumentNullException.ThrowIfNull(source);
        if (source.PublisherAbout is not { } about)
        {
            return null;
        }

        var text = about + " " + source.Attribution;
        return new Passage(PublisherId(documentId), documentId, 0, text, SentenceSplitter.Split(text));
    }
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
