using System.Text.RegularExpressions;

namespace DystoniaBot.Conversation.SmallTalk;

/// <summary>Small talk the bot recognises.</summary>
public enum SmallTalkKind
{
    /// <summary>Hello.</summary>
    Greeting,

    /// <summary>Thanks or a plain acknowledgement.</summary>
    Thanks,

    /// <summary>What can you do?</summary>
    Help,

    /// <summary>Who or what the bot is.</summary>
    Identity,

    /// <summary>Goodbye.</summary>
    Goodbye,
}

/// <summary>Recognises whole-message small talk, and strips a greeting that opens a real question.</summary>
public static partial class SmallTalkDetector
{
    private const string End = @"[\s!.?,:;)(*^_~-]*$";

    [GeneratedRegex(@"^(hi|hello|hey|hiya|howdy|yo|greetings|good (morning|afternoon|evening|day)|hallo|bonjour|hola|salut)( there| bot| dystoniabot| everyone| all| again)?" + End, RegexOptions.CultureInvariant)]
    private static partial Regex Greeting();

    [GeneratedRegex(@"^((ok|okay|great|cool|perfect|nice|good|fine|brilliant|awesome)[ ,]*)?(thanks?|thank you|thank u|thankyou|thx|ty|tysm|many thanks|cheers|much appreciated|that('s| is| was) (very |really )?(helpful|useful|great|clear)|helpful|got it|understood|ok|okay|great|cool|perfect|nice)( (so|very) much| a lot| again| for (your |the )?(help|answer|info|information))?" + End, RegexOptions.CultureInvariant)]
    private static partial Regex Thanks();

    [GeneratedRegex(@"^(bye|bye bye|goodbye|good bye|see you( later)?|see ya|cya|later|good night|goodnight|farewell|take care)" + End, RegexOptions.CultureInvariant)]
    private static partial Regex Goodbye();

    [GeneratedRegex(@"^(help( me)?|\?+|menu|start|/start|/help|what can you do|what do you do|what can i ask( you)?|what should i ask|what do you know( about)?|how does this work|how do i use (this|you)|what are you for|what (kind of |sort of )?(questions|things) can (i ask|you answer)|which questions can you answer|options|commands|examples?)" + End, RegexOptions.CultureInvariant)]
    private static partial Regex Help();

    [GeneratedRegex(@"^(who are you|what are you|who is this|are you (a )?(bot|robot|human|person|real|doctor|an ai|ai|real person)|is this a (bot|person|human|real person)|am i talking to a (bot|person|human))" + End, RegexOptions.CultureInvariant)]
    private static partial Regex Identity();

    [GeneratedRegex(@"^(hi|hello|hey|hiya|good (morning|afternoon|evening))( there)?[\s,!.:;-]+(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex OpeningGreeting();

    /// <summary>The small talk <paramref name="text"/> is, or null when it is something else.</summary>
    public static SmallTalkKind? Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length > 80)
        {
            return null;
        }

        return Greeting().IsMatch(normalized) ? SmallTalkKind.Greeting
            : Thanks().IsMatch(normalized) ? SmallTalkKind.Thanks
            : Goodbye().IsMatch(normalized) ? SmallTalkKind.Goodbye
            : Help().IsMatch(normalized) ? SmallTalkKind.Help
            : Identity().IsMatch(normalized) ? SmallTalkKind.Identity
            : null;
    }

    /// <summary><paramref name="text"/> without an opening greeting ("Hi, is there a cure?" → "is there a cure?").</summary>
    public static string StripGreeting(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.TrimStart();
        var match = OpeningGreeting().Match(trimmed.Length > 40 ? trimmed[..40].ToLowerInvariant() : trimmed.ToLowerInvariant());
        return match.Success ? trimmed[match.Length..] : text;
    }
}
