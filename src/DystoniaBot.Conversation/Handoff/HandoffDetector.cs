using System.Text.RegularExpressions;

namespace DystoniaBot.Conversation.Handoff;

/// <summary>What a message says about forwarding a question to health-line staff.</summary>
public enum HandoffIntent
{
    /// <summary>Nothing about it.</summary>
    None,

    /// <summary>"I'd like to ask a specialist", "Ask a question", "talk to a person".</summary>
    Ask,

    /// <summary>"my questions": the status of the questions already sent.</summary>
    MyQuestions,

    /// <summary>"Send it", "yes" — to a question waiting for consent.</summary>
    Consent,

    /// <summary>"Edit" — to a question waiting for consent.</summary>
    Edit,

    /// <summary>"Cancel", "no" — to a question waiting for consent.</summary>
    Cancel,
}

/// <summary>Recognises requests about the "Ask a question" flow in the user's words (English).</summary>
public static partial class HandoffDetector
{
    /// <summary>The words of the buttons the bot offers, which come back as the user's text.</summary>
    public const string AskButton = "Ask a question";

    /// <summary>Consent button.</summary>
    public const string SendButton = "Send it";

    /// <summary>Edit button.</summary>
    public const string EditButton = "Edit";

    /// <summary>Cancel button.</summary>
    public const string CancelButton = "Cancel";

    /// <summary>Status button.</summary>
    public const string MyQuestionsButton = "My questions";

    [GeneratedRegex(@"^(please )?(ask a question|(i'?d like to|i would like to|i want to|can i|could i|may i|let me|i need to|please let me)? ?(ask|talk to|speak to|speak with|talk with|contact|write to|reach) (a |an |the |some )?(real |actual )?(specialist|expert|nurse|doctor|person|human|someone|somebody|staff|health ?line|health-line|helpline|help line)( staff| team| member| person)?|forward (it|this|that|my question)( to (the )?(staff|health ?line|health-line|a specialist|someone))?|send (my|this|that|the) question to (the )?(staff|health ?line|health-line|a specialist|someone))\b", RegexOptions.CultureInvariant)]
    private static partial Regex Ask();

    [GeneratedRegex(@"^((show|list|see|check|view) (me )?)?my (questions|tickets|question|ticket)( status)?$|^(what'?s the |what is the )?status of my (question|ticket)s?$|^(has|did) (anyone|someone|the staff|staff|they) (answer|answered|reply|replied)( to)?( my question)?$", RegexOptions.CultureInvariant)]
    private static partial Regex MyQuestions();

    [GeneratedRegex(@"^(send|send it|yes|yes please|yes,? send it|ok|okay|sure|please send( it)?|go ahead|confirm|yes,? please send it)$", RegexOptions.CultureInvariant)]
    private static partial Regex Consent();

    [GeneratedRegex(@"^(edit|edit it|change it|change (the|my) question|let me (edit|change|rewrite) it|rewrite it)$", RegexOptions.CultureInvariant)]
    private static partial Regex Edit();

    [GeneratedRegex(@"^(cancel|cancel it|no|no thanks|no thank you|don'?t send( it)?|do not send( it)?|never ?mind|stop|forget it)$", RegexOptions.CultureInvariant)]
    private static partial Regex Cancel();

    /// <summary>The intent of <paramref name="text"/>; consent, edit and cancel only count when a question waits for them.</summary>
    public static HandoffIntent Detect(string text, bool awaitingConsent)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = TextNormalizer.Normalize(text).Trim().TrimEnd('.', '!', '?', ' ');
        if (awaitingConsent)
        {
            if (Consent().IsMatch(normalized))
            {
                return HandoffIntent.Consent;
            }

            if (Edit().IsMatch(normalized))
            {
                return HandoffIntent.Edit;
            }

            if (Cancel().IsMatch(normalized))
            {
                return HandoffIntent.Cancel;
            }
        }

        return MyQuestions().IsMatch(normalized) ? HandoffIntent.MyQuestions
            : Ask().IsMatch(normalized) ? HandoffIntent.Ask
            : HandoffIntent.None;
    }

    /// <summary>The question after "ask a specialist:" or "ask a nurse whether…", if the request carries one.</summary>
    public static string? InlineQuestion(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0 && text.Length - colon > 8)
        {
            return text[(colon + 1)..].Trim();
        }

        // "ask a nurse whether botox wears off": what follows the request is the question.
        var normalized = TextNormalizer.Normalize(text);
        var match = Ask().Match(normalized);
        var source = normalized.Length == text.Trim().Length ? text.Trim() : normalized;
        var rest = match.Success ? source[match.Length..].Trim(' ', ',', '-', '\u2014', ':') : string.Empty;
        return rest.Length > 8 ? rest : null;
    }
}
