using System.Text.RegularExpressions;

namespace DystoniaBot.Conversation.Policy;

/// <summary>
/// Tells whether a question is about the asker's own (or a relative's) symptoms, diagnosis or treatment, which
/// the bot must send to a neurologist. Phrases that only frame a question ("I'd like to know…", "can you tell
/// me…") don't make it personal.
/// </summary>
public static partial class PersonalQuestionDetector
{
    [GeneratedRegex(@"\b(i('d| would)? (like|want|wanted|need) to (know|ask|understand|find out)|i (was|am|'m) (wondering|curious)|i wonder|i have (a|another|one more|some) questions?|i('ve| have)? (heard|read|seen)|can (i|you) (ask|tell me)|could you (tell|explain to) me|tell me|let me know|help me understand|explain to me|show me|give me)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Framing();

    [GeneratedRegex(@"\b(i|i'm|im|i've|ive|i'd|me|my|myself|mine)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FirstPerson();

    /// <summary>Whether <paramref name="text"/> asks about the asker's own health.</summary>
    public static bool IsPersonal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = Framing().Replace(TextNormalizer.Normalize(text), " ");
        return FirstPerson().IsMatch(normalized);
    }
}
