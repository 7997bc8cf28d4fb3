using System.Text.RegularExpressions;

namespace DystoniaBot.Conversation.Language;

/// <summary>
/// Reads punctuation that speech dictation wrote out as words ("what is an emg full stop is it painful question
/// mark") as the marks it stands for, so the words don't drown the question and sentences end where the speaker ended
/// them. Said after "a" or "the" ("a full stop", "the question mark over it") the words are meant as words.
/// </summary>
public static partial class DictatedPunctuation
{
    /// <summary><paramref name="text"/> with dictated punctuation read as marks; the same string when there is none.</summary>
    public static string Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Replace gives back the same string when nothing matches.
        return Spoken().Replace(text, static m => Mark(m.Groups["word"].Value));
    }

    private static string Mark(string spoken) => spoken.ToLowerInvariant() switch
    {
        "question mark" => "?",
        "exclamation mark" or "exclamation point" => "!",
        "comma" => ",",
        "new line" or "new paragraph" => "\n",
        _ => ".",
    };

    // The space before the word goes with it ("stop full stop" → "stop."); "comma" after "a" or "in a" is more likely
    // a misspelt coma than punctuation, and is left for the rules to read.
    [GeneratedRegex(@"(?<!\b(a|an|the|this|that|my|his|her) *) *\b(?<word>full stop|question mark|exclamation (mark|point)|comma|new (line|paragraph))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Spoken();
}
