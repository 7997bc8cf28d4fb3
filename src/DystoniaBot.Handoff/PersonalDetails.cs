using System.Text.RegularExpressions;

namespace DystoniaBot.Handoff;

/// <summary>What kind of personal detail a curated answer holds.</summary>
public enum PersonalDetailKind
{
    /// <summary>A greeting to one person ("Dear Margaret,").</summary>
    Salutation,

    /// <summary>A letter's ending ("Best wishes, Ada").</summary>
    SignOff,

    /// <summary>A person's name.</summary>
    Name,

    /// <summary>A phone number.</summary>
    PhoneNumber,

    /// <summary>An email address.</summary>
    Email,

    /// <summary>Words about one patient or one conversation ("your husband", "when we spoke").</summary>
    Personal,
}

/// <summary>Something in a curated answer that looks personal, and why it matters.</summary>
/// <param name="Kind">What kind of detail.</param>
/// <param name="Text">The words found, as written.</param>
/// <param name="Field">Where: "question" or "answer".</param>
public sealed record PersonalDetail(PersonalDetailKind Kind, string Text, string Field)
{
    /// <summary>What to do about it, in a sentence for staff.</summary>
    public string Advice => Kind switch
    {
        PersonalDetailKind.Salutation => "a greeting to one person: remove it, everyone will read this answer",
        PersonalDetailKind.SignOff => "a letter's ending: remove it (the answer is credited to the health line's staff)",
        PersonalDetailKind.Name => "looks like a person's name: remove it",
        PersonalDetailKind.PhoneNumber => "looks like a phone number: remove it",
        PersonalDetailKind.Email => "an email address: remove it",
        _ => "about one patient or one conversation: say it in general terms",
    };
}

/// <summary>
/// Finds what makes a staff reply to one person unfit to be quoted to everyone: greetings, sign-offs, names, phone
/// numbers, email addresses and words about one patient or one conversation. It errs on the side of flagging:
/// staff edit the text until nothing is found.
/// </summary>
public static partial class PersonalDetails
{
    // A greeting at the start of a line, with the name (or whatever) up to the comma or line end.
    [GeneratedRegex(@"(?im)^[ \t]*(dear|hi|hello|hey|good (morning|afternoon|evening))\b[^\n,.!:]{0,40}[,.!:]?", RegexOptions.CultureInvariant)]
    private static partial Regex Salutation();

