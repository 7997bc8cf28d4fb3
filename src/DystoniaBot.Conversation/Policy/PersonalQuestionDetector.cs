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

    [GeneratedRegex(@"\bmy (little |baby |eldest |youngest |older |younger |elderly |late |\d+[- ]?(yr|year)s?[- ]?old )?(son|daughter|child|kid|boy|girl|baby|toddler|husband|wife|partner|mum|mom|mother|dad|father|brother|sister|grandma|grandmother|granny|nan|grandpa|grandfather|grandad|granddad|grandson|granddaughter|aunt|uncle|niece|nephew|cousin|friend|neighbour|neighbor|patient|client)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Relative();

    [GeneratedRegex(@"(?<!\b(do|does|did|could|might|may|would|can|will|if) (i|you|he|she|they|we|it) )\b(diagnos(ed|is)|(has|have|had|got|with) (got )?(a |an )?(focal |segmental |generalized |generalised |cervical |primary |secondary )?(dystonia|blepharospasm|torticollis)|(told|says?|said) (she|he|i|they|we) (has|have|had)|(my|his|her|their|our) (own )?(focal |cervical |segmental )?(dystonia|blepharospasm|torticollis))\b", RegexOptions.CultureInvariant)]
    private static partial Regex Diagnosed();

    private static readonly HashSet<string> Children = new(StringComparer.Ordinal) { "son", "daughter", "child", "kid", "boy", "girl", "baby", "toddler", "grandson", "granddaughter" };

    /// <summary>
    /// Whom a personal question is about (the asker, or a relative named as "my son", "my mother"…) and whether
    /// the message says they are diagnosed, so that the escalation speaks to them: a parent is told to see their
    /// child's doctor, someone diagnosed is not told a doctor must decide "whether it is dystonia".
    /// </summary>
    public static AskedAbout About(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = TextNormalizer.Normalize(text);
        var relative = Relative().Match(normalized);
        var relation = relative.Success ? relative.Groups[3].Value : null;
        return new AskedAbout(relation, relation is not null && Children.Contains(relation), Diagnosed().IsMatch(normalized));
    }

    /// <summary>Whether <paramref name="text"/> asks about the asker's own health.</summary>
    public static bool IsPersonal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = Framing().Replace(TextNormalizer.Normalize(text), " ");
        return FirstPerson().IsMatch(normalized);
    }
}

/// <summary>Whom a personal question is about.</summary>
/// <param name="Relation">The relative it is about ("son", "mother"), or null for the asker.</param>
/// <param name="IsChild">Whether that relative is a child.</param>
/// <param name="Diagnosed">Whether the message says the person has been diagnosed.</param>
public sealed record AskedAbout(string? Relation, bool IsChild, bool Diagnosed)
{
    /// <summary>The asker, not known to be diagnosed.</summary>
    public static AskedAbout Self { get; } = new(null, false, false);
}
