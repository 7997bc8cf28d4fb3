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

    // Pleasantries are read one after another from the start of a message ("ok goodbye take care", "thank you sir,
    // God bless you"); each ends at a word boundary. Greetings and thanks in the languages most often mixed into English.
    private const string PleasantryEnd = @"(?=$|[\s,.!?;:-])";

    // "Good morning" as people type it ("gud mornin", "gd arvo"): a greeting alone, and one that opens a question.
    private const string GoodTimeOfDay = "(good|gud|gd|guid) (morning|mornin|mrng|afternoon|arvo|evening|evenin|day)";

    [GeneratedRegex(@"\G((" + GoodTimeOfDay + @"|hi+|hel+o+|he+y+|hiya+|greetings|howdy|morning|evening) from (?!(the|a|an|my|our|this|bridge|roof|cliffs?|edge|hospital|er|ae|icu|ward|ambulance)\b)[\p{L}-]+( (?!(the|a|an|my|is|are|can|does|do)\b)[\p{L}-]+)?|how('re| are|re) (ya|you|u|yous|ye) (doing|keeping|getting on|going)( today| this (morning|afternoon|evening))?|hi+|hel+o+|he+y+|hiya+|howdy|howzit|g'?day|xin ch[aà]o|ni ?hao|ol[aá]|oi|kia ora|talofa( lava)?|bula( vinaka)?|m[aā]lo e lelei|bonjou|sawubona|dumela|mingalaba|yia sou|yassou|geia sou|habari( yako| gani| za asubuhi)?|jambo|mambo|merhaba|selam|cze[sś][cć]|(nice|pleased|good|lovely) to meet you|yo+|greetings|" + GoodTimeOfDay + @"|(good|gud|gd|guid) (mornin'|morn|aftanoon|evenin'|eve)|morning|mornin|mornin'|evening|evenin|evenin'|hallo|bonjour|hola|salut|namaste|namaskar|(as?-?)?salaa?m(u|o)? ?(o )?(alaikum|alaykum|aleikum|alykum|walaikum)|salaa?m( alaikum| alaykum| aleikum)?|wa ?alaikum( (as)?salaa?m)?|buen[oa]s( (tardes|noches|d[ií]as))?|bom dia|boa (tarde|noite)|dzie[nń] dobry|kumusta( po)?|aloha|g[oó][ðd]an dag(inn)?|dia dh?uit|mhoro|mangwanani|akwaaba|gamarjoba|გამარჯობა|mingalaba|မင်္ဂလာပါ|salaam|hoe gaat het|sannu|salaan|iska warran|mir[eë]dita|p[eë]rsh[eë]ndetje|sveiki|labas|shwmae|sat sri akal|vanakkam|kem cho|magandang (umaga|hapon|gabi)( po)?|(what's|whats|wats|wat's) up|wass?up|sup|how are you( doing| keeping| getting on)?( today| this (morning|afternoon|evening))?|how('s|s| is) (it going|your day( going)?)|how far|wah? ?gwaan|wha gwaan|hope (say )?you dey (fine|well|ok|good)|bonsoir|buona sera|buonasera|guten (abend|morgen|tag)|hope you('re| are) (well|ok|okay|good)|(can|do) you hear me( okay| ok| alright| now)?|is (this|it) (working|on)|shalom( aleichem)?|(just )?testing( (if|whether|that|to see if))? (this|it|you|the bot|the chat)( thing)? (works?|is working|are working|is on)|(just )?(a )?test(ing)?( (1 2 3|123|one two three|one two))?( (message|msg))?|(does|do) (this|it|you)( thing)? (work|works))" + PleasantryEnd, RegexOptions.CultureInvariant)]
    private static partial Regex Greeting();

    [GeneratedRegex(@"\G((thank you|thank u|thankyou|thanks a million|thanks?|thx|tnx|thnx|thnks|thanx|thankz|tysm|ty|ta|many thanks|merci( beaucoup)?|gracias|danke( sch(ö|oe)n)?|grazie( mille)?|(muito )?obrigad[oa]|asante( sana)?|xie ?xie|c[aả]m [oơ]n( b[aạ]n)?|te[sş]ekk[uü]r( ederim|ler)?|chur|muito [uú]til|dank je( wel)?|shukran( jazeelan)?|shukriya|shukria|dhanyavaa?d|dzi[eę]kuj[eę]( bardzo)?|kiitos( paljon)?|takk( skal du ha)?|tack( så mycket)?|hvala( lijepa)?|d[eě]kuji|efharisto|efcharisto|k[oö]sz[oö]n[oö]m|a[cč]i[uū]( labai)?|paldies|toda( raba)?|mesi( anpil)?|ngiyabonga|enkosi|fa'?afetai( lava)?|vinaka( vakalevu)?|dhanyabad|salamat( po)?|diolch( yn fawr( iawn)?)?|mahadsanid|faleminderit|medaase|meda wo ase|ndatenda|mananna|مننه|madloba|მადლობა|ကျေးဇူးတင်ပါတယ်|falemnderit|na ?gode|mersi|dhanyavaad|go raibh (maith|míle maith) agat|jazak ?allah?( khair(an)?)?|much obliged|cheers|much appreciated|appreciate (it|that|you)|(that|this|it|you)( really)? (helped|helps)|(that|this|it)('s| is| was) (very |really |so )?(helpful|useful|great|clear|good to know)|(you('ve| have) been|you're|youre|you are|yer|ur|your) (actually |honestly |truly |kinda |lowkey |literally )?(very |really |so )?(helpful|great|gr8|kind|amazing|brilliant|awesome|smart|clever|the best|goated|elite|(the |a )goat|more helpful than (my|the|any|a) (doctor|gp|neurologist|specialist|consultant)s?|(a |an )?(absolute |real |total |wee |proper )?(star|gem|legend|diamond|belter|treasure|hero|lifesaver|life saver))(,? (even )?better than ((my|the|any|a) (doctor|gp|neurologist|specialist|consultant)s?|google|chatgpt|wikipedia|dr google))?|(you('re| are)|youre|ur|your) (actually |honestly |truly |so much |way |much )?better( at explaining( (stuff|things|it|everything))?)? than ((my|the|any|a) (last |old |own |previous |real )?(doctor|gp|neurologist|specialist|consultant)s?|google|chatgpt|wikipedia|dr google)( at explaining( (stuff|things|it|everything))?)?|(god|allah) bless( you| u| ya)?( for (being here|being there|this|that|everything|all (this|that|your help)|your help|the help|the info|helping)( at (this|\d+ ?(am|pm))( hour| in the morning)?| on my break| tonight| today)*)?|bless you|(you|that|it) explained (it|that|this|things|everything)( (really|very|so))? (well|clearly|nicely|better)( than (the|my|our|his|her) (doctor|doctors|neurologist|gp|specialist))?)( (so|very) much| sm| a lot| again| loads| heaps| (for|fir|fer) (that|this|it)| for (your |the |all the )?(help|answer|answers|info|information|reply|time|explanation))?|good to know|very good|very helpful|okay|ok|great|gr8|cool|perfect|nice|good|fine|brilliant|braw|pure dead brilliant|awesome|wonderful|excellent|outstanding|superb|fantastic|splendid|appreciated|lovely|helpful|got it|understood|i see|makes sense|noted|alright|all right)" + PleasantryEnd, RegexOptions.CultureInvariant)]
    private static partial Regex Thanks();

    [GeneratedRegex(@"\G(bye( bye| now)?|goodbye|good bye|see (you|ya) later,? alligator|in a while,? crocodile|see you( later| soon| tomorrow)?|see ya( later| soon| tomorrow)?|gn|bonne (journ[ée]e|nuit|soir[ée]e)|cya|later|(go+d|gu+d|gd) ?(ni+gh+t+|nite|nyt)|nite nite|night night|farewell|take care( of yourself)?|cheerio|ta-ra|ta ?ra|i('ll| will) be off( now)?|i('m| am) off( now)?|(gotta|got to|have to|need to|must) (go|run|dash|fly|head off|shoot)( now)?|(i'm |im |i am )?(off|going|heading|away) to (bed|sleep|my bed|kip)( now)?|ttyl|laters|catch (you|ya) later|have a (nice|good|great|lovely|blessed) (day|evening|night|weekend|one)|talk (to you )?(later|soon)|adi[oó]s|hasta (luego|pronto|ma[nñ]ana)|tchau|do widzenia|ka kite( an[oō])?( ano)?|kwaheri|zai ?jian|t[aạ]m bi[eệ]t|ho[sş][cç]a ?kal|khuda hafiz|nabad gelyo|mirupafshim|hwyl( fawr)?|sai an jima|allah hafiz|ma ?(a|')? ?salama)" + PleasantryEnd, RegexOptions.CultureInvariant)]
    private static partial Regex Goodbye();

    // Words that go with a pleasantry and say nothing of their own: whom it is said to, and small joining words.
    [GeneratedRegex(@"\G(right then|so much|very much|a lot|and|but|so|well|right|then|again|there|bot|dystoniabot|everyone|all|guys|folks|sir|madam|ma'am|maam|mam|miss|brother|bro|brah|wh[aā]nau|sister|sis|mate|pal|buddy|bud|fam|my lover|my lovely|bruv|blud|dude|hun|babe|boss|sound|y'?all|yall|rafiki|amigo|amiga|chief|hen|fella|aye|friend|my friend|my dear|dear|from [a-z]+|my love|love|darling|bab|doc|doctor|nurse|po|ji|lol|tbh|ngl|fr|frfr|no cap|tho|lowkey|honestly|haha+|hehe+|um+|uh+|erm+|er|hmm+|oh)" + PleasantryEnd, RegexOptions.CultureInvariant)]
    private static partial Regex Filler();

    // Asides that excuse how the message is written or ask to be understood ("sorry im typing with one hand", "I speak
    // little english, you understand?"): said around a greeting or a question, they ask for nothing of their own.
    [GeneratedRegex(@"\G(sorry( for| about)?( my| the)? (typing|spelling|english|grammar|mistakes|bad english|bad typing|bad spelling)|(sorry,? )?(i'm |im |i am )?(typing|writing|texting) (with|using) (one|1|my left|my right|only one) hand( only)?|(sorry,? )?(i )?(speak|know) (only )?(a )?little english|my english (is )?(not (so |very )?good|bad|poor|weak)|excuse my (english|typing|spelling)|(do |can )?you understand( me)?|(do|can) you speak (english|spanish|portuguese|french|arabic|hindi|tagalog|urdu)|sorry to (bother|trouble) you|sorry|excuse me|pardon)" + PleasantryEnd, RegexOptions.CultureInvariant)]
    private static partial Regex Aside();

    [GeneratedRegex(@"\G[\s,.!?;:-]+", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    [GeneratedRegex(@"^(help( me)?( please)?|\?+|menu|start|/start|/help|options|commands|examples?|what can you do( for me)?|what do you do|how can you help( me)?|what can you help (me )?with|what can i ask( you)?( about)?|what should i ask|what do you know( about)?|how does this work|how do i use (this|you)|what are you for|what is this (chat|bot|site|service|page|thing) for|what('s| is) this for|(what|which) (kinds? |sorts? |types? )?(of )?(questions|things|topics|stuff)( can| do| should| could)? (i|you) (ask|answer|help with|know about|cover)( you)?( about)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Help();

    [GeneratedRegex(@"^((who|what) are you|who is this|who am i (talking|chatting|speaking) (to|with)|((are you|is this|am i (talking|chatting|speaking) (to|with))( a| an)?( real)? (bot|robot|human|person|doctor|ai|machine|computer|real person|nurse))( or (a |an )?(real )?(bot|robot|human|person|doctor|ai|machine|computer|nurse))?( rn| right now| now| tho| lol)?)$", RegexOptions.CultureInvariant)]
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

    // Emoji (symbols, their surrogate halves, modifiers and joiners) count as warmth too ("ok cool 👍").
    // Laughter ("lol", "haha") and a signature after a dash ("- Grandma Ruth") close a message without asking anything.
    [GeneratedRegex(@"(\s+(x+|:-?\)+|:-?d|<3+|;-?\)|lol+|lmao|haha+|hehe+)|\s*[\p{So}\p{Cs}\p{Sk}\uFE0F\u200D]+|\s+[-–—]+\s*[a-z][a-z'.]*( [a-z][a-z'.]*){0,2})+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Warmth();

    // Greetings a question is opened with, in the languages most often mixed in, and whom they greet ("howdy yall,").
    [GeneratedRegex(@"^(hi|hello|hey|hiya|howdy|y'?all|yall|g'?day|hola|ol[aá]|bonjour|namaste|habari|jambo|kia ora|" + GoodTimeOfDay + @")( there| y'?all| yall| all| everyone| folks| guys| mate)?[\s,!.:;-]+(?=\S)", RegexOptions.CultureInvariant)]
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

        if (whole.Length == 0 && normalized.Trim().Length > 0)
        {
            return EmojiOnly(normalized);
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

        return Pleasantries(whole);
    }

    /// <summary>
    /// A message of emoji alone, as someone whose hands hurt may send: a wave or a smile says hello, folded hands or a
    /// thumbs up say thanks. Any other emoji (tears, an ambulance, a pill) is no pleasantry: it is left for the rest of
    /// the bot to read.
    /// </summary>
    private static SmallTalkKind? EmojiOnly(string text) =>
        FriendlyEmojiOnly().IsMatch(text) ? (ThanksEmoji().IsMatch(text) ? SmallTalkKind.Thanks : SmallTalkKind.Greeting) : null;

    private const string ThanksEmojiList = "🙏|👍|👌|🙌|💐";

    [GeneratedRegex(@"^\s*((👋|🙋|😊|🙂|😀|😃|😄|😁|☺|🤗|😉|❤|💕|💖|🌸|🌞|☀|✨|" + ThanksEmojiList + @")[\uFE0F\u200D\p{Sk}\s]*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex FriendlyEmojiOnly();

    [GeneratedRegex(ThanksEmojiList, RegexOptions.CultureInvariant)]
    private static partial Regex ThanksEmoji();

    /// <summary>
    /// What a message made only of pleasantries is (the first greeting, thanks or goodbye says which), or null when
    /// anything else is in it.
    /// </summary>
    private static SmallTalkKind? Pleasantries(string text)
    {
        SmallTalkKind? kind = null;
        var at = 0;
        while (at < text.Length)
        {
            if (Separator().Match(text, at) is { Success: true } separator)
            {
                at += separator.Length;
                continue;
            }

            // The longest pleasantry here wins ("good morning" is a greeting, not "good" and then "morning").
            var (length, partKind) = Longest(text, at);
            if (length == 0)
            {
                return null;
            }

            // Whatever else it says, a message that says goodbye is someone leaving.
            kind = partKind == SmallTalkKind.Goodbye ? partKind : kind ?? partKind;
            at += length;
        }

        return kind;
    }

    private static (int Length, SmallTalkKind? Kind) Longest(string text, int at)
    {
        (int Length, SmallTalkKind? Kind) longest = (0, null);
        foreach (var (pattern, kind) in PleasantryKinds)
        {
            if (pattern.Match(text, at) is { Success: true } match && match.Length > longest.Length)
            {
                longest = (match.Length, kind);
            }
        }

        return longest;
    }

    private static readonly (Regex Pattern, SmallTalkKind? Kind)[] PleasantryKinds =
    [
        (Greeting(), SmallTalkKind.Greeting),
        (Thanks(), SmallTalkKind.Thanks),
        (Goodbye(), SmallTalkKind.Goodbye),
        (Filler(), null),
        (Aside(), null),
    ];

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
