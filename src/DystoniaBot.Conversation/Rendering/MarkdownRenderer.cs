using System.Buffers;
using System.Text;
using DystoniaBot.Conversation.Policy;
using DystoniaBot.Knowledge.Documents;
using DystoniaBot.Knowledge.Search;

namespace DystoniaBot.Conversation.Rendering;

/// <summary>
/// Writes a reply as Markdown (CommonMark subset that Teams, Web Chat and terminals all show well): the passage with
/// its answering sentence in bold, the source as a link with publisher and licence, then the disclaimer.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly SearchValues<char> MarkdownPunctuation = SearchValues.Create("\\`*_[]<>#|~");

    /// <summary>The whole reply as Markdown.</summary>
    public static string Render(BotReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = new StringBuilder();
        if (reply.Kind == ReplyKind.Answer && reply.Answer is { } answer)
        {
            text.Append(Escape(reply.Text)).Append("\n\n");
            // "[1]" cites the source: Web Chat and Teams show it as a badge with the reference below (the citation
            // entity describes it); elsewhere it is an ordinary link.
            text.Append(Passage(answer)).Append(" [1]\n\n");
            text.Append(SourceLine(answer.Source)).Append("\n\n");
            text.Append('*').Append(Escape(reply.Disclaimer ?? string.Empty)).Append('*');
            if (reply.Alternatives.Count > 0)
            {
                text.Append("\n\nDid you mean:");
                foreach (var alternative in reply.Alternatives)
                {
                    text.Append("\n- ").Append(Escape(alternative.Passage.SentenceText(alternative.SentenceIndex)));
                }
            }

            text.Append("\n\n").Append(Reference(answer.Source));
        }
        else if (reply.Kind == ReplyKind.Handoff)
        {
            // The policy writes these steps in Markdown itself, with the user's words already escaped.
            text.Append(reply.Text);
            if (reply.Disclaimer is not null)
            {
                text.Append("\n\n*").Append(Escape(reply.Disclaimer)).Append('*');
            }
        }
        else
        {
            text.Append(EscapeKeepingLists(reply.Text));
            if (reply.Kind == ReplyKind.NoAnswer && reply.Disclaimer is not null)
            {
                text.Append("\n\n*").Append(Escape(reply.Disclaimer)).Append('*');
            }
        }

        return text.ToString();
    }

    /// <summary>The passage with the answering sentence in bold; list items stay a list.</summary>
    public static string Passage(SearchHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        var passage = hit.Passage;
        var span = passage.Sentences[hit.SentenceIndex];
        var before = passage.Text[..span.Start];
        var sentence = passage.Text.Substring(span.Start, span.Length);
        var after = passage.Text[(span.Start + span.Length)..];
        return EscapeKeepingLists(before) + "**" + Escape(sentence) + "**" + EscapeKeepingLists(after);
    }

    /// <summary>"Source: [title](url) — publisher, licence."</summary>
    public static string SourceLine(SourceInfo source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return $"Source: [{Escape(source.Title)}]({source.Url}) — {Escape(source.Publisher)}, {Escape(source.License)} licence.";
    }

    /// <summary>The Markdown reference definition of citation 1: <c>[1]: url "title — publisher"</c>.</summary>
    public static string Reference(SourceInfo source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return $"[1]: {source.Url} \"{(source.Title + " — " + source.Publisher).Replace("\"", "'", StringComparison.Ordinal)}\"";
    }

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