    // A letter's ending on a line of its own (maybe with a name after it), or as the last words.
    [GeneratedRegex(@"(?im)^[ \t]*(best wishes|with best wishes|kind regards|warm regards|warmest regards|best regards|regards|all the best|many thanks|thanks again|yours sincerely|yours truly|sincerely|cheers|take care|best)\b[ \t]*[,.!]?[ \t]*([A-Z][\w'-]*([ \t]+[A-Z][\w'-]*)?)?[ \t]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SignOffLine();

    [GeneratedRegex(@"(?i)\b(best wishes|kind regards|warm regards|best regards|yours sincerely|many thanks)\s*,\s*[A-Z][\w'-]*\s*\.?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex SignOffAtEnd();

    [GeneratedRegex(@"\b(Mr|Mrs|Ms|Miss|Mx|Dr|Nurse|Sister|Prof)\.?[ \t]+[A-Z][\w'-]+", RegexOptions.CultureInvariant)]
    private static partial Regex Titled();

    [GeneratedRegex(@"\b(my name is|I'm|I am|I’m|name's)[ \t]+[A-Z][a-z][\w'-]*", RegexOptions.CultureInvariant)]
    private static partial Regex SelfIntroduction();

    // A person spoken to by name: a capitalised word opening a line or the reply before a comma ("Margaret, botox
    // wears off…"), or closing a sentence after one ("I hope this helps, Tom."). Words that open sentences in any
    // answer ("However,", "Sadly,", "Botox,") are left to OrdinaryOpeners.
    [GeneratedRegex(@"(?m)(^[ \t]*(?<name>[A-Z][a-z][\w'-]*),|,[ \t]+(?<name>[A-Z][a-z][\w'-]*)[ \t]*[.!?](?=\s|$))", RegexOptions.CultureInvariant)]
    private static partial Regex AddressedByName();

    private static readonly HashSet<string> OrdinaryOpeners = new(StringComparer.OrdinalIgnoreCase)
    {
        "yes", "no", "well", "so", "also", "however", "but", "and", "then", "now", "first", "second", "third", "finally",
        "overall", "often", "sometimes", "usually", "generally", "sadly", "unfortunately", "fortunately", "again", "still",
        "otherwise", "meanwhile", "instead", "besides", "moreover", "therefore", "thus", "indeed", "importantly", "briefly",
        "botox", "dystonia", "medicines", "medication", "treatment", "treatments", "injections", "surgery", "physiotherapy",
        "today", "tomorrow", "there", "here", "thanks", "please", "sorry", "ok", "okay", "sure", "true", "right",
        "dysport", "xeomin", "baclofen", "levodopa", "clonazepam", "etc",
    };

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();

    // Seven digits or more, with the spaces, dots, dashes and brackets phone numbers are written with.
    [GeneratedRegex(@"(?<![\w.])\+?\(?\d[\d \t().-]{5,}\d(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneLike();

    [GeneratedRegex(@"(?i)\b(your|his|her|my) (husband|wife|partner|son|daughter|child|kids?|children|baby|mother|mum|mom|father|dad|brother|sister|boyfriend|girlfriend|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|fiancée?|carer)\b" +
        @"|\b(when|as|since) (we|I) (spoke|talked|discussed|met|mentioned)\b|\bwe spoke\b|\byou (told|mentioned to|wrote to|asked) (me|us)\b" +
        @"|\byour (last|next|recent|latest) (appointment|visit|scan|letter|email|e-mail|message|call|injection|clinic)\b|\bthanks? (you )?for (your|the) (question|message|email|e-mail|letter|call)\b" +
        @"|\bin your (case|situation)\b|\byour (results?|records?|file|notes)\b|\bI('m| am) sorry to hear\b", RegexOptions.CultureInvariant)]
    private static partial Regex AboutOnePerson();

    /// <summary>
    /// The personal details in <paramref name="question"/> and <paramref name="answer"/>, in the order written;
    /// <paramref name="knownNames"/> (staff names, say) are flagged wherever they appear capitalised as words.
    /// </summary>
    public static IReadOnlyList<PersonalDetail> Find(string question, string answer, IEnumerable<string> knownNames)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(knownNames);
        var names = knownNames.SelectMany(n => n.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Where(n => n.Length >= 2)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return [.. Find(question, "question", names), .. Find(answer, "answer", names)];
    }

    private static IEnumerable<PersonalDetail> Find(string text, string field, IReadOnlyList<string> names)
    {
        var found = new List<(int Index, PersonalDetail Detail)>();
        void Add(Regex pattern, PersonalDetailKind kind, Func<Match, bool>? keep = null)
        {
            foreach (Match match in pattern.Matches(text))
            {
                if ((keep is null || keep(match)) && !found.Any(f => f.Index == match.Index && f.Detail.Kind == kind))
                {
                    found.Add((match.Index, new PersonalDetail(kind, match.Value.Trim(), field)));
                }
            }
        }

        Add(Salutation(), PersonalDetailKind.Salutation);
        Add(SignOffLine(), PersonalDetailKind.SignOff);
        Add(SignOffAtEnd(), PersonalDetailKind.SignOff, m => !found.Any(f => f.Detail.Kind == PersonalDetailKind.SignOff && m.Index <= f.Index));
        Add(Titled(), PersonalDetailKind.Name);
        Add(SelfIntroduction(), PersonalDetailKind.Name);
        Add(AddressedByName(), PersonalDetailKind.Name, m => m.Groups["name"].Value is var name
            && !OrdinaryOpeners.Contains(name) && !name.EndsWith("ly", StringComparison.Ordinal));
        Add(EmailAddress(), PersonalDetailKind.Email);
        Add(PhoneLike(), PersonalDetailKind.PhoneNumber, m => m.Value.Count(char.IsAsciiDigit) >= 7);
        Add(AboutOnePerson(), PersonalDetailKind.Personal);
        foreach (var name in names)
        {
            var pattern = new Regex($@"\b{Regex.Escape(char.ToUpperInvariant(name[0]) + name[1..])}\b", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            Add(pattern, PersonalDetailKind.Name);
        }

        return found.OrderBy(f => f.Index).Select(f => f.Detail);
    }
}
