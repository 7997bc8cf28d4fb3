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

    /// <summary>How long the health-line staff take to answer.</summary>
    AboutAnswerTime,

    /// <summary>How to come back to an answer, or where it will arrive.</summary>
    AboutComingBack,

    /// <summary>Who writes the answers and where they come from.</summary>
    AboutSources,

    /// <summary>What is kept of a conversation, for how long, and who sees it.</summary>
    AboutPrivacy,
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

    // Questions about the service itself, answered from its own facts, never from the article.
    [GeneratedRegex(@"\b(how (long|soon|quickly|fast) (do|does|will|would) (the |your |a )?(staff|nurses?|health ?line( staff)?|people|someone|somebody|they|you|a person|a human)( usually| normally)?( take)?( to)? (answer|reply|respond|get back)|how long (does|will|would) it take (for (the )?(staff|them|you|someone|a person) )?to (answer|reply|respond|get an answer|get a reply|hear back)|how long (does|will|would) (an answer|a reply|my answer|the answer|a response) take|when (will|do|would|can) (i|we) (get|hear|receive|have) (an |my |the |a )?(answer|reply|response|back)|how long (is|will be) the wait)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AboutAnswerTime();

    [GeneratedRegex(@"\b(how (do|can|will|would|should) (i|we) (come back|get back|go back|return|find|see|read|get|check) (to )?(my|the|this|our) (answer|reply|response|question|conversation|chat)|where (will|do|can|would|should) (i|we) (find|see|get|read|check) (my|the) (answer|reply|response)|(do|must|should) i (need to |have to )?(stay|keep (this|the) (page|chat|tab) open|stay online)|can i (close|leave) (this|the) (page|chat|tab|window))\b", RegexOptions.CultureInvariant)]
    private static partial Regex AboutComingBack();

    [GeneratedRegex(@"\b(who (writes|wrote|makes|made|creates|checks|reviews|decides) (the |these |your |those )?(answers|information|info|replies|content|articles?)|where (do|does) (the |your |this |all this )?(answers|information|info|replies|content) come from|what (are|is) your (sources?|references)|where do you get (your |the |this )?(answers|information|info)( from)?|is (this|the|your) (information|info|advice|content) (reliable|trustworthy|checked|accurate))\b", RegexOptions.CultureInvariant)]
    private static partial Regex AboutSources();

    [GeneratedRegex(@"\b((is|are) (this|my|the|our) (chat|conversation|messages?|data|questions?|information|info) (private|confidential|secure|safe|stored|saved|kept|recorded|anonymous)|who (can|will|could) (see|read) (my|this|the|our) (chat|conversation|messages?|questions?|data)|how long (do|will|does) (you|the bot|this|dystoniabot) (keep|store|save|hold) (my|the|this|our) (data|messages?|chat|conversation|questions?|information|info)|(do|will) you (store|save|keep|record|log) (my|the|this|our) (data|messages?|chats?|conversations?|questions?|information|info)|what (do|will) you (do with|keep of) my (data|messages?|questions?|information|info)|privacy)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AboutPrivacy();

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

        if (AboutService(whole) is { } aboutService)
        {
            return aboutService;
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

    private static SmallTalkKind? AboutService(string text) =>
        AboutPrivacy().IsMatch(text) ? SmallTalkKind.AboutPrivacy
        : AboutComingBack().IsMatch(text) ? SmallTalkKind.AboutComingBack
        : AboutAnswerTime().IsMatch(text) ? SmallTalkKind.AboutAnswerTime
        : AboutSources().IsMatch(text) ? SmallTalkKind.AboutSources
        : null;

    /// <summary><paramref name="text"/> without an opening greeting ("Hi, is there a cure?" → "is there a cure?").</summary>
    public static string StripGreeting(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.TrimStart();
        var match = OpeningGreeting().Match(trimmed.Length > 40 ? trimmed[..40].ToLowerInvariant() : trimmed.ToLowerInvariant());
        return match.Success ? trimmed[match.Length..] : text;
    }
}
