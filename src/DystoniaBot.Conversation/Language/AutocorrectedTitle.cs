using System.Text.RegularExpressions;

namespace DystoniaBot.Conversation.Language;

/// <summary>
/// The words a phone's autocorrect puts for "dystonia" ("dystopia meaning medical", "dynasty symptoms in neck"), read
/// as "dystonia" when the message speaks of health, the body or heredity ("does dystopia run in families"); "a good dystopian novel" or "the Ming dynasty" are
/// left as they are, and so is any message that also says "dystonia".
/// </summary>
internal static partial class AutocorrectedTitle
{
    [GeneratedRegex(@"\b(dystopia|dystopias|dynasty)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Substitute();

    [GeneratedRegex(@"\b(medical|medicine|health|symptoms?|signs?|muscles?|muscular|neck|spasms?|cramp\w*|twitch\w*|eyes?|eyelids?|hands?|arms?|legs?|feet|foot|jaw|doctors?|docs?|dr|gp|nurses?|physio\w*|clinic|hospital|consultant|specialist|neuro\w*|diagnos\w*|condition|disease|disorder|illness|treat\w*|cure|botox|bot ox|injections?|pills?|tablets?|meds|medication|pain\w*|tremor|shak\w*|autocorrect(ed)?|spell\w*|hereditary|genetic|genes?|inherit\w*|run(s)? in (the )?famil(y|ies)|passed down)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpeaksOfHealth();

    /// <summary><paramref name="text"/> with autocorrect's word for "dystonia" read back; the same string when there is none.</summary>
    public static string Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Substitute().IsMatch(text) && SpeaksOfHealth().IsMatch(text) && !text.Contains("dystonia", StringComparison.OrdinalIgnoreCase)
            ? Substitute().Replace(text, "dystonia")
            : text;
    }
}
