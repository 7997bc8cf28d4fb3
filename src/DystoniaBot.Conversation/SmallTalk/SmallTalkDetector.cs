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

/// <summary>
/// Recognises small talk: a message made only of pleasantries ("thanks a lot, that helped", "cheers, have a nice
/// day"), or a request for help or for who the bot is. Also strips a greeting that opens a real question.
/// </summary>
public static partial class SmallTalkDetector
{
    private const int MaxLength = 100;

    [GeneratedRegex(@"^(hi+|hel+o+|he+y+|hiya+|howdy|yo+|greetings|good (morning|afternoon|evening|day)|hallo|bonjour|hola|salut)( there| bot| dystoniabot| everyone| all| again)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Greeting();

    [GeneratedRegex(@"^(((ok|okay|great|cool|perfect|nice|good|fine|brilliant|awesome|wonderful)( then)?,? ){0,2})(thanks?|thank you|thank u|thankyou|thx|ty|tysm|many thanks|merci( beaucoup)?|gracias|danke( sch(ö|oe)n)?|grazie( mille)?|obrigad[oa]|dank je( wel)?|cheers|much appreciated|appreciate (it|that)|(that|this|it|you)( really)? (helped|helps)|(that|this|it)('s| is| was) (very |really |so )?(helpful|useful|great|clear|good to know)|(you('ve| have) been|you're|you are) (very |really |so )?(helpful|great|kind)|very helpful|helpful|got it|understood|ok|okay|great|cool|perfect|nice|good|i see|makes sense|good to know|noted)( (so|very) much| sm| a lot| again| loads| for (your |the |all the )?(help|answer|answers|info|information|reply))?( (bye|bye bye|goodbye|see you|take care))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Thanks();

    [GeneratedRegex(@"^(bye|bye bye|goodbye|good bye|see you( later| soon)?|see ya|cya|later|good night|goodnight|farewell|take care|cheerio|ta-ra|tara|i('ll| will) be off( now)?|i('m| am) off( now)?|(gotta|got to|have to|need to) go( now)?|have a (nice|good|great|lovely) (day|evening|night|weekend|one)|talk (to you )?(later|soon))$", RegexOptions.CultureInvariant)]
    private static partial Regex Goodbye();

    [GeneratedRegex(@"^(help( me)?( please)?|\?+|menu|start|/start|/help|options|commands|examples?|what can you do( for me)?|what do you do|how can you help( me)?|what can you help (me )?with|what can i ask( you)?( about)?|what should i ask|what do you know( about)?|how does this work|how do i use (this|you)|what are you for|what is this (chat|bot|site|service|page|thing) for|what('s| is) this for|(what|which) (kinds? |sorts? |types? )?(of )?(questions|things|topics|stuff)( can| do| should| could)? (i|you) (ask|answer|help with|know about|cover)( you)?( about)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Help();

    [GeneratedRegex(@"^((who|what) are you|who is this|who am i (talking|chatting|speaking) (to|with)|((are you|is this|am i (talking|chatting|speaking) (to|with))( a| an)?( real)? (bot|robot|human|person|doctor|ai|machine|computer|real person|nurse))( or (a |an )?(real )?(bot|robot|human|person|doctor|ai|machine|computer|nurse))?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Identity();

    [GeneratedRegex(@"(\s+(x+|:-?\)+|:-?d|<3+|;-?\)))+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Warmth();

    [GeneratedRegex(@"[,.!?;:]+|\s+-\s+|\s+(and|but)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex SegmentBreak();

    [GeneratedRegex(@"^(hi|hello|hey|hiya|good (morning|afternoon|evening))( there)?[\s,!.:;-]+(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex OpeningGreeting();

    /// <summary>The small talk <paramref name="text"/> is, or null when it is something else.</summary>
    public static SmallTalkKind? Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length > MaxLength)
        {
            return null;
        }

        // Kisses and smileys closing a message ("ty x", "thanks :)") are warmth, not words.
        var whole = Warmth().Replace(normalized, string.Empty).Trim(' ', '!', '.', '?', ',', ':', ';', ')', '(', '*', '~', '-');
        if (normalized.Trim() is "?" or "??" or "???")
        {
            return SmallTalkKind.Help;
        }

        if (Help().IsMatch(whole))
        {
            return SmallTalkKind.Help;
        }

        if (Identity().IsMatch(whole))
        {
            return SmallTalkKind.Identity;
        }

        // Otherwise every part of the message must be a pleasantry; the first one says what it is.
        SmallTalkKind? kind = null;
        foreach (var segment in SegmentBreak().Split(whole))
        {
            var part = segment.Trim();
            if (part.Length == 0 || part is "and" or "but" or "right" or "well" or "so" or "alright" or "right then")
            {
                continue;
            }

            SmallTalkKind? partKind = Greeting().IsMatch(part) ? SmallTalkKind.Greeting
                : Thanks().IsMatch(part) ? SmallTalkKind.Thanks
                : Goodbye().IsMatch(part) ? SmallTalkKind.Goodbye
                : null;
            if (partKind is null)
            {
                return null;
            }

            kind ??= partKind;
        }

        return kind;
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
