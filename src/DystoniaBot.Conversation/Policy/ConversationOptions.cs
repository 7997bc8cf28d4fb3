using System.ComponentModel.DataAnnotations;

namespace DystoniaBot.Conversation.Policy;

/// <summary>Emergency and crisis numbers for one country.</summary>
public sealed class EmergencyContacts
{
    /// <summary>The emergency number (911, 999, 112…).</summary>
    [Required]
    [RegularExpression(@"^[0-9][0-9 ]{1,14}$", ErrorMessage = "EmergencyNumber must be digits, e.g. 112.")]
    public string EmergencyNumber { get; set; } = "112";

    /// <summary>A suicide and crisis line, if the country has one.</summary>
    public string? CrisisLine { get; set; }

    /// <summary>The crisis line's name.</summary>
    public string? CrisisLineName { get; set; }
}

/// <summary>How the bot decides and words its replies (configuration section <c>Conversation</c>).</summary>
public sealed class ConversationOptions : IValidatableObject
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Conversation";

    /// <summary>Region key used when a locale names none, and key of the fallback contacts.</summary>
    public const string AnyRegion = "*";

    /// <summary>
    /// The answer model's probability below which the bot says it doesn't know instead of answering. The model is fit
    /// with a wrong answer costing more than a missed one, so 0.5 is already cautious.
    /// </summary>
    [Range(0.0, 1.0)]
    public double AnswerThreshold { get; set; } = 0.5;

    /// <summary>
    /// How close a runner-up's answer probability must be to the answer's for it to be offered as "did you mean":
    /// a passage the bot would answer with almost as surely.
    /// </summary>
    [Range(0.0, 1.0)]
    public double AlternativeMargin { get; set; } = 0.15;

    /// <summary>Most "did you mean" alternatives offered with an answer.</summary>
    [Range(0, 5)]
    public int MaxAlternatives { get; set; } = 2;

    /// <summary>Most follow-up questions suggested after an answer.</summary>
    [Range(0, 6)]
    public int MaxFollowUps { get; set; } = 3;

    /// <summary>
    /// What the bot says about the service itself (how long things are kept): the host fills it from the storage,
    /// Direct Line and handoff settings, so the answers always match what the service does.
    /// </summary>
    public ServiceFacts Service { get; set; } = new();

    /// <summary>Region (ISO 3166 code) assumed when the user's locale has none, e.g. <c>en</c>.</summary>
    [Required]
    public string DefaultRegion { get; set; } = "US";

    /// <summary>Emergency contacts by region code; <c>*</c> is used for regions not listed.</summary>
    public Dictionary<string, EmergencyContacts> EmergencyContacts { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["*"] = new() { EmergencyNumber = "112" },
        ["US"] = new() { EmergencyNumber = "911", CrisisLine = "988", CrisisLineName = "988 Suicide & Crisis Lifeline" },
        ["CA"] = new() { EmergencyNumber = "911", CrisisLine = "988", CrisisLineName = "988 Suicide Crisis Helpline" },
        ["GB"] = new() { EmergencyNumber = "999", CrisisLine = "116 123", CrisisLineName = "Samaritans" },
        ["IE"] = new() { EmergencyNumber = "112", CrisisLine = "116 123", CrisisLineName = "Samaritans" },
        ["AU"] = new() { EmergencyNumber = "000", CrisisLine = "13 11 14", CrisisLineName = "Lifeline" },
        ["NZ"] = new() { EmergencyNumber = "111", CrisisLine = "1737", CrisisLineName = "Need to talk? 1737" },
        ["FR"] = new() { EmergencyNumber = "112", CrisisLine = "3114", CrisisLineName = "3114 (numéro national de prévention du suicide)" },
    };

    /// <summary>The contacts for <paramref name="locale"/> (e.g. <c>en-GB</c>).</summary>
    public EmergencyContacts ContactsFor(string? locale)
    {
        var region = DefaultRegion;
        if (!string.IsNullOrWhiteSpace(locale))
        {
            var parts = locale.Split('-', '_');
            var last = parts[^1];
            if (parts.Length > 1 && last.Length == 2)
            {
                region = last;
            }
        }

        return EmergencyContacts.TryGetValue(region, out var contacts) ? contacts
            : EmergencyContacts.TryGetValue(AnyRegion, out var any) ? any
            : new EmergencyContacts();
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!EmergencyContacts.ContainsKey(AnyRegion))
        {
            yield return new ValidationResult($"EmergencyContacts needs an entry '{AnyRegion}' for regions not listed.", [nameof(EmergencyContacts)]);
        }

        foreach (var (region, contacts) in EmergencyContacts)
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(contacts, new ValidationContext(contacts), results, validateAllProperties: true))
            {
                foreach (var result in results)
                {
                    yield return new ValidationResult($"EmergencyContacts:{region}: {result.ErrorMessage}", [nameof(EmergencyContacts)]);
                }
            }
        }
    }
}

/// <summary>How the service keeps what people write, as the bot tells them when asked.</summary>
public sealed class ServiceFacts
{
    /// <summary>Days a conversation (its messages, its state) is kept after its last message.</summary>
    public int ConversationRetentionDays { get; set; } = 30;

    /// <summary>Days a question sent to the health-line staff, with its answer, is kept.</summary>
    public int TicketRetentionDays { get; set; } = 90;

    /// <summary>Days a rating is kept.</summary>
    public int FeedbackRetentionDays { get; set; } = 365;
}
