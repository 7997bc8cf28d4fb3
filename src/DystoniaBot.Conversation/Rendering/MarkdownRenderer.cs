using System.Text;
using System.Text.RegularExpressions;
using DystoniaBot.Conversation.Markdown;
using DystoniaBot.Conversation.Policy;
using DystoniaBot.Knowledge.Documents;
using DystoniaBot.Knowledge.Search;

namespace DystoniaBot.Conversation.Rendering;

/// <summary>
/// Writes a reply as Markdown (CommonMark subset that Teams, Web Chat and terminals all show well): the passage with
/// its answering sentence in bold, the source as a link with publisher and licence, then the disclaimer.
/// </summary>
public static partial class MarkdownRenderer
{

    // A phone number the emergency replies ask to call or text ("Call 911", "call or text 988", "call 116 123").
    [GeneratedRegex(@"(?<=\b(?:[Cc]all|text) )\d{2,4}(?: \d{2,4}){0,2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex NumberToCall();

    /// <summary>
    /// The reply as a chat shows it, answer first: the sentence that answers, in the article's words, its citation and
    /// one line of disclaimer (the whole passage is one action away, and the citation names the source); a passage the
    /// user asked to read, and every other reply, as <see cref="Render"/> writes it.
    /// </summary>
    public static string RenderForChat(BotReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Kind != ReplyKind.Answer || reply.Answer is not { } answer)
        {
            return Render(reply);
        }

        if (reply.WholePassage)
        {
            // The citation under the passage names the source: a "Source:" line would show it twice.
            return RenderAnswer(reply, answer, withSourceLine: false);
        }

        // A lead that says something (see a neurologist about your own case; a curated answer's framing) stays first.
        var text = new StringBuilder();
        if (reply.Text != ReplyTexts.AnswerLead)
        {
            text.Append(MarkdownText.Escape(reply.Text)).Append("\n\n");
        }

        return text
            .Append("**").Append(MarkdownText.Escape(AnsweringSentence(answer))).Append("** [1]\n\n")
            .Append('*').Append(MarkdownText.Escape(reply.Disclaimer ?? string.Empty)).Append("*\n\n")
            .Append(Reference(answer.Source))
            .ToString();
    }

    /// <summary>
    /// The reply as a voice reads it: what the chat shows first, in plain words (no Markdown, no link addresses, no
    /// citation marks), so a listener hears the answer and the disclaimer, not punctuation.
    /// </summary>
    public static string Speech(BotReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Kind == ReplyKind.Answer && reply.Answer is { } answer && !reply.WholePassage)
        {
            var lead = reply.Text == ReplyTexts.AnswerLead ? string.Empty : reply.Text + " ";
            var sentence = AnsweringSentence(answer);
            return lead + sentence + (sentence.EndsWith('.') || sentence.EndsWith('?') || sentence.EndsWith('!') ? " " : ". ") + (reply.Disclaimer ?? string.Empty);
        }

        return reply.Kind == ReplyKind.Answer && reply.Answer is { } whole
            ? whole.Passage.Text.Replace("\n- ", ". ", StringComparison.Ordinal) + " " + (reply.Disclaimer ?? string.Empty)
            : SpokenMarkdown().Replace(reply.Text, "$1").Replace("**", string.Empty, StringComparison.Ordinal);
    }

    // A Markdown link read as its words.
    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex SpokenMarkdown();

    /// <summary>The sentence that answers, trimmed of a list item's dash and closing semicolon.</summary>
    public static string AnsweringSentence(SearchHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return hit.Passage.SentenceText(hit.SentenceIndex).Trim().TrimStart('-', '*', ' ').TrimEnd(';', ',', ' ');
    }

    /// <summary>Whether the passage says more than its answering sentence (so "Read the full paragraph" shows something new).</summary>
    public static bool SaysMoreThanTheSentence(SearchHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return hit.Passage.Sentences.Count > 1;
    }

    /// <summary>The whole reply as Markdown.</summary>
    public static string Render(BotReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Kind == ReplyKind.Answer && reply.Answer is { } answer)
        {
            return RenderAnswer(reply, answer, withSourceLine: true);
        }

        var text = new StringBuilder();
        if (reply.Kind == ReplyKind.Handoff)
        {
            // The policy writes these steps in Markdown itself, with the user's words already escaped.
            text.Append(reply.Text);
            if (reply.Disclaimer is not null)
            {
                text.Append("\n\n*").Append(MarkdownText.Escape(reply.Disclaimer)).Append('*');
            }
        }
        else if (reply.Kind == ReplyKind.Emergency)
        {
            // On a phone, the number to call is one tap away.
            text.Append(NumberToCall().Replace(MarkdownText.Escape(reply.Text), number => $"[{number.Value}](tel:{number.Value.Replace(" ", string.Empty, StringComparison.Ordinal)})"));
        }
        else
        {
            text.Append(MarkdownText.EscapeKeepingLists(reply.Text));
            if (reply.Kind == ReplyKind.NoAnswer && reply.Disclaimer is not null)
            {
                text.Append("\n\n*").Append(MarkdownText.Escape(reply.Disclaimer)).Append('*');
            }
        }

        return text.ToString();
    }

    private static string RenderAnswer(BotReply reply, SearchHit answer, bool withSourceLine)
    {
        var text = new StringBuilder();
        text.Append(MarkdownText.Escape(reply.Text)).Append("\n\n");
        // "[1]" cites the source: Web Chat and Teams show it as a badge with the reference below (the citation entity
        // describes it); elsewhere it is an ordinary link.
        text.Append(Passage(answer)).Append(" [1]\n\n");
        if (withSourceLine)
        {
            text.Append(SourceLine(answer.Source)).Append("\n\n");
        }

        text.Append('*').Append(MarkdownText.Escape(reply.Disclaimer ?? string.Empty)).Append('*');
        if (reply.Alternatives.Count > 0)
        {
            text.Append("\n\nDid you mean:");
            foreach (var alternative in reply.Alternatives)
            {
                text.Append("\n- ").Append(MarkdownText.Escape(alternative.Passage.SentenceText(alternative.SentenceIndex)));
            }
        }

        return text.Append("\n\n").Append(Reference(answer.Source)).ToString();
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
        return MarkdownText.EscapeKeepingLists(before) + "**" + MarkdownText.Escape(sentence) + "**" + MarkdownText.EscapeKeepingLists(after);
    }

    /// <summary>"Source: [title](url) — publisher, licence."</summary>
    public static string SourceLine(SourceInfo source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return $"Source: [{MarkdownText.Escape(source.Title)}]({source.Url}) — {MarkdownText.Escape(source.Publisher)}, {MarkdownText.Escape(source.License)} licence.";
    }

    /// <summary>The Markdown reference definition of citation 1: <c>[1]: url "title — publisher"</c>.</summary>
    public static string Reference(SourceInfo source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return $"[1]: {source.Url} \"{(source.Title + " — " + source.Publisher).Replace("\"", "'", StringComparison.Ordinal)}\"";
    }
}
