using System.Text.RegularExpressions;
using DystoniaBot.Conversation.Safety;

namespace DystoniaBot.Conversation.Policy;

/// <summary>
/// Tells whether a question is about the asker's own (or a relative's) symptoms, diagnosis or treatment, which
/// the bot must send to a neurologist. Phrases that only frame a question ("I'd like to know…", "can you tell
/// me…") don't make it personal.
/// </summary>
public static partial class PersonalQuestionDetector
{
    [GeneratedRegex(@"\b(i('d| would)? (like|want|wanted|need) to (know|ask|understand|find out)|i (was|am|'m) (wondering|curious)|i wonder|i have (a|another|one more|some) questions?|i('ve| have)? (heard|read|seen)|can (i|you) (ask|tell me)|could you (tell|explain to) me|tell me|let me know|help me understand|explain to me|show me|give me|((it's|its|it is|this is|that's|thats) )?for (my|a|our) ((first[- ]aid|nursing|pharmacy|biology|school|uni|university|support group) )?(" + RedFlagDetector.StudyWork + @")|i('m| am|m) (writing|making|preparing) (a|an|our) (leaflet|poster|guide|talk|presentation|essay)( for (my|our|the|a) [a-z]+( [a-z]+)?)?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Framing();

    [GeneratedRegex(@"\b(i|i'm|im|i've|ive|i'd|me|my|myself|mine|we|we're|we've|our|us|ourselves)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FirstPerson();

    // A pharmacist's "a regular asks if botox would sort her out, is she a good candidate", a teacher's "will he grow
    // out of it", a nurse's "wants to double her tablets, is that ok for her": a question about one person, named only
    // as he or she, is about that person's health.
    [GeneratedRegex(@"\b(he|she|he's|she's|hes|shes|he'll|she'll|he'd|she'd|(?<=\b(for|to) )(him|her)(?=\s*([?.!,]|$|to\b|now\b|too\b)))\b", RegexOptions.CultureInvariant)]
    private static partial Regex SomeoneNamedAsHeOrShe();

    // Whom staff, teachers and carers write about: "a pupil in my class has dystonia, will he grow out of it" is not
    // about the writer, though it says "my".
    [GeneratedRegex(@"\b(pupil|student|learner|customer|client|patient|resident|service user|colleague|co-?worker|employee|regular|claimant|player|teammate|lad|lass)s?\b", RegexOptions.CultureInvariant)]
    private static partial Regex SomeoneInTheWritersCare();

    [GeneratedRegex(@"\bmy (little |baby |eldest |youngest |older |younger |elderly |late |\d+[- ]?(yr|year)s?[- ]?old )?(" + RelativeWords + @")\b", RegexOptions.CultureInvariant)]
    private static partial Regex Relative();

    private const string RelativeWords = "son|daughter|child|kid|boy|girl|baby|toddler|husband|wife|partner|mum|mom|mother|dad|father|brother|sister|grandma|grandmother|granny|gran|nan|nana|grandpa|grandfather|grandad|granddad|grandson|granddaughter|stepdad|stepmum|stepmom|stepson|stepdaughter|aunt|aunty|auntie|uncle|niece|nephew|cousin|friend|neighbour|neighbor|patient|client|mama|momma|mamma|mammy|daddy|pappy|papa";

    // "My regular said her sister has dystonia and her hand curls": a relative of someone else is someone else.
    [GeneratedRegex(@"\b(his|her|their) (" + RelativeWords + @")\b", RegexOptions.CultureInvariant)]
    private static partial Regex OthersRelative();

    // "Mama's neck is drawing over, reckon she ought to get the shots?": a parent named without "my" is the writer's
    // own when the name owns something ("mama's neck", "daddys hand") or opens a clause ("mum has been twisting");
    // elsewhere it is anyone's ("passed from mum to baby", "a single mom").
    [GeneratedRegex(@"(?<!\b(my|your|his|her|their|our|the|a|an|me|every|any|some|no|new|single|young|first|from|to|for|with|of|by|like|as) )(\b(?<parent>mum|mom|dad|grandma|grandpa)'s\b|\b(?<parent>mama|momma|mamma|mammy|daddy|pappy|papa|granny)'?s\b|(?<=^\W*|[.!?,;:]\s{0,3}|\b(and|but|so|because|cos|coz)\s)(?<parent>mum|mom|dad|mama|momma|mamma|mammy|daddy|pappy|papa|granny|grandma|grandpa)\b(?! (and|or) ))", RegexOptions.CultureInvariant)]
    private static partial Regex OwnParent();

    private static string WithOwnFamily(string normalized) => OwnParent().Replace(normalized, static m => "my " + m.Groups["parent"].Value);

    [GeneratedRegex(@"(?<!\b(do|does|did|could|might|may|would|can|will|if) (i|you|he|she|they|we|it) )\b(diagnos(ed|is)|(has|have|had|got|with) (got )?(a |an )?(focal |segmental |generalized |generalised |cervical |primary |secondary )?(dystonia|blepharospasm|torticollis)|(told|says?|said) (she|he|i|they|we|(my|our) \w+) (has|have|had)|(got |was |were |been )?told (hers|his|theirs|mine) (is|was)|(doctor|neurologist|specialist|consultant|gp|nurse)s? (said|says|called it|confirmed|wrote)( (it|that)( is|'s| was))? (dystonia|blepharospasm|torticollis)|(wrote|written|put) (dystonia|blepharospasm|torticollis|it) (on|in) (his|her|my|their|our|the) (paper|papers|letter|notes|form|report|sheet)|(my|his|her|their|our) (own )?(focal |cervical |segmental )?(dystonia|blepharospasm|torticollis)|(on|having|getting|gets|has|had|have) (regular )?(botox|botulinum( toxin)?|(the )?botox (injections|jabs|shots)) (for|in|into) (his|her|my|their|our|the) (neck|eyes?|eyelids?|hands?|arms?|legs?|foot|feet|jaw|voice|dystonia|spasms?)(?![^.!?]{0,40}\b(grinding|bruxism|wrinkles|lines|cosmetic\w*|migraines?|sweating|arthritis)\b))\b", RegexOptions.CultureInvariant)]
    private static partial Regex Diagnosed();

    // "Could you explain what it is?", "what does that even mean": asking what the condition is, however personal the
    // story around it, is answered, not sent to a doctor; unless it also asks for a decision about someone.
    [GeneratedRegex(@"\b(what (is|are|does|do) (it|this|that|dystonia|this condition|the condition|[a-z]+ dystonia)( even| actually| really)? (mean|means|meen)|what('s| is) (it|this|that|this condition|dystonia)\b[^?]{0,20}$|what('s| is) (it|this|that|this condition|dystonia)\?|explain|define|definition|meaning of|describe)", RegexOptions.CultureInvariant)]
    private static partial Regex DefinitionRequest();

    [GeneratedRegex(@"\b(should|shall|ought to|oughta|(mean|means) for (me|him|her|us|them|my \w+)|do i have|does (he|she|they) have|have i got|(do you )?think (i|he|she|they|we) (have|has|got|might have|could have)|(does|do|would|could|will) (this|that|it|these|those|my \w+) (meet|fit|match|satisfy) (the )?(definition|criteria)|is (it|this|that) (dystonia|serious|normal)|could (it|this|that) be|can (i|he|she|they|we)|dose|dosage|take|taking|treat\w*|test\w*|what (do|can|should) (i|we)|worried|worry)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Decision();

    // "Given everything I've told you, do you think I have it?": whether someone has the condition is a question about
    // health even when it names nothing the articles know.
    [GeneratedRegex(@"\b((do|does) (i|he|she|we|my (\w+ )?(son|daughter|child|kid|boy|girl|baby|husband|wife|partner|mum|mom|mother|dad|father|brother|sister|gran|grandma|grandpa|friend)) (have|has|got)|(think|reckon) (i|he|she|we|my \w+) (have|has|got|has got|might have|could have|may have)|have (i|we) got|(has|have) (he|she|we) got) (it|this|that|dystonia)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AsksWhetherTheyHaveIt();

    // A decision about symptoms told without "I" or "my" ("lorry driver, neck goes tight on the long runs. is it dystonia
    // or just stress?", "right hand cramps when milking. worth seein a neuro or will it pass?"): people with cramping
    // hands drop the words that cost keystrokes, not the question about themselves.
    [GeneratedRegex(@"\b(is (it|this|that) (dystonia|dystonic)\b[^?.!]{0,12}\bor\b|(is it |is this )?worth (seeing|seein|see|getting|gettin|going to|goin to) (a |the )?(neuro\w*|doctor|dr|gp|specialist|consultant)|(will|would|does|might) (it|this|that) (just )?(pass|go away|settle|clear up|wear off)( on (its|it's) own| by itself)?\s*\?)", RegexOptions.CultureInvariant)]
    private static partial Regex DecisionWithoutPronouns();

    private static readonly HashSet<string> Children = new(StringComparer.Ordinal) { "son", "daughter", "child", "kid", "boy", "girl", "baby", "toddler", "grandson", "granddaughter" };

    private static readonly HashSet<string> Male = new(StringComparer.Ordinal) { "son", "boy", "husband", "dad", "father", "brother", "grandpa", "grandfather", "grandad", "granddad", "grandson", "uncle", "nephew", "daddy", "pappy", "papa" };

    private static readonly HashSet<string> Female = new(StringComparer.Ordinal) { "daughter", "girl", "wife", "mum", "mom", "mother", "sister", "grandma", "grandmother", "granny", "nan", "granddaughter", "aunt", "aunty", "auntie", "niece", "mama", "momma", "mamma", "mammy" };

    /// <summary>
    /// Whom a personal question is about (the asker, or a relative named as "my son", "my mother"…) and whether
    /// the message says they are diagnosed, so that the escalation speaks to them: a parent is told to see their
    /// child's doctor, someone diagnosed is not told a doctor must decide "whether it is dystonia".
    /// </summary>
    public static AskedAbout About(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = WithOwnFamily(TextNormalizer.Normalize(text));
        var relative = Relative().Match(normalized);
        var relation = relative.Success ? relative.Groups[3].Value : null;
        var someoneElse = relation is null && (!FirstPerson().IsMatch(normalized) || SomeoneInTheWritersCare().IsMatch(normalized))
            && SomeoneNamedAsHeOrShe().Match(normalized) is { Success: true } named
            ? named.Value.StartsWith('s') || named.Value == "her" ? "she" : "he"
            : null;
        if (relation is null && someoneElse is null && FirstPerson().IsMatch(normalized) && SomeoneInTheWritersCare().IsMatch(normalized)
            && OthersRelative().Match(normalized) is { Success: true } others)
        {
            var word = others.Groups[2].Value;
            someoneElse = Male.Contains(word) ? "he" : Female.Contains(word) ? "she" : "they";
        }

        var (possessive, objective) = relation is null
            ? someoneElse switch { "he" => ("his", "him"), "she" => ("her", "her"), _ => ("their", "them") }
            : !(Male.Contains(relation) || Female.Contains(relation))
                ? ("their", "them")
                : Male.Contains(relation) ? ("his", "him") : ("her", "her");
        return new AskedAbout(relation, relation is not null && Children.Contains(relation), Diagnosed().IsMatch(normalized))
        {
            Possessive = possessive,
            Objective = objective,
            SomeoneElse = someoneElse is not null,
        };
    }

    /// <summary>Whether <paramref name="text"/> asks whether the asker (or someone they name) has the condition.</summary>
    public static bool AsksForADiagnosis(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AsksWhetherTheyHaveIt().IsMatch(TextNormalizer.Normalize(text));
    }

    /// <summary>Whether <paramref name="text"/> asks about the asker's own health.</summary>
    public static bool IsPersonal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = Framing().Replace(WithOwnFamily(TextNormalizer.Normalize(text)), " ");
        return (FirstPerson().IsMatch(normalized) || SomeoneNamedAsHeOrShe().IsMatch(normalized) || DecisionWithoutPronouns().IsMatch(normalized))
            && !(DefinitionRequest().IsMatch(normalized) && !Decision().IsMatch(normalized));
    }
}

/// <summary>Whom a personal question is about.</summary>
/// <param name="Relation">The relative it is about ("son", "mother"), or null for the asker.</param>
/// <param name="IsChild">Whether that relative is a child.</param>
/// <param name="Diagnosed">Whether the message says the person has been diagnosed.</param>
public sealed record AskedAbout(string? Relation, bool IsChild, bool Diagnosed)
{
    /// <summary>"his", "her" or "their", for the relative.</summary>
    public string Possessive { get; init; } = "their";

    /// <summary>"him", "her" or "them", for the relative.</summary>
    public string Objective { get; init; } = "them";

    /// <summary>Whether it is about someone the writer names only as he or she (a customer, a pupil), not the writer.</summary>
    public bool SomeoneElse { get; init; }

    /// <summary>The asker, not known to be diagnosed.</summary>
    public static AskedAbout Self { get; } = new(null, false, false);
}
