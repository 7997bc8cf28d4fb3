using System.Text.RegularExpressions;
using DystoniaBot.Conversation.SmallTalk;

namespace DystoniaBot.Conversation.Policy;

/// <summary>
/// The question inside a message: a long, polite message opens with a greeting, an introduction or an apology and
/// closes with thanks and a name, and none of that says what is asked. Whole sentences of such framing are left out
/// of what is searched (never the only sentence), so "Dear Sir or Madam … Kind regards, Harold" is searched as the
/// question it holds.
/// </summary>
public static partial class QuestionFraming
{
    [GeneratedRegex(@"^(dear\b[^,.!?]{0,40}|to whom it may concern|bless (your|ur) (heart|soul)|(hi|hello|hey|hiya|greetings|good (morning|afternoon|evening|day))(\s+(there|all|everyone|team|doctor|dr\.? ?\w+))?)[\s,!.:;-]+(?=\S)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Salutation();

    // An initial ("Yours faithfully, E. Hargreaves") ends no sentence.
    [GeneratedRegex(@"(?<=[.!?])(?<!\b[A-Z]\.)\s+|\n+", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"^(thanks?( you)?( very much| so much| kindly| a lot)?( in advance)?( for (your|any) (help|time|reply|answer|patience))?|ta( very much| muchly)?|thanking you( in advance)?|many thanks|much appreciated|(with )?(kind(est)?|best|warm) (regards|wishes)|regards|best|cheers|yours( (faithfully|sincerely|truly))?|sincerely|take care|god bless|(i|we) (hope|look forward)[^?]{0,80}|i('m| am) (so |very )?sorry[^?]{0,80}|sorry[^?]{0,80}|(i )?apologi[sz]e[^?]{0,80}|apologies[^?]{0,80}|forgive me[^?]{0,80}|my name is[^?]{0,120}|i('m| am) new (here|to)[^?]{0,80})([\s,.!:;-]+[\p{L}\s().,0-9-]{0,40})?[\s.!]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FramingSentence();

    // Where the writer is, after what they are ("from donegal", "down in new orleans").
    private const string Whereabouts = @"((\s+(down|up|over|out))?\s+(from|in|at|of) [\p{L}-]+( [\p{L}-]+)?)?";

    // "here" closing who the writer is, before punctuation, emoji or the question's first word.
    private const string HereSetApart = @"(\s+here(\s*[,:;.—–-]|\s*[\p{So}\p{Cs}\uFE0F\u200D]+)+|\s+here\s+(?=(can|does|is|are|do|what|how|why|will|would|could|should|who|when|where)\b))";

    // What people say they are before asking, in their work or in the family.
    private const string Roles = @"(teacher|nurse|midwife|doctor|gp|dentist|pharmacist|chemist|coach|trainer|instructor|therapist|physio|physiotherapist|chiropractor|osteopath|masseuse|student|carer|caregiver|worker|assistant|aide|manager|lawyer|solicitor|attorney|barrister|agent|adjuster|officer|firefighter|paramedic|driver|conductor|musician|pianist|violinist|guitarist|dancer|priest|vicar|pastor|chaplain|rabbi|imam|minister|vet|veterinarian|journalist|writer|reporter|researcher|scientist|engineer|receptionist|volunteer|librarian|counsellor|counselor|guard|warden|technician|tech|surgeon|optician|optometrist|psychologist|psychiatrist|secretary|clerk|mum|mom|mother|dad|father|parent|grandparent|grandma|grandmother|granny|grandad|grandfather|man|lad|fisherman|farmer|hairdresser|barber|welder|tailor|builder|plumber|electrician|soldier|veteran|cleaner|chef|cook|dj|drummer|singer|undertaker|player|groomer|postie|postman|postwoman|shepherd|docker|plasterer|tiler|painter|decorator|tattooist|trumpeter|flautist|golfer|climber|knitter|bowler|runner|swimmer|cyclist|footballer|gardener|florist|baker|butcher|barista|waiter|waitress|porter|roofer|scaffolder|joiner|carpenter|mechanic|miner|nanny|childminder)";

    // "My son was diagnosed with dystonia yesterday, what does it mean?": the diagnosis is who is asking, not what
    // is asked (which is not how dystonia is diagnosed).
    // "I'm a yoga teacher, quick one: is dystonia something you can catch": who the writer is, said before the question
    // and closed by a comma or colon, says nothing about their health; what follows it still can ("I'm a surgeon and my
    // hand cramps" is no introduction; "I'm a nurse, my own neck pulls" keeps "my own neck").
    [GeneratedRegex(@"^(i'?m|i am|im)\s+(a|an)\s+([\p{L}-]+\s+){0,3}?" + Roles + @"(\s+(here|by trade|by profession|of \w+|(at|in|for|from|on) (a |an |the )?[\p{L}\s-]{1,30}?))?\s*[,:;.–—-]\s*((just |a )?(quick|general|random|simple|short) (one|question|q)|asking (generally|in general|for work))?[\s,:;.–—-]*(?=\S)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RoleIntroduction();

    // "Physio student — whats the difference…", "hairdresser here, a client mentioned…", "fisherman from donegal here,",
    // "violinist. heard musicians…", "dog groomer in essex here 🐩 can…": who the writer is, without "I'm a", set apart by
    // a dash, a colon, "here" or a full stop. A word made like a trade's name ("groomer", "cellist") counts too, but only
    // set apart by "here": "Voice tremor. Can botox help?" and "Pain in shoulder - what helps?" tell the symptom.
    [GeneratedRegex(@"^(?!(my|his|her|our|their|the|your|ur)\b)(a |an )?([\p{L}-]+\s+){0,2}?(" + Roles + Whereabouts + @"(\s*[:—–-]+|\.(?=\s)|" + HereSetApart + @")|[\p{L}-]+(er|ist|or|ian)" + Whereabouts + HereSetApart + @")\s*(?=\S)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareRole();

    // "Marcus wants to know does dystonia get worse with stress", "Kwaku want to know, …", "the girls want to know",
    // "knitting circle wants to know": whose question it is, told
    // first, is no part of it (nor, to the readers, something happening to Marcus).
    [GeneratedRegex(@"^(?!(i|we|you|nobody|no one|noone|my|his|her|our|their|your|ur|why|what|how|when|where|does|do|did)\b)([\p{L}'-]+ ){0,2}[\p{L}'-]+ (wants?|would like|wanted|asks|asked|is asking|was asking|wonders|was wondering|is wondering) (me |us )?to (know|ask)( if| whether)?[\s,:;-]*(?=\S)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AskedOnBehalf();

    // "Sorry to bother you, I know you're busy, but could you tell me…": an apology joined to the question by a comma,
    // which the sentence-by-sentence framing can't set apart.
    [GeneratedRegex(@"^((i'?m|i am) )?(so |really |very |terribly )?(sorry|apologies)( to (bother|trouble|disturb) (you|u)( again)?| for (bothering|troubling|disturbing) (you|u)( again)?| if this is (a )?(silly|stupid|dumb) (question|q))?\s*[,.!:;–—-]\s*((i know (you're|youre|you are|u r|ur) (very |so )?(busy|swamped)|i know (this|it) (is|might be|may be|sounds) (a )?(silly|stupid|dumb) (question|q)?)\s*[,.!:;–—-]\s*)?(but |and )?(?=\S)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ApologyOpening();

    [GeneratedRegex(@"\b(i|i'm|im|i've|ive|we|he|she|they|(my|our) (\w+ ){0,2}?(son|daughter|child|kid|boy|girl|baby|toddler|husband|wife|partner|mum|mom|mother|dad|father|brother|sister|grandma|grandmother|grandpa|grandfather|grandad|grandson|granddaughter|aunt|uncle|niece|nephew|cousin|friend|neighbour|neighbor|patient)( \(\d+\)| \d+)?) (was |were |is |are |am |has been |have been |had been |got |just got |was just |has just been |have just been |recently got |recently been |been )?(just |recently |finally |officially )?(diagnosed|told (s?he|they|i|we) (has|have)) (with |as having )?(?<condition>(\w+ ){0,2}?(dystonia|blepharospasm|torticollis))( (yesterday|today|recently|last (week|month|year)|this (week|month|year)|\w+ (days?|weeks?|months?|years?) ago))?[\s,.;:!-]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DiagnosisContext();

    // "list of dystonia symptoms for my school project", "… for my physio exam revision", "we want to know for the
    // community health talk in our village": what the answer is for says
    // nothing of what is asked (and a school or physiotherapy is a subject the articles leave out). An exam or a test
    // only when it is the asker's own ("what happens in the neurology exam" asks about the examination).
    [GeneratedRegex(@"\b((for|in|about|on) (a|an|my|our|his|her|their|the|this) (school|class|college|uni|university|science|biology|health|psychology|nursing|homework) ?(project|report|assignment|essay|presentation|homework|paper|poster|coursework|class)|for (my|our|a|an) (school|college|uni|university|science|biology|psychology|nursing|physio|physiotherapy|anatomy|pharmacy|pharmacology|neuroscience|first aid|gcse|a-level|a level) (exams?|test|quiz|lecture|course|module)( revision| prep| practice)?|(doing|revising for|studying for|prepping for|working on) (my|our) (\w+ )?(exams?|revision|essay|assignment|homework|coursework|dissertation)( revision| prep)?|(for|in) (our|my|the|a) (staff |team |new staff |carers' |carers )?(training|induction|training session|teaching session)|((we|i) (want|need|would like|wanted) to know )?for (the|a|our) (community|village|church|parish|school|staff|public) (health )?(talk|meeting|assembly|workshop|information session|awareness day|newsletter)( (in|at|for) (our|the|my) \w+)?|need (to|2) (know|kno) (for|4) (tomorrow's|tomorrows|2moro's|2moros) (exam|quiz)s?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Purpose();

    /// <summary>The question <paramref name="text"/> asks, without the framing around it.</summary>
    public static string Question(string text) => WithoutContext(Unframed(text));

    /// <summary>
    /// <paramref name="text"/> without greetings, introductions and sign-offs, but with the context it gives ("my
    /// husband was diagnosed…"), which says whom a question is about.
    /// </summary>
    public static string Unframed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var opened = SmallTalkDetector.StripGreeting(text);
        opened = Salutation().Match(opened) is { Success: true } salutation ? opened[salutation.Length..] : opened;
        opened = ApologyOpening().Match(opened) is { Success: true } apology ? opened[apology.Length..] : opened;
        opened = RoleIntroduction().Match(opened) is { Success: true } role ? opened[role.Length..] : opened;
        opened = BareRole().Match(opened) is { Success: true } bareRole ? opened[bareRole.Length..] : opened;
        opened = AskedOnBehalf().Match(opened) is { Success: true } behalf ? opened[behalf.Length..] : opened;
        var sentences = SentenceBreak().Split(opened.Trim());
        if (sentences.Length < 2)
        {
            return opened;
        }

        var kept = sentences.Where(s => !FramingSentence().IsMatch(s.Trim())).ToList();
        return kept.Count == 0 ? opened : string.Join(' ', kept);
    }

    // "Is this dystonia?", "is it dystonia?", "baclofen or trihexyphenidyl, which one is better?": the question is about
    // what was told.
    [GeneratedRegex(@"\b(is it (a |an )?((type|kind|form|sort) of )?(dystonia|writer'?s cramp|blepharospasm|torticollis)\b|(is|could|can|might) it be|this|that|these|those|he|she|they|him|her|them|his|hers|their|theirs|which (one|ones|of|(\w+ )?(better|best|worse|safer))|either|neither|both)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PointsBack();

    /// <summary>
    /// The sentences of <paramref name="question"/> that ask (end with a question mark), when it has others that only
    /// tell ("is it passed down in families? my father had it and I'm worried for my kids"), or when what is told
    /// comes before the question in its own sentence ("my grandad had a stroke and now his arm twists, can dystonia
    /// come after a stroke?"): then only the asking clause; null when nothing is told around the question.
    /// </summary>
    public static string? AskingSentences(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var sentences = SentenceBreak().Split(question.Trim()).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        var asking = new List<string>();
        var toldAround = false;
        foreach (var sentence in sentences)
        {
            // A question typed without its mark still opens like one ("my head jerked in the meeting again. is stress a
            // trigger"), or its last clause does when set apart from the story ("my nan had a stroke and shes fine now,
            // but in general can a stroke cause dystonia"); "my neck is killing me, what helps" asks about what it tells.
            var commas = QuestionAfterComma().Matches(sentence);
            var clause = commas.Count > 0 ? sentence[(commas[^1].Index + commas[^1].Length)..] : sentence;
            var opens = OpensAQuestion().IsMatch(sentence);
            if (!sentence.EndsWith('?') && !opens && !(commas.Count > 0 && commas[^1].Groups["general"].Success))
            {
                toldAround = true;
                continue;
            }

            // "does dystonia run in families at all, theres talk now its in our family, a wee cousin has it": a
            // question asked first and the story told after it in the same sentence.
            if (opens && commas.Count == 0 && AskedThenTold().Match(sentence) is { Success: true } told)
            {
                clause = sentence[..told.Index];
            }

            toldAround |= clause.Length < sentence.Length;
            asking.Add(clause);
        }

        // "Is this dystonia?" points back at what was told: alone, it asks something else.
        return asking.Count > 0 && toldAround && !asking.Any(s => PointsBack().IsMatch(WithoutTag(s)))
            ? string.Join(' ', asking)
            : null;
    }

    private static string WithoutTag(string asking) =>
        TagQuestion().Replace(asking, string.Empty) is { } untagged && !string.IsNullOrWhiteSpace(untagged) ? untagged : asking;

    // "Can a head injury bring on dystonia or is that a myth?": a tag asking whether the question's own claim is true
    // points at nothing told.
    [GeneratedRegex(@"\s*,?\s*\b(or (is|was) (that|this|it) (just |only |all )?(a |an )?(myth|true|right|wrong|rubbish|nonsense|made up|old wives'? tale|urban legend|lie|fake)|(is|was) (that|this|it) (true|right|correct|a myth))\b\s*[?!.]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TagQuestion();

    // After a question's first clause (four words or more), a comma and what the writer tells, not asks: "theres talk",
    // "my cousin has it", "its in our family", "she was diagnosed".
    [GeneratedRegex(@"(?<=^(\S+\s+){3,}\S+?),\s+(?!(or|and|like|such as|especially|even|i mean|e\.?g\.?|for example)\b)(?=(theres|there's|there is|its|it's|i|i'm|im|i've|ive|we|we're|my|our|a|an|the|his|her|he|she|they)\b[^?]*$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AskedThenTold();

    // The words that open a question, and the condition by its names.
    private const string QuestionWord = @"(is|are|can|could|does|do|did|will|would|should|what|what's|whats|why|how|when|which|who|where)";
    private const string ConditionName = @"(dystoni\w*|blepharospasm|torticollis|dysphonia|cramp)";

    // "General q — can head injuries lead to dystonia": a word that the question is general opens it too, and so do
    // "ok so" and a request ("explain like im 5 what dystonia is").
    [GeneratedRegex(@"^((ok|okay|um|erm)[\s,]+(so[\s,]+)?|right so[\s,]+|so[\s,]+(?!(when|where|if)\b))?(((general|quick|random|simple|honest|serious|silly) (q|question|one)|in general|generally)\s*[—–:,.-]*\s*)?(" + QuestionWord + @"|explain|describe|define)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OpensAQuestion();

    // A comma before a word that opens a question ("…, can dystonia come after a stroke?").
    // "…, but in general can a stroke cause dystonia": words that set the question apart from the story told before it
    // ("in general") are no part of it either; "anyway" and "btw" set it apart as a comma does, and so does a dash in a
    // sentence that names the condition ("zookeeper here, nothing to do with the animals - what does cervical mean in
    // cervical dystonia"; "essay on stroke - what are the warning signs" asks about the stroke).
    [GeneratedRegex(@"(,|\s[-–—]+(?<!^\s*" + QuestionWord + @"\b[^.!?]{0,400})(?:(?<=\b" + ConditionName + @"\b[^.!?]{0,400})|(?=[^.!?]{0,400}\b" + ConditionName + @"\b))|\s(anyway|anyways|anyhow|btw|but yeah|so yeah)[,:]?)\s*(((but|so|and)\s+)?(?<general>in general|generally|out of interest|just wondering)[\s,]+)?(?=(can|could|does|do|did|is|are|will|would|should|may|might|what|why|how|when|which)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuestionAfterComma();

    // "The cramps are killing me, is there anything that makes it go away?": pain said strongly, not death, which the
    // articles leave out and which would make the question one they can't answer.
    [GeneratedRegex(@"\b(?<verb>is|are|'s|s|been)(?<how> literally| really| actually| honestly| just| absolutely| seriously)? killing me\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FigurativePain();

    // "Dying of embarrassment", "want to die of embarrassment", "dying to know": feelings said strongly, not death, which the articles leave out.
    [GeneratedRegex(@"\b(?<die>dying|die|died) (of|from) (embarrassment|shame|the shame|cringe)|\bdying (?<to>to) (?=(know|ask|find out|understand)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FigurativeDying();

    // "Does a drink help dystonia", "a few pints", "the odd dram", "a glass of red": alcohol (a subject the articles
    // leave out). "A drink" only as what might help or worsen, or beside the pub or the booze: a drink of water, one
    // held, spilled, swallowed or choked on, or pulled behind a bar, is no alcohol.
    private const string DrinkAmount = "a|a few|a couple of|couple of|the odd|a wee|a small|one or two|a couple";
    private const string ADrinkSaid = "(" + DrinkAmount + @") drinks?( or two)?";
    [GeneratedRegex(@"(?<!\b(hold|holding|held|spill|spilling|spilt|spilled|lift|lifting|carry|carrying|pour|pouring|pull|pulling|pulled|serve|serving|served|swallow|swallowing|sip|sipping)( (on|up|down|out))?( \w+)? )\b((" + DrinkAmount + @"|few|some) (pints?|tipple|snifter|drams?|bevvy|bevvies|glass(es)? of (red|white|rose|rosé|wine|whisky|whiskey|beer)( wine)?)( or two)?\b|(?<=\b(does|do|can|could|will|would|might|may|is) (having )?)" + ADrinkSaid + @"(?= (help|helps|make|makes|ease|eases|calm|calms|relax|relaxes|settle|settles|stop|stops|improve|improves|worsen|worsens|affect|affects|trigger|triggers|set off|sets off|bad|ok|okay|good)\b)|" + ADrinkSaid + @"(?=[^.!?]{0,60}\b(pub|bar|booze|drunk|tipsy|hangover|night out|whisky|whiskey|beer|wine|vodka|gin|alcohol)\b)(?<!\b(cough|choke|choking|coughing|straw|swallow|swallowing|tablets?|pills?) [^.!?]{0,30}))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ADrink();

    // "Muscles that stay clenched for ages": a long time (age is a subject the articles leave out).
    [GeneratedRegex(@"\bfor (ages|age+s|yonks|donkey'?s years)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForAges();

    // "Does it go for the muscles u use loads?": muscles used frequently, as the article says; "loads" and "the most"
    // are amounts, which the articles leave out.
    [GeneratedRegex(@"\b((?<part>muscles?|hands?|fingers?|arms?|legs?|body parts?|parts?( of (the|your|ur) body)?|ones)\s+(that\s+|which\s+)?(you|u|we|i|they|people|one|ya|ye|yer)\s+use|from (using|overusing|over-using) (it|them|the \w+|your \w+|ur \w+|my \w+))\s+(loads|a lot|alot|lots|the most|most|all the time|constantly|every ?day|often|heaps|a ton|so much|over and over|repeatedly|non-?stop)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UsedALot();

    // "What's cervical dystonia when it's at home": an idiom for "what is it really", no home in it.
    [GeneratedRegex(@"\s*\bwhen (it's|its|it is|they're|theyre|they are) at home( like)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhenItsAtHome();

    // "The leaflet at the surgery", "rang the GP surgery": in British English the doctor's practice, a place, not the
    // operation (a treatment the articles leave out).
    [GeneratedRegex(@"\s*\b((at|from|to|rang|phoned|called|ring|phone|call) (the|my|our) (gp'?s?|doctor'?s?|doctors|local) surgery|(?<=\b(leaflets?|posters?|nurse|appointment|receptionist)) (at|from) the surgery)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AtTheSurgery();

    // "Is it all in the head?": whether it is psychological, which the article answers by saying what it is; the head
    // itself is no part of the question.
    [GeneratedRegex(@"\b(all|just|only|purely) in (the|your|ur|my|his|her|their|our|one's|ones) (head|heads|mind|minds)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InTheHead();

    // "What does abnormal posturing mean when they talk about dystonia?": who says the words is no part of the
    // question (and talking is a subject the articles leave out); the words are asked "in" the condition.
    [GeneratedRegex(@"\b(when|where|as|if) (they|doctors?|people|you|u|the (doctors?|neurologists?|nurses?|specialists?|leaflets?|websites?|articles?|books?)) (talk|talks|talking|talked|speak|speaks|speaking|say|says|said|write|writes|wrote|mention|mentions|mentioned|describe|describes|described) (about|bout|abt|of|on)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SaidAbout();

    // "I should be most obliged if you would kindly inform me whether …": courtesy around what is asked.
    [GeneratedRegex(@"\b((i|we) (would|should|'d) be (most |very |so |really |extremely )?(obliged|grateful|thankful)( to you)? if (you|someone|somebody) (would|could|can) (kindly |please )?(inform|tell|let|advise) (me|us)( know)?|^(please )?kindly (tell|inform|advise|explain|let (me|us) know)( (me|us))?( whether| if)?)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Courtesy();

    // "The doc said blepharo-whatever, thats a type of dystonia?": who said the words is no part of what is asked about
    // them (and doctors are a subject the articles leave out).
    [GeneratedRegex(@"\b(the|my|his|her|our|their|me) (doc|doctor|dr|gp|neuro|neurologist|consultant|specialist|physio|nurse) (basically |just |only |apparently )?(said|says|told (me|us|him|her|them)|mentioned|reckons|thinks)( that)?\b[\s,:]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DoctorSaid();

    // "Ta love. One more, does it make your muscles spasm": a question that says it follows another says nothing more.
    // "Can you help me fix a bug in my code": asking for help is how the request opens, not what it is about (and the
    // articles' "help to relieve symptoms" is no answer to it).
    [GeneratedRegex(@"^(one more( thing| question| q)?|another (one|thing|question|q)|last (one|thing|question|q)|(and |oh and )?also|oh and|quick one)\s*[,:;.-]\s*(?=\S)|^(please |pls |plz )?((can|could|would|will) (u|you|ya) (please |pls |plz )?)?help me( please| pls| plz)?( (with|to|out with)\b)?\s*(?=\S)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnotherQuestion();

    // "Does your material recognise head injury as a possible cause?": asking whether the article says it is asking
    // what it says; the material, and recognising, are no part of the question.
    [GeneratedRegex(@"\b(does|do|did|would|will|can) (your|the|this|ur) (material|materials|article|information|info|page|website|site|leaflet|text|source|sources|guidance|literature) (say|says|mention|recogni[sz]e|list|cover|include|count|accept|acknowledge|talk about|say anything about)( that| whether| if)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AsksTheArticle();

    private static string WithoutContext(string question)
    {
        // The condition stays: it is what the question is about ("… what does it mean?").
        var stripped = Purpose().Replace(DiagnosisContext().Replace(question, static m => m.Groups["condition"].Value + ": "), " ").Trim();
        stripped = SaidAbout().Replace(stripped, "in");
        stripped = Courtesy().Replace(stripped, string.Empty).Trim();
        stripped = AsksTheArticle().Replace(stripped, "is").Trim();
        stripped = DoctorSaid().Replace(stripped, string.Empty).Trim();
        stripped = AnotherQuestion().Replace(stripped, string.Empty).Trim();
        stripped = FigurativePain().Replace(stripped, static m => m.Groups["verb"].Value + " really bad");
        stripped = FigurativeDying().Replace(stripped, static m => m.Groups["to"].Success ? "want to " : m.Groups["die"].Value.Equals("dying", StringComparison.OrdinalIgnoreCase) ? "so embarrassed" : "feel embarrassed");
        stripped = InTheHead().Replace(stripped, "psychological");
        stripped = ForAges().Replace(stripped, "for a long time");
        stripped = ADrink().Replace(stripped, "alcohol");
        stripped = UsedALot().Replace(stripped, static m => m.Groups["part"].Success ? m.Groups["part"].Value + " used frequently" : "from being used frequently");
        stripped = WhenItsAtHome().Replace(stripped, string.Empty);
        stripped = AtTheSurgery().Replace(stripped, string.Empty);
        // Never leave nothing, or only a fragment: then the context was the question.
        return stripped.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2 ? stripped : question;
    }
}
