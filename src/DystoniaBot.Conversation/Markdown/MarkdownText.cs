using System.Buffers;
using System.Text;

namespace DystoniaBot.Conversation.Markdown;

/// <summary>
/// Makes text safe inside Markdown: what a user typed, a staff answer or an article sentence shows as written, never as
/// formatting or links. Used by the policy when it quotes people and by the renderer when it quotes the article.
/// </summary>
public static class MarkdownText
{
    private static readonly SearchValues<char> MarkdownPunctuation = SearchValues.Create("\\`*_[]<>#|~");

    /// <summary>Escapes Markdown punctuation so user or article text shows as written.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = text.AsSpan().IndexOfAny(MarkdownPunctuation);
        if (first < 0)
        {
            // Most sentences have nothing to escape: they are returned as they are, without a copy.
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            if (MarkdownPunctuation.Contains(text[i]))
            {
                escaped.Append('\\');
            }

            escaped.Append(text[i]);
        }

        return escaped.ToString();
    }

    /// <summary>Escapes like <see cref="Escape"/> but keeps "- " list items as a list.</summary>
    public static string EscapeKeepingLists(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.AsSpan().ContainsAny(MarkdownPunctuation))
        {
            return text;
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = lines[i].StartsWith("- ", StringComparison.Ordinal) ? "- " + Escape(lines[i][2..]) : Escape(lines[i]);
        }

        return string.Join('\n', lines);
    }
}
