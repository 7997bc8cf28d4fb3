using System.Text.RegularExpressions;

namespace DystoniaBot.Conversation.Safety;

/// <summary>What kind of urgent help a message calls for.</summary>
public enum RedFlagKind
{
    /// <summary>A medical emergency: call the emergency number.</summary>
    Emergency,

    /// <summary>Thoughts of suicide or self-harm: the crisis line, and the emergency number if in danger.</summary>
    Crisis,
}

/// <summary>A red flag found in a message.</summary>
/// <param name="Kind">Emergency or crisis.</param>
/// <param name="Sign">Which warning sign matched (for logs and tests; never the user's text).</param>
public sealed record RedFlag(RedFlagKind Kind, string Sign);

/// <summary>
/// Finds emergency warning signs (ACEP's list, BE FAST for stroke, and dystonia's own: status dystonicus, throat
/// closing after an injection, a failed brain stimulator). Runs before any search. Signs that are also ordinary
/// topics ("can a stroke cause dystonia?") count only when the message speaks of someone now ("I", "my child",
/// "right now").
/// </summary>
public static partial class RedFlagDetector
{
    // Source-generated, so startup pays nothing for them. Rules with several keyword groups look for them within one
    // sentence (at most 120 characters apart), which is what they mean and also bounds backtracking.
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    // Within one sentence: a decimal point ("a temperature of 39.8") does not end it. Bounded, so a crafted message of
    // one endless sentence costs what an ordinary one does.
    private const string SameSentence = @"(?:[^.!?]|(?<=\d)\.(?=\d)){0,400}";

    // Where a sentence starts: the message's start, or after an end of sentence (never a decimal point, which would
    // make every "1.2.3.4…" a start and each start a scan to the end).
    private const string SentenceStart = @"(?:^|[!?]|(?<!\d)\.|\.(?!\d))";

    // Lay words for the same signs, shared by the rules that combine them.
    // Exercise, which raises the heart rate on purpose.
    private const string Exercise = @"treadmill|running|run|runs|ran|jog\w*|exercis\w*|workout|working out|work out|gym|cycling|bike ride|spin class|training|sprint\w*|hiit|cardio|football|match|climbing stairs|hike|hiking|swim\w*";

    // Medicines people with dystonia (and those around them) are prescribed, by the names they call them.
    internal const string Medicines = @"baclofen|lioresal|trihexyphenidyl|benzhexol|artane|clonazepam|rivotril|klonopin|diazepam|valium|lorazepam|ativan|tetrabenazine|xenazine|levodopa|sinemet|madopar|gabapentin|pregabalin|lyrica|tramadol|codeine|co-codamol|paracetamol|acetaminophen|tylenol|ibuprofen|amitriptyline|sertraline|zopiclone|zolpidem|propranolol|tizanidine|carbamazepine";
    private const string Fever = @"(fever\w*|\bt ?(3[89]|4[0-2])\.\d\b|high temp\w*|temp(erature)? (of |is |at |over )?(3[89]|4[0-3])|(thermometer|temp|temperature)\b[^.!?]{0,20}\b(39\.[5-9]|4[0-2](\.\d)?|10[3-6](\.\d)?)\b|(burning|boiling|roasting) (hot|up)|(very|really|so) hot|hot to (the )?touch)";
    private const string Rigid = @"(rigid\w*|stiff\w*)";
    // Confusion as families tell it, read by both confusion's patterns: talk that makes no sense, nobody in the room known.
    private const string NoSenseOrNoOneKnown = @"making no sense|not making any sense|(talking|talks|talked|speaking) (complete |utter |total |absolute )?(nonsense|gibberish|jibberish)|(doesn't|does not|don't|do not|can't|cannot) (know|recogni[sz]e) who (any of )?(us|we|they|you) (are|is)|(didn't|did not|couldn't|could not) (know|recogni[sz]e) who (we|i|they|you) (were|was)";
    private const string Confused = @"(confus\w*|delirious|disorient\w*|not making sense|out of it|" + NoSenseOrNoOneKnown + @"|(doesn't|does not|don't|do not|can't|cannot) (know|recogni[sz]e) (where|who|what|us|me)|(doesn't|does not|don't|do not|can't|cannot) recogni[sz]e (anyone|anybody|(his|her|their|my) (own )?(mum|mom|dad|mother|father|wife|husband|kids|children|family))|drifting in and out)";
    private const string Spasms = @"(spasm\w*|twist\w*|arching|dystoni\w*|contraction\w*|jerking|posturing|cramp\w*)";
    private const string NonStop = @"(continuous(ly)?|constant(ly)?|x ?\d+ ?(hours?|hrs?|h|days?)\b|won't stop|will not stop|(haven't|hasn't|have not|has not|not) stopped|non[- ]?stop|all (day|night)|for (like |about |over |nearly |more than )?(\d+ ?(hours?|hrs?|h)\b|hours|a whole day)|since (this morning|last night|yesterday))";
    // Status dystonicus is spasms that don't stop with the body failing: no fluids, dark urine, fever, drenching sweat.
    private const string Exhausted = @"((can't|cannot|unable to|not) (even )?(drink\w*|swallow\w*|eat\w*|take a sip|keep (anything|fluids|water|drinks) down)|(not|hasn't|hasnt|has not|hadn't|hadnt|had not|haven't|havent) (had|drunk|drank) (anything|a thing|a drop|any water|any fluids?|owt)|(can't|cannot|cannae|canna) get (a |any )?(drink|fluids?|water)|(urine|wee|pee) (is |has gone |has turned |turned |went |gone |looks |is going )?(very |really |quite )?(dark|brown|cola|red|tea[- ]colou?red)|dark (urine|wee|pee)|soaked in sweat|drenched|sweating (buckets|heavily|a lot)|" + Fever + ")";

    // Status dystonicus told over several short sentences ("Her whole body has been twisting since last night. She's
    // burning hot."): the body failing in words that never describe a chronic complaint (fever, dark urine, no fluids,
    // drenched), so the three may sit in different sentences of one message's opening.
    private const string BodyFailing = @"((can't|cannot|unable to|not) (even )?(drink\w*|take a sip|keep (anything|fluids|water|drinks) down)|(urine|wee|pee) (is |has gone |has turned |turned |went |gone |looks )?(very |really |quite )?(dark|brown|cola|red)|dark (urine|wee|pee)|soaked in sweat|drenched|" + Fever + ")";
    // A lot of drink, as people say it ("like a bottle of vodka", "6 pints").
    private const string LotOfAlcohol = @"((like |about |nearly |almost )?((a|the|half a|a whole|most of a|two|three|\d+|a couple( of)?|a few|several) (bottles?|litres?|liters?) of( \w+)? (vodka|whisky|whiskey|wine|gin|rum|tequila|brandy|spirits)|(\d+|four|five|six|seven|eight|nine|ten|loads of|lots of|several) (pints|shots|cans|glasses|beers|drinks)( of \w+)?|(loads|lots|a lot|too much) of( the)? (alcohol|booze|drink|vodka|whisky|whiskey|wine|gin|rum|spirits)))";

    // Water someone can be pulled from or drown in.
    private const string OpenWater = "water|pool|sea|river|lake|canal|loch";

    // A child as parents and grandparents name one ("the wee one", "my 4yo").
    private const string AChild = @"(kid|child|toddler|baby|son|daughter|grandson|granddaughter|little (boy|girl|one|sister|brother|cousin|nephew|niece)|baby (sister|brother)|wee (one|boy|girl|man|lass|lad)|bairn|\d+ ?(yo|y/o|yrs? old|years? old|months? old|mo))";

    // Words that put a sign in the present: read by both the learning and the history exceptions.
    private const string Today = "right now|just now|currently|at the moment|tonight|today|this (morning|afternoon|evening)";

    // Swallowing trouble with big tablets is a question for the pharmacist, not an emergency.
    private const string NotTablets = @"(?! (big |large |whole |the |my |his |her |their )?(tablets|pills|capsules))";

    // Blood leaving a wound under pressure, as people type it (a final "g" often dropped).
    // What people swallow that poisons, beyond medicines: farm and garden chemicals, household cleaners, fuels.
    private const string Poisons = @"pesticides?|insecticides?|herbicides?|paraquat|rat poison|weed ?killer|slug pellets|poison|bleach|dish soap|washing[- ]up liquid|fabric softener|antifreeze|drain cleaner|oven cleaner|kerosene|paraffin|petrol|gasoline|lighter fluid|(dishwasher|laundry|washing) (tablets?|pods?|capsules?|liquid)";

    private const string Spurting = "pumping|pumpin|spurting|spurtin|gushing|gushin|squirting|squirtin";

    private const string SameMessageOpening = @"[\s\S]{0,600}";

    // What someone studies or writes for: "for my nursing essay", "for our care home training". Read also by the
    // personal-question check, where it makes a question framing, not the asker's health.
    internal const string StudyWork = "course|class|exam|quiz|leaflet|project|essay|assignment|homework|training|lecture|presentation|revision|newsletter|dissertation|thesis|coursework";

    // Hopelessness as people say it beside a plan or its means.
    private const string Hopeless = @"((what's|whats|what is) the point|no point|pointless|had enough|giving up|given up on|done with (it|this|life|everything)|tired of (living|it all|this|everything)|can't go on|cant go on|no reason to)\b";

    // Confusion as a state someone is in now, not being confused about a question ("I'm confused about whether…").
    private const string ConfusedNow = @"((been|is|seems|seemed|became|got|getting|gone|very|really|so|all|and|he's|she's|they're|(feel|feels|feeling|felt) (kind of |kinda |a bit |quite |very |really |so )?) ?)confused(?! (about|by|whether|as to|why|how|what|which))|confusion|delirious|disorient\w*|not making sense|" + NoSenseOrNoOneKnown + @"|(doesn't|does not|don't|do not|can't|cannot) (know|recogni[sz]e) (where (he|she|they) (is|are)|who (he|she|they|i|we) (is|are|am)|us|me)|(doesn't|does not|don't|do not|can't|cannot) recogni[sz]e (anyone|anybody|(his|her|their|my) (own )?(mum|mom|dad|mother|father|wife|husband|kids|children|family))";

    // One sign may have several patterns, split by meaning: the engine skips ahead to the letters a pattern can start
    // with, and an alternation of dozens of openings can start with almost any letter, so it tries every position
    // (the crisis words as one pattern cost four times what they cost as five).
    private static readonly (string Sign, RedFlagKind Kind, bool NeedsSomeoneNow, Regex Pattern)[] Rules =
    [
        ("suicidal thoughts", RedFlagKind.Crisis, false, WantsToDie()),
        ("suicidal thoughts", RedFlagKind.Crisis, false, NotWantingToExist()),
        ("suicidal thoughts", RedFlagKind.Crisis, false, StoppedEatingAndDrinking()),
        ("self-harm", RedFlagKind.Crisis, false, SelfHarm()),
        ("not being here much longer", RedFlagKind.Crisis, false, NotHereMuchLonger()),
        ("not being here much longer", RedFlagKind.Crisis, false, GoneSoon()),
        ("a plan or the means", RedFlagKind.Crisis, false, EnoughAndADaySet()),
        ("not wishing to go on living", RedFlagKind.Crisis, false, NotWishingToGoOn()),
        ("a place chosen", RedFlagKind.Crisis, false, APlaceChosen()),
        ("up on a high place, with no point going on", RedFlagKind.Crisis, false, OnAHighPlaceHopeless()),
        ("about to jump from a high place", RedFlagKind.Crisis, false, AboutToJump()),
        ("asks for a painless way to die", RedFlagKind.Crisis, false, AsksForAPainlessWayToDie()),
        ("a plan or the means", RedFlagKind.Crisis, false, APlanOrTheMeans()),
        ("the means at hand and had enough", RedFlagKind.Crisis, false, MeansAndIntent()),
        ("the means laid out", RedFlagKind.Crisis, false, MeansLaidOut()),
        ("the place and the time settled", RedFlagKind.Crisis, false, PlaceAndTimeSettled()),
        ("a farewell note", RedFlagKind.Crisis, false, AFarewellNote()),
        ("how many is too many, for tonight", RedFlagKind.Crisis, false, TooManyForTonight()),
        ("magnets or a battery swallowed", RedFlagKind.Emergency, false, MagnetOrBatterySwallowed()),
        ("gas in the home, with headaches or drowsiness", RedFlagKind.Emergency, false, GasInTheHome()),
        ("an electric shock", RedFlagKind.Emergency, false, ElectricShock()),
        ("a fire, a crash or someone in the water", RedFlagKind.Emergency, false, FireCrashOrWater()),
        ("putting affairs in order, saying goodbye", RedFlagKind.Crisis, false, PuttingAffairsInOrder()),
        ("a goodbye, then out of reach", RedFlagKind.Crisis, false, GoodbyeThenOutOfReach()),
        ("a day chosen, and no point going on", RedFlagKind.Crisis, false, ADayChosen()),
        ("a plan told by its pieces", RedFlagKind.Crisis, false, PlanToldByItsPieces()),
        ("not being around, with it settled", RedFlagKind.Crisis, false, NotAroundAndSettled()),
        ("a day picked, the letters written", RedFlagKind.Crisis, false, ADayPickedLettersWritten()),
        ("asks for a high place, with nothing to lose", RedFlagKind.Crisis, false, AsksForAHighPlace()),
        ("cutting into the skin", RedFlagKind.Crisis, false, CuttingIntoTheSkin()),
        ("voices telling them to harm someone", RedFlagKind.Crisis, false, VoicesTellingToHarm()),
        ("a goodbye, having stopped fighting", RedFlagKind.Crisis, false, GoodbyeAfterStoppingFighting()),
        ("a deep self-inflicted wound", RedFlagKind.Emergency, false, DeepSelfInflictedWound()),
        ("cannot breathe", RedFlagKind.Emergency, false, CannotBreathe()),
        ("trouble breathing", RedFlagKind.Emergency, true, TroubleBreathing()),
        ("noisy, high-pitched breathing", RedFlagKind.Emergency, false, NoisyHighPitchedBreathing()),
        ("chest pain", RedFlagKind.Emergency, false, ChestPain()),
        ("a racing heart", RedFlagKind.Emergency, false, RacingHeart()),
        ("pale, clammy and unwell (shock)", RedFlagKind.Emergency, true, PaleAndClammy()),
        ("stroke", RedFlagKind.Emergency, false, Stroke()),
        ("stroke", RedFlagKind.Emergency, false, FaceSuddenlyFallenSpeechGone()),
        ("stroke", RedFlagKind.Emergency, false, FaceFallenAndWordsWrong()),
        ("sudden loss of sight", RedFlagKind.Emergency, false, SuddenLossOfSight()),
        ("a sudden, worst-ever headache", RedFlagKind.Emergency, true, WorstEverHeadache()),
        ("a household unwell indoors (carbon monoxide)", RedFlagKind.Emergency, true, CarbonMonoxide()),
        ("sudden weakness or numbness", RedFlagKind.Emergency, true, SuddenWeaknessOrNumbness()),
        ("seizure", RedFlagKind.Emergency, false, Seizure()),
        ("unconscious", RedFlagKind.Emergency, false, Unconscious()),
        ("bleeding", RedFlagKind.Emergency, false, Bleeding()),
        ("pregnant, bleeding or in severe pain", RedFlagKind.Emergency, false, PregnantBleedingOrInPain()),
        ("poisoning or overdose", RedFlagKind.Emergency, false, PoisoningOrOverdose()),
        ("too many pills", RedFlagKind.Emergency, true, TooManyPills()),
        ("medicine with a lot of alcohol", RedFlagKind.Emergency, true, MedicineWithLotsOfAlcohol()),
        ("a dose taken twice or more", RedFlagKind.Emergency, true, DoseTakenTwice()),
        ("a dose taken again, and unwell", RedFlagKind.Emergency, false, ExtraDoseAndUnwell()),
        ("a large burn or scald", RedFlagKind.Emergency, false, LargeBurnOrScald()),
        ("a diabetic, sweaty and confused (low blood sugar)", RedFlagKind.Emergency, false, LowBloodSugar()),
        ("a child with a high fever, very sleepy or floppy", RedFlagKind.Emergency, false, ChildFeverAndDrowsy()),
        ("a household cleaner swallowed", RedFlagKind.Emergency, false, HouseholdCleanerSwallowed()),
        ("child swallowed medicine", RedFlagKind.Emergency, true, ChildSwallowedMedicine()),
        ("head injury with warning signs", RedFlagKind.Emergency, false, HeadInjuryWithWarningSigns()),
        ("a fall with warning signs", RedFlagKind.Emergency, true, FallWithWarningSigns()),
        ("found on the floor and confused", RedFlagKind.Emergency, false, FoundOnTheFloor()),
        ("a young baby with a fever, floppy or not feeding", RedFlagKind.Emergency, false, YoungBabyUnwell()),
        ("fever, rigidity and confusion", RedFlagKind.Emergency, false, FeverRigidityConfusion()),
        ("fever with confusion", RedFlagKind.Emergency, true, FeverWithConfusion()),
        ("an infected wound with a fever", RedFlagKind.Emergency, true, InfectedWoundWithFever()),
        ("status dystonicus", RedFlagKind.Emergency, false, StatusDystonicus()),
        ("days without drink, confused or not passing water", RedFlagKind.Emergency, false, DaysWithoutDrink()),
        ("throat closing", RedFlagKind.Emergency, false, ThroatClosing()),
        ("trouble swallowing", RedFlagKind.Emergency, true, TroubleSwallowing()),
        ("deep brain stimulator failure", RedFlagKind.Emergency, true, DeepBrainStimulatorFailure()),
        ("fever with severe spasms", RedFlagKind.Emergency, true, FeverWithSevereSpasms()),
        ("rapid severe worsening", RedFlagKind.Emergency, true, RapidSevereWorsening()),
        ("asks for an ambulance", RedFlagKind.Emergency, false, AsksForAnAmbulance()),
        ("acute dystonic reaction to a medicine", RedFlagKind.Emergency, false, AcuteDystonicReaction()),
        ("acute dystonic reaction to a medicine", RedFlagKind.Emergency, false, AcuteDystonicReactionSignFirst()),
        ("someone else's medicine with symptoms", RedFlagKind.Emergency, false, SomeoneElsesMedicine()),
        ("hard to wake or breathing strangely", RedFlagKind.Emergency, true, HardToWakeOrBreathingStrangely()),
        ("a rash that does not fade under pressure", RedFlagKind.Emergency, true, RashThatDoesNotFade()),
        ("stiff neck with fever", RedFlagKind.Emergency, true, StiffNeckWithFever()),
        ("wants to die, in another language", RedFlagKind.Crisis, false, WantsToDieInAnotherLanguage()),
        ("cannot breathe or needs an ambulance, in another language", RedFlagKind.Emergency, false, EmergencyInAnotherLanguage()),
    ];

    // Lowered consciousness and failing breathing: the signs every emergency list starts with, in lay words.
    [GeneratedRegex(@"\b((hard|difficult|impossible|can't|cannot) to wake( up)?|(can't|cannot|won't|will not|isn't|is not) (stay|staying|keep|keeping) awake|(can't|cannot) wake (him|her|them|me)|(breathing('?s)?|breaths?) (is |are |sounds |seems |looks |feels |felt |has gone |went )?(really |very |a bit |kinda |kind of |a little )?(slow|shallow|funny|weird|strange|noisy|rattly|rattling|gurgling|gurgly|bubbly|irregular|stopped|tight|laboured|labored)|(gurgl\w*|rattl\w*|bubbly|noisy wet) breath(ing|s)?|gcs (is )?(dropping|falling|\d+)|(only |just |tiny |little )?(small|quick|fast|short|rapid|tiny|shallow|little) (little |quick |shallow |short )?(breaths|gasps)|breathing (very |really |so )?(fast|quick\w*|rapid\w*|hard|heavily) and (shallow\w*|short|weak\w*))\b", Options)]
    private static partial Regex HardToWakeOrBreathingStrangely();

    // The glass test for meningococcal sepsis: spots or a rash that stay when pressed.
    [GeneratedRegex(@"\b(rash|spots|marks|blotches|dots|pinpricks)\b[^.!?]{0,80}\b((don't|do not|dont|doesn't|does not|won't|will not|not) (fade|go away|disappear|blanch|go pale)|under (a|the) glass|press(ed|ing)? (a |the )?glass)|\b(purple|dark red) (spots|rash|marks|blotches|dots)\b", Options)]
    private static partial Regex RashThatDoesNotFade();

    // A stiff neck is dystonia's everyday sign; with fever or a flu-like illness it is meningitis's.
    [GeneratedRegex(SentenceStart + @"(?=" + SameSentence + @"\b(stiff neck|neck (is |feels )?(very |really )?stiff|(can't|cannot) (bend|move|touch) (his|her|my|their) (head|neck|chin)( forward| down| to (his|her|my|their) chest)?)\b)(?=" + SameSentence + @"\b(" + Fever + @"|flu|feverish|shivering|chills)\b)", Options)]
    private static partial Regex StiffNeckWithFever();

    // A frightened person may type the few words that matter in their first language, around English ones: the
    // languages most spoken by people writing to an English-language service in Europe and the Americas, and Tagalog.
    [GeneratedRegex(@"\b(quiero morir\w*|me quiero matar|quero morrer|me quero matar|je veux mourir|ich will sterben|chc[ęe] umrze[ćc]|chc[ęe] si[ęe] zabi[ćc]|marna chahta|marna chahti|mar jaana chahta|mar jana chahta)\b", Options)]
    private static partial Regex WantsToDieInAnotherLanguage();

    [GeneratedRegex(@"\b(n[ãa]o consigo respirar|n[ãa]o consigo engolir|no puedo respirar|no puede respirar|no puedo tragar|je ne peux pas respirer|je n'arrive pas [àa] respirer|ich kann nicht atmen|ich bekomme keine luft|nie mog[ęe] oddycha[ćc]|nie mo[żz]e oddycha[ćc]|saa?ns nahi[n]? (aa|le pa|ho pa) rah[ia]|no me entra (el )?aire|hindi (ako |siya |sya )?(po )?makahinga|di (ako |siya |sya )?makahinga|me falta el aire|me estoy ahogando|se me (esta )?cierra(ndo)? la garganta|la garganta se me (esta )?cerrando|ambulancia|ambul[âa]ncia|krankenwagen|karetk[aęi])\b", Options)]
    private static partial Regex EmergencyInAnotherLanguage();

    // The warning signs crisis lines teach beside the words: affairs put in order, belongings and pets given away (all
    // of someone's jewellery, a hug "like it was goodbye"), pills gathered, and telling people they won't be needing
    // what comes next.
    [GeneratedRegex(@"(?:\b|^)(goodbye (forever|for ever|for good)|(you|u|you all|y'all|yall|anyone|anybody|nobody|no one) (won't|will not|wont|will never|'ll never|ll never) (see|hear from) me again|^(?=[\s\S]{0,600}\bmy (last|final) (message|text|words)\b)(?=[\s\S]{0,600}\b(forgive me|love (you|yous|ya) all|sorry for everything|won't be here|wont be here|will not be here|(goodbye|bye|farewell) (to )?(everyone|everybody|all of you|you all))\b)|(^\W*|(i'm|im|i am|i've been|ive been|been|just|(want|going|wanted) to) )(saying|said|say) (my )?(last |final )?goodbyes? to (everyone|everybody|all of (you|them)|you all|my (family|kids|children|loved ones))\b(?! (at|in|on|from|when|before) )(?![^.!?]{0,60}\b(week|weekend|holidays?|trip|plane|flight|airport|train|bus|school|off to|leaving for|visit\w*|dad's|mum's|mom's)\b)|bye forever|(sorted|sorting|put|putting|got|getting) (out )?(all )?(of )?my affairs( in order)?|affairs in order|giv(e|en|ing) away (all )?(of )?(my|his|her|their) (things|stuff|belongings|possessions)|(giv(en|ing)|gave) (away )?(my|the|our|his|her|their) (dog|cat|pets?|things|stuff|guitar|belongings|laptop|games|console|bike|car|camera|ring|watch|tools)( and (my |the |our |his |her |their )?(dog|cat|pets?|things|stuff|guitar|belongings|laptop|games|console|bike|car|camera|ring|watch|tools))? (away|to)|(won't|will not|wont) be needing|(written|wrote|writing|left) (goodbye |last |my )?(letters|notes) (to|for) (everyone|everybody|all of (them|you)|each of (them|you)|my (family|kids|children|wife|husband|partner|parents|mum|mom|dad))(?!')|(don't|do not|dont) think (i'll|ill|i will|he'll|she'll) be needing (it|this|them|anything|any of (it|this|them)) (much longer|for (much )?longer|for long|any ?more|after (tonight|today))|(sorted|sorting|decided|arranged|arranging|worked) (out )?who (gets|will get|is getting|should get|takes|will take|can have|is having) my (dog|cat|pets?|things|stuff|belongings|kids|children)|(i|i've|ive|i have|and|today|tonight|finally|already) (sorted|decided|arranged|worked) (out )?who (gets|will get|should get|can have) what\b|(won't|will not) need\b[^.!?]{0,40}\b(after|past|beyond) (tonight|today|this week|this weekend|tomorrow)|(pills|tablets|meds) (are )?(all )?(saved|savd|stockpiled|stored up|lined up|counted out)(?! (for|in|into) (the |my |a |each |every )?(week|weeks|days?|month|dosette|organi[sz]er|pill ?box|box))|(kept|keeping|put|putting|set|setting|held|holding) (back|aside|by) (a (month|week|fortnight)'?s? (worth )?of |all |some of |enough of |a good (quantity|number|supply|few) of |plenty of )?(my |his |her )?(sleeping |sleep |heart |pain )?(pills|tablets|meds|medication|medicine)|(gave|given|giving) (away )?(my|all my|his|her)\b[^.!?]{0,60}\b(won't|wont|will not|not going to|don't|dont) need (them|it|those|these|any of it)|(gave|given|giving|handed|handing) (away |out |me |us |him |her |them |everyone |people )?all (of )?(my|his|her|their) (jewell?ery|jewelry|rings|watches|savings|money|games|paintings|books|records|tools|clothes|things|stuff|belongings|possessions)|(hugged|held|kissed) (me|us|him|her|them|everyone) (like|as if|as though) (it was|it were|she was saying|he was saying|they were saying) (a |the )?(last )?goodbye|^(?=[\s\S]{0,600}\bmade (my|her|his|their) peace\b(?! with))(?=[\s\S]{0,600}\b(love (you|yous|ya) (all|guys|both)|goodbye|bye (all|everyone|everybody)|(tired|sick) of fighting|done fighting|sorry for everything)\b))\b", Options)]
    private static partial Regex PuttingAffairsInOrder();

    // A message that sounds like a goodbye, then nobody can reach its sender ("'sorry mum i cant do this anymore' and
    // now she wont answer the door", "'tell mom im sorry' … now she wont pick up"): what parents are told to treat as
    // an emergency.
    [GeneratedRegex(@"^(?=" + SameMessageOpening + @"\b((can't|cannot) (do|take) (this|it) any ?more|sorry (mum|mom|dad|everyone|for everything)|tell (mum|mom|dad|everyone|them|him|her|my \w+) (i'm|im|i am) sorry|(it's|its|it is) (easier|better) this way|goodbye|love you( all| always| forever| so much)?|(look after|take care of|feed|walk) (the|my|our) (\w+ )?(dog|dogs|cat|cats|kids|children|pets?|boys|girls|family) for me)\b)(?=" + SameMessageOpening + @"\b((won't|wont|will not|isn't|is not|not) (answer(ing)?|open(ing)?|pick(ing)? up|respond(ing)? to) (the |her |his |my |their )?(door|phone|calls?|texts?|messages?)|(won't|wont|will not|doesn't|doesnt|does not|didn't|didnt) (answer|pick up)\b(?! (my|the|a|your|this|that|any|all) (question|email|letter|query|questions|emails|letters))|(he's|hes|she's|shes|they're|theyre|he is|she is|they are) not (answering|picking up|responding)|locked (herself|himself|themselves) in)\b)", Options)]
    private static partial Regex GoodbyeThenOutOfReach();

    // A date chosen beside hopelessness ("no cure then theres no point, ive decided sunday is the day"): a plan told by its
    // day alone. A day chosen for something else ("friday is the day for my botox") is not.
    [GeneratedRegex(@"^(?=" + SameMessageOpening + @"\b(no point|(what's|whats|what is) the point|pointless|had enough|(can't|cannot|cant) (do|take) (this|it) any ?more|done with (this|it all|everything|life)|nothing (left )?to live for|tired of (fighting|living|this|it all)|no way out|give up|giving up)\b)" + SameMessageOpening + @"\b(decided|picked|chosen|chose|set|know|knew|it's|its|it is)( that)? (\w+ )?(is|will be|'s|would be) (the|my) (day|night|date|time)\b(?!\s+(for|of|to|i|we|when|that|she|he|they|my)\b)", Options)]
    private static partial Regex ADayChosen();

    // A plan told by its pieces, the way crisis lines hear it: the means or the affairs, and the place or time chosen
    // ("sorted my will, written the notes and picked the bridge"; "rope's in the garage, planned it all out").
    [GeneratedRegex(@"^(?=" + SameMessageOpening + @"\b(rope|noose|knife|blade|gun|pistol|pills|tablets|notes|letters|my will|life insurance|deleted my (socials|accounts|profiles?)|planned it (all )?out|worked it (all )?out|no point|had enough)\b)" + SameMessageOpening + @"(\b(picked|chosen|chose|pick|choose|decided on|found) (the|a|my) (bridge|spot|place|time|night|date|day|building|cliff|car park)\b(?!\s+(for|to|of|at|on|with)\b)|\brope('s| is) (in|up in|ready in) the (garage|shed|loft|attic|car|wardrobe|barn)\b|\bplanned it (all )?out\b(?=" + SameMessageOpening + @"\b(rope|noose|knife|gun|pills|tablets|bridge)\b)|\b(tonight|today|tomorrow|this weekend)('s|s| is) (the|my) (night|day)\b(?!\s+(for|of|to|i|we|when|that|she|he|they|my)\b))", Options)]
    private static partial Regex PlanToldByItsPieces();

    // Not being around long enough to need something, beside the matter waved away or settled ("doesnt matter, wont be
    // around long enough to need it. got it all sorted for tomorrow"): a plan told without its name. Old age's "at 85 i
    // wont be around long enough to see a cure", with nothing waved away or settled, is not.
    [GeneratedRegex(@"^(?=" + SameMessageOpening + @"\b((doesn't|doesnt|does not|don't|dont|won't|wont) (really |even )?matter|never ?mind|forget (it|i asked)|(got|have|had|'ve got|ve got) (it |everything )?(all )?(sorted|planned|arranged|worked out|figured out|ready)|(all )?(sorted|planned|arranged|ready) for (tonight|tomorrow|the weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b)" + SameMessageOpening + @"\b(won't|wont|will not|not gonna|ain't gonna|aint gonna|not going to|i'm not going to|im not going to|i won't|i wont) be (here|around|alive) (long enough|that long|by then|to (need|see|use|read|get) (it|them|the results|an answer|the answer|a reply))\b", Options)]
    private static partial Regex NotAroundAndSettled();

    // A day picked beside goodbye letters written ("ive picked friday, kids r at their dads. letters are wrote"): a
    // plan told by its date. A day picked for something ("picked friday for my botox") is not.
    [GeneratedRegex(@"^(?=[\s\S]{0,600}\b(letters|notes|goodbyes?) (are |r |is |have been |all )?(written|wrote|done|ready|sorted|said)\b)[\s\S]{0,600}\b(picked|chosen|chose|decided on) (monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|tomorrow night|new year'?s eve|my birthday)\b(?!\s+(for|to|of|at|on|with|as|aside|because|so)\b)", Options)]
    private static partial Regex ADayPickedLettersWritten();

    // Where the highest drop is, asked "just wondering" or as if nothing mattered: what crisis lines hear as a plan.
    [GeneratedRegex(@"^(?=" + SameMessageOpening + @"\b(just wondering|just curious|no reason|(doesn't|doesnt|does not|won't|wont|don't|dont) (really |much )?matter|not that it matters|no point|had enough|any ?more|near (me|here|us|my house|where i live)|round here|nearby)\b)" + SameMessageOpening + @"\b((which|what|where)('s| is| are)? (the )?(highest|tallest|biggest drop|deepest|steepest)\b[^.!?]{0,30}\b(bridge|bridges|building|buildings|cliff|cliffs|car park|multi[- ]?stor(e)?y|tower|drop|river|viaduct|roof)|(which|what) (bridge|building|cliff|car park|multi[- ]?stor(e)?y|tower|viaduct|roof)s? (is|are|has) (the )?(highest|tallest|biggest drop|deepest|steepest))", Options)]
    private static partial Regex AsksForAHighPlace();

    // Self-harm told as what is being done to the skin ("carving into my skin again").
    [GeneratedRegex(@"\b(carv\w*|slic\w*|cutting) (in ?to |up )?(my|his|her|their) (own )?(skin|arms?|legs?|thighs?|wrists?|stomach|body)\b(?! (on|with|in|at|while|when|by) )", Options)]
    private static partial Regex CuttingIntoTheSkin();

    // Self-harm told by its wound ("the thing with the razor again but its deeper this time and gaping open"): the cut
    // needs closing today, whatever is asked about plasters.
    [GeneratedRegex(@"\b(razor|blade|cutting|cut myself|cut my (arm|arms|wrist|wrists|leg|legs|thigh|thighs))\b[^?]{0,80}\b(deeper (this time|than (usual|before|ever|normal))|gaping( open)?|(won't|will not|doesn't|does not) close|needs? stitches|can see (the )?(fat|bone)|to the bone)\b", Options)]
    private static partial Regex DeepSelfInflictedWound();

    // Someone with the means at hand who says they have had enough: what crisis lines are trained to hear.
    [GeneratedRegex(@"\b(noose|already (got|have|bought|getting) (the |a )?(rope|gun)|(the |a )?(rope|gun|pistol) (i|i've|ive|i have) (just )?(bought|got|ordered|picked up)( (today|tonight|yesterday|this week|earlier))?\b|only (cure|answer|way out|solution|fix) (for|to) (my|this|it)\b[^.!?]{0,40}\b(rope|noose|gun|bridge|pills|overdose|death|dying)\b|rope\b[^.!?]{0,60}\b(finish (the job|it|me off)|(it's|its|it is) (already )?up)|let (the|a|my) (rope|pills|tablets|bridge|gun) (finish|end|do) |(got|have|has|taken|took|put|left|sitting with|holding|loaded)\b[^.!?]{0,20}\b(pistol|gun|handgun|revolver|rifle|shotgun|firearm)\b[^.!?]{0,40}\b(out|loaded|on the table|in my hand|beside me|next to me|tonight)\b|(have |i've |ive |just )?(bought|got|buying|getting|have|has) (the |a )?(rope|gun) (already|ready|for (it|tonight|myself))|(got|have|has|had) (the |a )?(rope|hose|noose) (sorted|ready|tied|set up|prepared|in place)|(the |my |a )?(rope|noose|hose) (is|'s|s|was) (already )?(ready|tied|sorted|set up|up|in place|prepared)( already)?\b|(bought|got|buying) (a |the |some )?(rope|hose) (today|tonight|yesterday|this (morning|afternoon|week)|lol)|already (bought|got) the hose|(got|have|has|hid|hidden|put|keep|kept|left|tied|hung) (a |the |some )?rope (up )?(in|under|behind|from|on) (the |my |a )?(garage|shed|loft|attic|cellar|basement|barn|woods|car|wardrobe|closet|bedroom|room|tree|beam|banister|stairs)|(going to|gonna|decided to|planning to|plan to|will) take (all|every one|the whole (bottle|packet|box|lot)) (of )?(my |the |these |those )?(tablets|pills|meds|medication|medicine)\b[^.!?]{0,60}\b(tonight|today|so|and|with|then))\b|\b(pills|tablets|meds|medication|rope|knife|blade|gun|bridge)\b[^.!?]{0,80}\b((i'm|i am) (done|finished) with (all of )?(this|it|everything|life|living)|had enough of (this|it|everything|life|living)|(can't|cannot) (take|do) (this|it) any ?more|say(ing)? goodbye|end (it|this|things))\b|\b((i'm|i am) (done|finished) with (all of )?(this|it|everything|life|living)|had enough of (life|living|everything))\b[^.!?]{0,80}\b(pills|tablets|meds|medication|rope|knife|blade|gun|bridge)\b", Options)]
    private static partial Regex MeansAndIntent();

    // Drink and pills set out in front of them ("a bottle of vodka and a box of me pills sat in front of me"), and all
    // of them about to go ("ar doin the lot"): the means at hand, however calmly said. Not pills counted out for the
    // week, nor the lot taken at bedtime.
    [GeneratedRegex(@"\b((bottles?|box|boxes|packets?|packs?|strips?|tubs?|pile|handful) of (my |me |his |her |the |all (my|me|his|her|the) )?(vodka|whisky|whiskey|gin|rum|wine|spirits|pills|tablets|meds|painkillers|sleeping pills|paracetamol)\b[^.!?]{0,80}\b(sat|sitting|lined up|laid out|set out|counted out|ready|out) (in front of|next to|beside) (me|him|her)\b|(pills|tablets|meds|painkillers|paracetamol)\b[^.!?]{0,80}\b(doin|doing|necking|gonna take|going to take|gonna swallow|going to swallow|gonna neck|gonna do|going to do) (the|them) (lot|whole lot|all)\b(?! (at|in|with|before|after|each|every|once a|twice)\b))", Options)]
    private static partial Regex MeansLaidOut();

    // The place and the time settled ("ive worked out which bridge and what time"), or help to stay refused in advance
    // ("not asking you to talk me out of it"): a plan, however calm the question after it.
    [GeneratedRegex(@"\b((worked|figured|sorted|picked|chosen|chose|decided) (out )?(on )?(which|what|the) (bridge|building|cliff|roof|multi ?-?stor(e)?y|car park|tracks|train|rope|spot|place)\b[^.!?]{0,40}\b(time|when|day|night|tonight|tomorrow)\b|(not asking|i'm not asking|im not asking|don't|dont|do not|no (point|use)|you can't|you cant|nobody can|no one can|noone can)( you| anyone)?( to| trying to)? (try (to )?)?talk(ing)? me out of (it|this)\b)", Options)]
    private static partial Regex PlaceAndTimeSettled();

    // Days without food or drink, now muddled or hardly passing water: dehydration, an emergency at any age.
    [GeneratedRegex(@"^(?=[\s\S]*\b((hasn't|hasnt|has not|haven't|havent|have not|hadn't|hadnt|not|no|nothing)\b[^.!?]{0,30}\b(drunk|drank|drink|drinking|fluids?)\b[^.!?]{0,40}\b(since|for (\d+|two|three|four|five|a few|several|days|a couple of)|in (\d+|two|three|days))))(?=[\s\S]*\b(not making (any )?sense|talking nonsense|confused|confusion|muddled|delirious|barely (wee|weeing|peeing|passing (urine|water))|(not|hasn't|hasnt|has not|hasn't been|hasnt been|hardly|barely) (weeing|peeing|been weeing|been peeing|passed (urine|water)|passing (urine|water))|no (wee|urine|pee)|(very|really|so) (drowsy|sleepy)|(can't|cant|cannot) (wake|rouse))\b)", Options)]
    private static partial Regex DaysWithoutDrink();

    // What a farewell note says: to whoever reads it, that it was nobody's fault, love to all with an apology.
    [GeneratedRegex(@"\b(whoever (reads|finds|sees|gets) this|(tell|let) (my|her|his|our|their) (\w+ ){0,2}(that )?(it|this) (wasn't|wasnt|was not|isn't|isnt|is not) (their|her|his|your|anyone's|anyones|anybody's) fault|(i )?love (you|u|yous|y'?all) all\b[^.!?]{0,60}\b(sorry|forgive me|goodbye|bye for now|burden)\b|(sorry|apologi[sz]e|apologies) (for|about) (being|having been) (such )?a burden\b[^.!?]{0,80}\b(love (you|u)|goodbye|forgive|fault)\b)", Options)]
    private static partial Regex AFarewellNote();

    // How many of a tablet is too many, asked for tonight: an overdose being planned, not a dosing question.
    [GeneratedRegex(@"\bhow (many|much)\b[^.!?]{0,60}\b(is|are|would be|will be|counts as) (too (many|much)|lethal|fatal|deadly|an overdose|enough to (die|kill|not wake))\b[^.!?]{0,60}\b(tonight|for tonight|right now|today)\b", Options)]
    private static partial Regex TooManyForTonight();

    // Magnets or a button battery swallowed: an emergency at any age, whatever the child seems like.
    [GeneratedRegex(@"\b(swallow\w*|ate|eaten|put in (his|her|their) mouth)\b[^.!?]{0,50}\b(magnets?|magnet balls?|magnetic balls?|button batter(y|ies)|coin batter(y|ies)|watch batter(y|ies)|batter(y|ies))\b", Options)]
    private static partial Regex MagnetOrBatterySwallowed();

    // A smell of gas with a household's headaches, dizziness or drowsiness (a pet's too): a leak or carbon monoxide,
    // for the gas emergency line and an ambulance. "Gas" alone is wind.
    [GeneratedRegex(@"\b((house|home|flat|kitchen|room|caravan|place|hall|landing|upstairs|downstairs|it|everything) (smells?|smelling|smelt|smelled|stinks?|stinking|reeks?|reeking) (of|like) gas|smell of gas (in|everywhere|all over)|gas (leak|smell)|leaking gas)\b[^?]{0,120}\b(headaches?|dizz\w*|drowsy|dopey|sleepy|faint\w*|nause\w*|vomit\w*|throwing up|confus\w*|collaps\w*|(can't|cannot) (stay awake|breathe)|passed out)\b", Options)]
    private static partial Regex GasInTheHome();

    // An electric shock from the mains or lightning, told with what follows it (a burn, a heart that feels wrong,
    // thrown back, knocked out): an emergency even when the person seems well (the heart's rhythm).
    [GeneratedRegex(@"\b((got|had|took|getting|gave|given) (a |an )?(bad |big |massive |huge |nasty )?(electric )?shock (off|from|by) (the |a |an |some |our |my )?(\w+ )?(wiring|wire|cable|socket|plug|mains|cooker|oven|fuse ?box|power ?line|fence|appliance|switch|light)|electrocuted|struck by lightning)\b[^?]{0,160}\b(burn\w*|heart|chest|thrown|threw (him|her|them|me)|knocked (out|back)|unconscious|passed out|not breathing|tingl\w*|numb|confus\w*|jumpy|flutter\w*|racing)\b", Options)]
    private static partial Regex ElectricShock();

    // A fire, a crash or someone pulled from the water, told as it happens ("car / on / fire / someone / still /
    // inside"): the call is for the fire service or an ambulance, whoever it is. A limb "on fire" is pain, and a
    // crash told with nobody hurt, or years ago, is a question about its after-effects.
    [GeneratedRegex(@"\b(house|flat|home|kitchen|bedroom|living room|room|building|car|van|lorry|truck|bus|caravan|shed|garage|chip pan|pan|curtains?|bin)s?('s|s)?( (is|are|was|has|have|went|going|gone|literally|now|totally|completely|just))* (on fire|in flames|up in flames|alight|caught fire|burning)\b(?![^.!?]{0,60}\b(put (it|that|the fire) out|it went out|(is|it's|its) out now|luckily|thankfully|we're fine|we are fine|everyone('s| is) (fine|ok|out)))|\b(fire(?! (alarm|drill|door|place|work|fighter))|smoke(?! alarm)|flames)\b[^.!?]{0,60}\b(trapped|still inside|stuck inside|(someone|somebody|people|kids?|children|he's|she's|they're|hes|shes|theyre) (still )?(in there|inside|upstairs)|can't get (out|in|to (him|her|them))\b(?! of (my|his|her|the|a) (chair|bed|seat)))\b|\b(crashed|rolled (the |our |my )?(car|van)|came off the road|hit a (tree|lorry|car|van)|(car|van|lorry|truck|bus) (has |just )?(flipped|rolled)( over)?|on its roof)\b[^?]{0,100}\b(trapped(?! (nerve|in (my|his|her|their) (own )?(body|head|mind|life)))|pinned|(driver|passenger|he|she|they|he's|she's|they're|someone|somebody|the (man|woman|lady|guy|person|child|kid)( inside)?)( is| are|'s)? (not moving|isn't moving|unconscious|not responding|not breathing)\b(?! (his|her|their|my|the|a) )|(nobody|no one)('s| is) (moving|responding)|(can't|cannot) (open the door|get (out|him out|her out|them out))|stuck (in|inside) (the )?(car|van|wreck))\b|\b(car|road|motorbike|bike|motorcycle|traffic) (crash|accident|collision|smash|pile-?up)\b[^.!?]{0,80}\b(trapped(?! nerve)|stuck inside|pinned|not moving|unconscious|not breathing|can't move|screaming|lying in the road|bleeding)\b|\b(hit|knocked (down|over)|run over) by (a|the) (car|van|bus|lorry|truck|motorbike|bike|train)\b[^.!?]{0,60}\b(not moving|unconscious|not breathing|can't move|lying (in|on) the (road|ground|pavement)|bleeding|won't wake)\b|\b(pulled|dragged|fished) (him|her|them|someone|somebody|a (man|woman|boy|girl|kid|child|baby|lad|lass)|my \w+) out (of|from) (the )?(" + OpenWater + @")\b|\b(he's|she's|hes|shes|he is|she is|someone's|someone is|somebody's|somebody is|(kid|child|boy|girl|baby|man|woman|dog) is) drowning\b(?! in\b)(?<=\b(" + OpenWater + @"|beach|swimming|bath)\b[^.!?]{0,80})|\bdrowning\b(?! in\b)(?=[^.!?]{0,40}\b(in the|in a) (" + OpenWater + @"|bath)\b)", Options)]
    private static partial Regex FireCrashOrWater();

    // Wanting to die or to end it, said outright or nearly: "My neck pain is killing me" and "cramps like mad, killing me"
    // tell pain, and "kill me now, its monday" a joke, not a wish to die; "kill myself" and "want to kill me" are.
    [GeneratedRegex(@"\b(kill(ing)? (my ?self|(?<!\b(is|are|was|were|it's|its|that's|thats|keeps|been|they're|theyre|they are|these are|those are|,|cramps?|pains?|neck|back|legs?|head|headaches?|migraines?|spasms?|joints?|feet|stomach|periods?|shoulders?|hands?|arms?|eyes|this|it)( literally| really| actually| honestly| just| absolutely| seriously| slowly)? killing )me(?! now\b[,.!]*\s*(lol|haha\w*|lmao|jk|😂|🤣|🙃|😩|😅|(it's|its|it is) (monday|friday|raining|only|another|the)\b)| if (i|we) (have|has|got|need) to (\w+ ){0,4}(one more|another|more) (\w+ )?(forms?|calls?|meetings?|appointments?|emails?|questionnaires?|letters?|assessments?|queues?|reports?|waiting rooms?)\b)|him ?self|her ?self|them ?sel(f|ves))|suicid\w*|((gonna|gunna|going to|want to|wanna|about to|i'll|ill|i will|plan to|planning to) )unalive\b|unaliv\w* (my ?self|me)\b|(hang|hanging|hanged|hung) (my ?self|him ?self|her ?self|them ?sel(f|ves))|end(ing)? ((my|his|her|their) (own )?life|it all)|(i('ll| will)|i think i (will|'ll)|gonna|going to|want to|wanna|about to) end (everything|it tonight|it today)|(i'm|im|i am|i will|i'll|ill|gonna|going to|about to|planning to|decided to|decided i'm|decided im) (end|ending) (it|everything|things)(?! (with|off|for (him|her|them|us))\b) (tonight|today|tomorrow|this (weekend|week|morning|afternoon|evening)|on (monday|tuesday|wednesday|thursday|friday|saturday|sunday)|for good|once and for all)\b(?! (with|between)\b)|(nobody|no one|noone) (will|would|is going to|gonna) (even )?miss me|take (my|his|her|their) (own )?life|(die|died|dying|death|go|gone|end (it|things|my life)|ready to go)\b[^.!?]{0,25}\bby (my|his|her|their) own hands?\b|(want(ed)? to|wanna) die(?! (of|from) (embarrassment|shame|cringe|boredom|laughter|laughing)\b)|(don't|do not|dont) want to (live|be alive|wake up)|better off dead|no reason to live|(so |really |just )?(tired|sick|weary) of (this |my )?(living|being alive|life)|(gonna|going to|wanna|want to|will|might|about to|finna) kms\b|(gonna|going to|will|would|want to|wanna|'ll|plan to|planning to|decided to) end (the|my|his|her|their|all the|all this) pain (for good|forever|for ever|permanently|once and for all)|(what's|whats|what is) the point (any ?more|of (anything|it all))|(don't|dont|nuh|no|doesn't|doesnt|does not|do not|did not) (want|waan|wan|wanna) (to )?live( again| any ?more)?|(no|(don't|dont|do not)( really| even)? see the|see no|what's the|whats the) point (in |of )?(living|going on|life|being alive|carrying on|sticking around|staying around|being here|staying alive|hanging on)|can't go on|cannot go on|life (is not|isn't|isnt) worth (living|it)|wish i (was|were) (dead|never born)|give up on (life|living)|(don't|do not) see the point any ?more|(?<!\d\s?)\bkms (fr|tbh|lol|rn|tonight|honestly|ngl|if)\b)\b", Options)]
    private static partial Regex WantsToDie();

    // Not wanting to exist ("id rather not exist than do another round of injections", "i dont want to exist anymore",
    // "i dont want to be here anymore"),
    // a pattern of its own that starts at its rarest words (see Rules). "I'd rather die than have another EMG" is said
    // of everything, and is not here.
    [GeneratedRegex(@"\b(rather (not exist|be dead|not be (here|alive|around)|not wake up|stop existing)|(?<=\b(don't|dont|do not) )want to exist|(?<=\b(tired|sick) )of existing|(?<=\b(don't|dont|do not|no longer) )want to be (here|alive|around) (any ?more|no more|now)\b(?! (in|at) (this|the|my) (job|school|hospital|ward|place|house|flat|town|city|country|club|group|relationship|marriage)))\b", Options)]
    private static partial Regex NotWantingToExist();

    // Food and drink given up beside hopelessness ("stopped eating and drinking since monday coz whats the point"): a
    // way of dying told by its means. Starts at the food and drink (see Rules); the hopelessness may come before or after.
    [GeneratedRegex(@"(?<=\b(stopped|given up|giving up|quit|quitting|refusing|refused|won't|wont|not) )(eating and drinking|eating or drinking|drinking and eating|food and (water|drink|drinks|fluids)|to eat (or|and) drink)\b(?!\s+(dairy|meat|gluten|sugar|bread|junk|takeaways?|sweets|alcohol|coffee|caffeine|fizzy|wheat|after|before|late)\b)(?:(?=[\s\S]{0,200}\b" + Hopeless + @")|(?<=\b" + Hopeless + @"[\s\S]{0,200}))", Options)]
    private static partial Regex StoppedEatingAndDrinking();

    // Going "deeper" is self-harm beside a blade or a burn, and treatment beside a needle, a physio or a topic read up on.
    private const string SelfHarmMeans = @"(blade|razor|cut|cuts|cutting|burn|burnt|burning|lighter|self[- ]?harm\w*)";
    private const string DeeperInTreatment = @"(needle|botox|injections?|dbs|electrodes?|physio|research|topic|subject|leaflet|details?)";

    // Self-harm: cuts, burns or hurting oneself ("took a hot iron to my forearm"), and cuts deeper than meant.
    [GeneratedRegex(@"\b((cut|cutting|cuts|slashed|slashing) (her|his|my|their) (wrists?|arms|thighs)\b(?! (on|with|in|at|while|when|by) )|(?<!\b(while|when|was|were|i was|from) shav\w*\b[^.!?]{0,60})(cut|cutting|cuts|slashed|slashing|slicing|sliced) (her|his|my|their) (wrists?|arms?|forearms?|thighs?|legs?|skin|stomach) (with|using) (a |the |my |his |her |their )?(razor|blade|razor blade|pencil sharpener blade)s?\b(?!\s*,?\s*(while |when )?shav\w*|[^.!?]{0,40}\b(while shaving|when shaving|by accident|accidentally|by mistake)\b)|(cut|cutting|cuts|burn|burning|burns|hit|hitting|hits|scratch|scratching|scratches) (her|his|my|their) (wrists?|arms?|forearms?|thighs?|legs?|skin|stomach)\b[^.!?]{0,60}\bto (cope|deal with (it|the pain|everything)|feel (something|in control|better)|punish (myself|me|himself|herself))\b|(cut|slashed) (her|his|my|their) (wrist|arm|thigh|leg|stomach) (again|on purpose|deliberately)\b|self[- ]?harm\w*|(hurt(ing)?|harm(ing)?|cut(ting)?|burn(ing)?) my ?self|(burned|burnt|burn) (my ?self|her ?self|him ?self) (with|using) (a |the |my |his |her )?(lighter|cigarette|match|matches|candle|hot iron|iron)\b|(burned|burnt) (my ?self|her ?self|him ?self)\b[^.!?]{0,60}\b(again|on purpose|deliberately)\b|(took|take|taking|put|putting|pressed|pressing|held|holding) (a |the |my )?(hot |burning )?(iron|lighter|cigarette|blade|razor|knife|candle|match) (to|on|against|into) (my|her|his|their) (arm|forearm|wrist|leg|thigh|skin|hand|stomach|chest)|(burned|burnt|scalded|branded) (my|her|his|their) (arm|forearm|wrist|leg|thigh|skin|hand|stomach) (again|on purpose|deliberately)|(burned|burnt|scalded|branded|cut|slashed) (my|her|his|their) (arms?|forearms?|wrists?|legs?|thighs?|skin|hands?|stomach) [^.!?]{0,40}\b(?<!\b(not|never|wasn'?t|didn'?t) )(on purpose|deliberately)\b|(burned|burnt|burn|burns|burning|branded) (my|her|his|their) (arm|forearm|wrist|leg|thigh|skin|stomach)s? (with|using|w) (a |the |my |his |her )?(lit |hot |heated )?(lighter|cigarette|ciggie|ciggy|cig|fag|match|spoon)s?|((want|wanted|need|needed|have|got|going|trying) to|wanna|gonna|will|i'll|ill) (cut|burn) (a lot |much |even |way )?deeper|((want|wanted|need|needed|have|got|going|trying) to|wanna|gonna) go (a lot |much |even |way )?deeper\b(?:(?<=\b" + SelfHarmMeans + @"\b[\s\S]{0,300})|(?=[\s\S]{0,300}\b" + SelfHarmMeans + @"\b))(?<!\b" + DeeperInTreatment + @"\b[\s\S]{0,300})(?![\s\S]{0,100}\b" + DeeperInTreatment + @"\b)|cuts? (are|is|were|was|went) (much |a lot |way )?deeper than (i|she|he|they) (meant|wanted|planned|intended))\b", Options)]
    private static partial Regex SelfHarm();

    // A trip, a move or a stay told as one ("off to spain for a month", "moving to my daughter's"), anywhere in the message.
    private const string NotAway = @"(?![\s\S]{0,200}\b((going|gone|off|away) (on|to) (holiday|a trip|abroad|spain|france|my \w+'s|my \w+s|the \w+)|moving (house|to|out|in with)|flight|flying|on holiday|respite|camping|festival|conference|emigrat\w*)\b)";

    // Not being here much longer: a burden soon gone, everyone better off, goodbyes rung round, wanting everything to stop.
    [GeneratedRegex(@"\b((not sure|don't think|dont think|doubt) (i'll|ill|i will|i'm going to|im going to|i am going to) (see|make it to|be here|be around) (the morning|tomorrow|morning|the weekend)|(won't|wont|will not) (see|make it to) (the morning|tomorrow)|(i|me|to|i'd|i'll|could|wanna|want to) (just )?disappear (forever|for good)|tonight is the night|\bi (won't|wont|will not|'m not gonna|'m not going to|am not going to) be (here|around|alive) to (need|use|see|have|get|read|worry about) (\w+ ){1,3}(after|past|beyond|by) (this|the|tonight|today|tomorrow|then|friday|saturday|sunday|monday|tuesday|wednesday|thursday)\b" + NotAway + @"|(won't|wont|will not|not gonna|not going to|ain't gonna|aint gonna) be (here|around) (tomorrow|tmrw|tmr|tomoz|much longer|for long|next week|by the weekend|next month)|(don't|dont|do not) plan on (being|still being|staying) (here|around|alive)|(would|will|'d|wd) (all )?be better off without me|better off without me|(no longer|not going to) be a burden|so (that )?(i'm|i am|i will be|i'll be) no longer a burden|(won't|wont|will not) be a burden (to (you|anyone|them|him|her|my \w+) )?(for much longer|much longer|for long|any ?more|any longer)|\b(i|he|she|they) (won't|wont|will not) be a (problem|bother|nuisance|burden) ((to|for) (you|anyone|them|him|her|everyone|my \w+) )?(for much longer|much longer|for long|any longer|after (tonight|today|this week|tomorrow))|(rang|called|phoned|texted|messaged|visited|ringing|calling|phoning|texting|messaging|visiting)( round| around)? (everyone|everybody|all (her|his|my|our|their) \w+|the whole family) to say goodbye(?! (before|as|when) (we|i|they|he|she) (moved|left|went|go|move|leave|emigrated)\b| before (moving|leaving|going|emigrating)\b)|(kinder|easier|better|a relief) (for|on|to) (everyone|everybody|them|my family|the family|the kids|my kids|you all) if i (made that true|was(n't| not)? (gone|here|around)|were(n't| not)? (gone|here|around)|disappeared|went away for good)|(not|won't|wont|will not|shall not|not going to|no longer) (be a )?(trouble|burden|bother) (to )?(you|anyone|them|everyone|(my|our|the) (family|children|kids|wife|husband|partner|son|daughter|parents))( with (it|this|me))? (for )?(much|any) longer|(just )?want(ed)? (it all|everything|all of it|the pain|the pain and everything) to (stop|end) (for good|forever|for ever)|(just )?want(ed)? everything to (stop|end)|(everyone|everybody|every1|my family|my kids|my children|you all|y'?all|my (wife|husband|partner|mum|mom|dad|parents))( would| will|'d|'ll| wd)( all| honestly| really| just| probably| definitely)? be better off(?=\s*([,.!?;]|$|\band\b|\bwithout me\b|\bif (i|i'm|im) (was|were|wasn't|wasnt|weren't|werent|am|'m)? ?(gone|dead|not here|not around|no longer here|out of the (way|picture)))))\b", Options)]
    private static partial Regex NotHereMuchLonger();

    // Life itself no longer wished for, in a second language's careful words ("I do not wish to continue the life"), and
    // everyone managing fine without me (not "for a week while I'm in hospital").
    [GeneratedRegex(@"\b((do not|don't|dont|no longer|not|never) (wish|want|wanna|intend) to (continue|go on) (with )?(the |my |this )?(life|living)|(no need|no reason) for me to (continue|go on|carry on|keep going|live|be here)(?=\s*([.,!?;]|$|\b(anymore|any more|any longer|at all|in this life)\b))|(everyone|everybody|my family|my kids|my children|they|you all|y'?all)( would| will|'d|'ll| wd)( all)? (manage|cope|do|be) (fine|better|ok|okay|just fine|perfectly well) without me(?! (for|while|when|during|until|till|if)\b))\b", Options)]
    private static partial Regex NotWishingToGoOn();

    // Trips, moves and shifts that take someone away for a while ("I'll be gone by the weekend, moving house").

    // Gone soon, said as a fact: gone by the morning, nobody left to deal with me, sorry for the burden and goodbye,
    // who gets my things, a spot found where nobody goes.
    [GeneratedRegex(@"\b((i'll|ill|i will|i should) be gone by (the morning|morning|tomorrow|tmrw|tonight|the weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b" + NotAway + @"|(?<!\b(if|when|once|after|until|so)\b[^.!?]{0,60})(nobody|no one|noone|no1)('ll| will| is going to| gonna) (have to|need to) (deal with|put up with|look after|care for|worry about) (me|my \w+( \w+)?) (any ?more|no more|much longer)|(sorry|apologi[sz]e) (for|about) (being|having been|i've been|ive been|i have been) (such )?a burden\b(?:(?=[\s\S]{0,200}\b(goodbye|this is (it|goodbye)|farewell|bye forever)\b)|(?<=\b(goodbye|this is (it|goodbye)|farewell|bye forever)\b[\s\S]{0,200}))|(which|what) of (my|his|her) (things|stuff|belongings|possessions) (they're|they are|they'll|they will|each of them|everyone|you're|you are|you'll|you will) (getting|get|have|take|having|inherit\w*)|(found|picked|chosen|chose) (a|the|my|me a) (spot|place) (on|by|near|at) (the )?(railway( line)?|train tracks|tracks|bridge|cliffs?|motorway bridge)\b(?![^.!?]{0,40}\bfor (fishing|photos?|pictures|my camera|trainspotting|a picnic|walks?|the dog)\b)[^.!?]{0,120}\b(that's where|thats where|nobody goes|no one goes|noone goes|no one will find|nobody will find))", Options)]
    private static partial Regex GoneSoon();

    // Enough of a medicine looked up, and a day set to do it: a plan told in two plain sentences.
    [GeneratedRegex(@"^(?=[\s\S]{0,400}\b(which|what|how many|how much) (of )?(my |the |his |her )?(medicines?|pills|tablets|meds|medication|" + Medicines + @")\b[^.!?]{0,60}\b(would|will) be enough\b(?! (for|until|till|to (help|ease|stop|control|relieve|manage|treat|calm|settle|last|get|cover|see|tide|keep|make|take))\b))(?=[\s\S]{0,400}\b((i will|i'll|ill|i'm going to|im going to|i am going to|gonna) do it|(i'm |im |i am )?doing it) (on |this |next )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|tomorrow|weekend|when|while|after)\b)", Options)]
    private static partial Regex EnoughAndADaySet();

    // A place chosen: standing on a bridge, gone to the cliffs and stood there, how high the drop is, staring at the tracks,
    // thinking of stepping in front of a train (or "the next one" where a platform or a train is named),
    // walking to the sea "and not coming back", or "a long walk into the sea" (into it, said of dying; a long walk to the sea is a day out).
    [GeneratedRegex(@"\b((i'm|im|i am) (standing|sitting|stood|sat|up|stuck) on (the |a )?(bridge|roof|ledge|railings?|edge of (the |a )?(bridge|roof|cliff|building|platform)|top of (the |a |this )?(building|bridge|cliff|tower|block|multi ?-?stor(e)?y|car park)(?![^.!?]{0,40}\b(most days|every day|all day|for work|at work|for a living|fixing|working)\b))|(i'm|im|i am) (standing|sitting|stood|sat|stuck) (at|by|near|right at) the edge of (the |a )?(bridge|roof|cliff|building|platform|car park|balcony)|(standing|sitting|stood|sat|stuck|perched)(?<=(^|[.!?,]\s*)(just |currently |now |ok |so )?\w+) (on|at|right at) (the )?(edge of (the |a |my |our |this )?(bridge|roof|cliff|building|car park|balcony|tower|block)|ledge)|(went|walked|drove|go|going|been) (up )?to the (bridge|cliff|cliffs|edge|railway|tracks|roof|top floor|car park roof)\b[^.!?]{0,60}\b(stood|standing|sat|sitting|stayed) there|(looked|looking|look) up (how|what) (high|tall|deep|far|many|much)\b[^.!?]{0,60}\b(bridge|building|cliff|roof|drop|fall|pills?|tablets?|meds|overdose|kill|die|dose|lethal)|(jump\w*|throw\w* (my|him|her|them)sel(f|ves)) (off|from) (a |the |that |this |our )?(multi ?-?stor(e)?y|bridge|building|roof|car ?park|cliff|tower|block|balcony|flyover|overpass)\b[^.!?]{0,60}\b(quick|quicker|painless|instant|hurt|how high|high enough|survive)|(stare|stares|staring|stared|look|looking|looked|gaze|gazing) (out |down )?at (the |that |those |my )?(train |railway |rail )?(tracks|railway|train line|rail line|bridge|river|drop|edge|cliff|motorway|traffic|pills|tablets|rope)\b[^.!?]{0,60}\b((thinking|wondering|imagining|thought|wondered)( about)? how (easy|quick|simple|painless) it('d|d| would| could) be(?!\s+to\b)|(could|would|might) (just )?(step|jump|walk) (in|off|out)|end it)|(?<=\b(go|going to go|gonna go|gonna|going to|just|about to|will|'ll) (go )?)(stand|lie|lay|sit|wait|walk|step|jump) (on|onto|in front of) (the |a )?(train |railway |rail )?(tracks|rails|railway line|train line|train|oncoming train)\b|(think\w*|thought|urges?|tempted|want\w*|wanna)( about| of| to)? (step\w*|jump\w*|walk\w*|throw\w* (myself|himself|herself|themselves)|ly\w* down|lie down|fall\w*)( off| out)? (in front of|under|onto) (the |a |an )?(next )?(train|tube|bus|lorry|truck|traffic|tracks|oncoming \w+|(one|express|fast one)\b(?=[\s\S]{0,300}\b(platform|station|train|tube|railway|tracks|bus stop|bus)\b|(?<=\b(platform|station|train|tube|railway|tracks|bus stop|bus)\b[\s\S]{0,300})))|(a )?long (walk|swim) (out )?into the (sea|ocean|river|lake|loch|water)\b|(walk\w*|go|goes|going|gonna|head\w*|swim\w*|driv\w*|drove|went|wander\w*) (down |out |off |up )?(to|into|in) the (sea|ocean|river|lake|loch|canal|woods|forest|hills|moors?|cliffs?|water|tracks|railway)\b[^.!?]{0,40}\b((and )?(not|never) (be )?(coming|come|going to come|gonna come) back|(won't|wont|will not) (be )?(coming|come) back)(?! (until|till|til|before|for|by|after|at|on|in)\b))\b", Options)]
    private static partial Regex APlaceChosen();

    // On a bridge or a roof, told without "I'm" ("sitting on the bridge rn. no point anymore", "on top of the car park.
    // whats the point", "tell my mum im sorry, im on the bridge now"), is a place chosen when the same message has given
    // up or says goodbye; on it for work, a hobby, in traffic, on
    // a roof terrace, the bridge of a nose, or once years ago, it is somewhere to be.
    private const string GivenUp = @"((what's|whats|wats|what is) the point|no point(?! (in )?(trying|seeing|taking|going to|asking|having|getting|waiting|worrying))|pointless|had enough(?! (sleep|water|food|to eat|to drink|rest))|(can't|cant|cannot) (take|do|handle|cope with) (it|this|any of it|any of this|this (life|world|body|existence|neck|pain|condition|illness|dystonia))( any ?more| much longer| for (another|the next) (\w+ )?(\d+|one|two|three|four|five|ten|twenty|thirty|forty|fifty) (more )?(years?|yrs?|decades?)| for the rest of my life)|(i|just) (give|gave) up\b(?! on (the|my|physio|botox|\w+ing))|nothing (left )?to live for|no way out|(i'm|im|i am) done(?! with (the|my|physio|botox|work))|goodbye|bye (all|everyone|everybody)|tell (my|our|his|her) \w+( and \w+)? (that )?(i'm|im|i am) sorry|tell (them|everyone|everybody|my \w+( and \w+)?) (that )?i (love|loved) (them|him|her|you|u)\b|sorry for everything|no reason to (live|go on|carry on|be here|stay)|end (it|it all|everything|(my|his|her|their) life)\b)";

    [GeneratedRegex(@"^(?=" + SameMessageOpening + @"\b" + GivenUp + @")" + SameMessageOpening + @"(?<!\b(was|were|once|ago|years ago i|used to be|used to sit|used to stand) )(\b(standing|standin|sitting|sittin|stood|sat|perched)( up)? (on|at)|(^|[.!?,]\s*|\b(i'm|im|i am|just|now|rn|currently) )(up )?(on|at)) (the |a |this |that |my )?((top|edge) of (the |a |this |my )?)?(\w+ ){0,3}(bridge|roof|rooftop|balcony|ledge|parapet|railings?|cliffs?|cliff edge|viaduct|flyover|overpass|pier|top floor|car park|multi ?-?stor(e)?y|tower block|(edge|end) of (the )?platform|platform \d+|station platform|railway line|railway|train tracks|tracks)\b(?! ?(terrace|garden|bar|top bar|deck|of (my|his|her|the|your) nose)\b)(?![^.!?]{0,60}\b(in (the )?traffic|in the car|in a (queue|jam)|fixing|mending|working|painting|cleaning|clearing|gutters?|tiles|sketch\w*|watch(es)?|all day|every day|most days|for work|at work|for a living|fishing|with (the|my) (kids|dog|rod|friends|mates))\b)", Options)]
    private static partial Regex OnAHighPlaceHopeless();

    // Someone at a high place who says they will jump ("male on the bridge parapet says he wants to jump"), told by
    // them or by whoever is with them; both in one sentence, so a child who "wants to jump on the bed" is not.
    [GeneratedRegex(SentenceStart + @"(?=" + SameSentence + @"\b(bridge|parapet|ledge|roof|rooftop|cliff|cliffs|balcony|railings?|overpass|flyover|multi ?-?stor(e)?y|car park roof|tracks)\b)(?=" + SameSentence + @"\b((wants?|wanted|wanna|going|gonna|threaten\w*|about|trying|tries|tried|ready|planning|plans?) to jump|(he|she|they|i)('ll| will| is going to| are going to| am going to| is gonna| are gonna| might)? jump|(?<!\b(not|never|no way|ain't|aint|aren't|arent|isn't|isnt|wasn't|wasnt|won't|wont)\b[^.!?,]{0,12})((i'm|im|i am|he's|hes|she's|shes|they're|theyre) )?(gonna|gunna|gna|finna|going to|about to|bout to) jump (off|from)\b)\b)(?!" + SameSentence + @"\b(bungee|for fun|swim\w*|div(e|ing)|trampoline|puddles?|waves?|holidays?|coasteering|tombstoning)\b)", Options)]
    private static partial Regex AboutToJump();

    // Asking for a painless or peaceful way to die, for oneself or "for a friend": the question is the plan.
    [GeneratedRegex(@"\b((painless|peaceful|pain-free|painfree|least painful|quickest|quick|easiest|easy|quietest|gentlest|surest) ways? (to|of) (die|dying|end it|end things|end (my|your|his|her|their|a) life|kill (my|your|him|her|them)sel(f|ves)|off (my|your)sel(f|ves)|commit suicide)(?! (of|from|with|in)\b)|(painless|peaceful|pain-free|painfree|least painful|gentlest) ways? to go(?=\s*([.?!,]|$|\b(asking|for (me|myself|a friend)|tonight|now|tbh|pls|please)\b))|how (can|do|could|would|should) (i|you|u|someone|a person|one) (die|go|end it) without (any )?(pain|it hurting|hurting|suffering)\b)(?![^.!?]{0,80}\b(hospice|palliative|end of life care|of dystonia|from dystonia)\b)", Options)]
    private static partial Regex AsksForAPainlessWayToDie();

    // A face or mouth that has suddenly gone to one side with speech lost: BE FAST's face and speech together. Dystonia
    // pulls a mouth to one side too, but not suddenly and not with the words gone.
    [GeneratedRegex(@"(?<!\b(when|whenever|every time|each time|if)\b[^.!?]{0,60})\b(face|mouth|smile|lips?)\b[^.!?]{0,40}\b(suddenly|all of a sudden|out of nowhere)\b[^.!?]{0,40}\b(twisted|crooked|droop\w*|dropped|fallen|lopsided|slanted|gone to one side)\b[^.!?]{0,60}\b((can't|cant|cannot|couldn't|unable to|not able to) (speak|talk|get (his|her|their|the) words out)|slurr\w*|speech (is |has )?(gone|slurred|strange))(?![^.!?]{0,40}\b(until|till|til) (it|the spasm) (passes|stops|eases|goes)\b)", Options)]
    private static partial Regex FaceSuddenlyFallenSpeechGone();

    // A plan or the means: pills saved, notes written and where to leave them, whether a way of dying is quick or would
    // look like an accident, how many tablets would be enough.
    [GeneratedRegex(@"\b((bridge|rope|pills|tablets|overdose|ending it|dying|death) (is|are|seems|seem|feels like|feel like|would be) (the|my|his|her|their) (only )?(answer|way out|solution|only way)|(worked|figured|thought) out how (i'd|id|i would|i'll|ill|to) (do it|end it)|(worked|figured) out how anyway|sav(e|ed|ing) up (my |all my |his |her )?(pills|tablets|meds|" + Medicines + @")|sav(e|ed|ing) (my |all my |his |her )(pills|tablets|meds|medication|" + Medicines + @") up\b|stockpil\w+ (my |all my |his |her )?(pills|tablets|meds|" + Medicines + @")|know (exactly )?how (i'd|id|i would|i will|i'll|i'm going to|im going to) do it|(goodbye|farewell|suicide) (letters?|notes?|messages?)|(wrote|written|writing|left) (letters?|notes?) (to|for) (my|the) (kids|children|family|wife|husband|partner|son|daughter|parents|mum|mom|dad|everyone)\b([^.!?]{0,120}\b(burden|goodbye|gone|won't be|not be here|end)| (tonight|today|this (morning|afternoon|evening))| and left (them|it) (on|in|by|under|for))|(where|best place|which place|right place)\b[^.!?]{0,30}\b(leave|put|hide|place) (a |the |my |this )?(letter|note)s?\b[^.!?]{0,60}\b(finds?|will find|can find|sees?) (it|them)|(letter|note)s?\b[^.!?]{0,60}\bfinds? (it|them) first|(letters?|notes?) (are |is )?(written|wrote|left|ready|done)\b[^.!?]{0,80}\bfor (the |my |our |his |her |their )?\w+ to find( (it|them))?(?=\s*(tomorrow|tmrw|tmr|tomoz|in the morning|when|after|later|[.,!?;]|$))|(worked|figured|thought) out (how|when|where)(?=\s*[,;]|\s+and\b)[^.!?]{0,60}\b(tonight|tomorrow|today|this weekend)\b|(make|making|made) (it|my death|this|that) (look|seem|pass|appear)( off)? (like|as) (it was )?(an |a )?accident(al)?\b|(would|could|will|'d)\b[^.!?]{0,60}\b(fall\w*|jump\w*|overdose|drown\w*|hang\w*)\b[^.!?]{0,60}\b(look|seem|pass|appear)(s|ed)?( off)? (like|as) (it was )?(an |a )?accident(al)?\b|(gun|pistol|rifle|shotgun|firearm|revolver|rope|noose)\b[^.!?]{0,80}\b(thinking|wondering|imagining|thought|wondered)( about)? how (easy|quick|simple|painless) it('d|d| would| could) be(?!\s+to\b)|(car|engine) (running|on) in (a |the )?(closed|shut|locked)? ?garage|how (many|much) (of (my|his|her|these|those|the) )?(\w+ )?(pills|tablets|meds|paracetamol|tylenol|baclofen|artane|sleeping tablets)\b[^.!?]{0,30}\b(would|will|does it take to|to) (kill|be enough to (die|kill)|end it)\b)\b", Options)]
    private static partial Regex APlanOrTheMeans();

    [GeneratedRegex(@"\b((can't|cant|cannot|can not|couldn't|unable to|struggling to|can barely|can hardly|could barely|could hardly) (breath|breathe|breathing|breth|brethe|breathin|breeth|breethe|breeve|brath|catch (my|his|her) breath)|(barely|hardly|not|isn't|isnt|wasn't|wasnt|aren't|arent|ain't|aint|no longer) breathing|stopped breathing|gasping|stridor|(?<!\b(nose|nostrils?)\b[^.!?]{0,30})whistl\w* (noise |sound )?when (i|he|she|they|you) breathes?|(can't|cannot|could not|couldn't|not) (get|getting) (enough )?air|chok(e|es|ed|ing)\b(?! up\b(?=\s*([.,!?]|$|\b(at|when|about|over|during|reading|watching|talking|thinking|hearing)\b)))(?<!\b(team|england|keeper|goalkeeper|goalie|striker|players?|side|squad|they) chok\w{1,3})(?<!\b(risk of|prone to|avoid|prevent|preventing|reduce|chance of|likelihood of) chok\w{1,3})(?! (under pressure|in the (final|semi|semis|match|game|playoffs?|shootout)|again in)\b)(?![^.!?]{0,40}\b((a |the )?(known |common |usual |typical )?(symptom|sign|feature|part) of|more likely)\b)(?! (an? |the )?(real |big |known |common )?(risk|danger|problem|issue|worry) (for|in|with|of)\b)|turning blue|(" + AChild + @"|he|she|dad|mum|mom|husband|wife|grandma|grandad|nan) (has |have |is |just |'s )?(turned|gone|went|going|turning) (all |a bit |really )?blue\b(?!-)|(" + AChild + @"|he|she|dad|mum|mom|husband|wife|grandma|grandad|nan|his face|her face|their face)( is|'s| looks| looks all)( all| a bit| really)? (blue|purple)\b(?!-)|(lips|face|mouth|skin) (is |are |has |have )?(going|turning|gone|turned|went|looks?|looking) (a bit |really |very |all )?(blue|grey|gray)|lips (are |look |looking |looked |were |a bit |slightly |kind of |kinda |bit )+(blue|bluish|grey|gray|purple)|(blue|bluish|grey|gray) (tinge )?(lips|around (the|his|her|their) (lips|mouth)))\b", Options)]
    private static partial Regex CannotBreathe();

    // Stridor, a high-pitched noise with each breath in, is a narrowed airway: in laryngeal dystonia or after an
    // injection near the throat it can close. A nose that whistles is not it.
    [GeneratedRegex(@"\b((?<!\b(nose|nostrils?)\b[^.!?]{0,30})(high[- ]pitched|squeak\w*|squeal\w*|whistl\w*|crowing)\b[^.!?]{0,40}\b(every|each|with (each|every)|on (each|every)|when (i|he|she|they|you|we)) (breath|breathes?|breathing)\b(?! (through|out of|from) (my|his|her|their|the) nose)|(breathing|breaths?)\b[^.!?]{0,30}\b(high[- ]pitched|squeaky|squealing|whistling|crowing)\b(?! (nose|nostril)))", Options)]
    private static partial Regex NoisyHighPitchedBreathing();

    [GeneratedRegex(@"\b((trouble|difficulty|difficulties|problems?|hard time|hard) (to )?breath(e|ing)?|short(ness)? of breath|breathless)\b", Options)]
    private static partial Regex TroubleBreathing();

    // A heart attack asked about as a subject ("the difference between a heart attack and a panic attack", "can
    // dystonia cause a heart attack", "the risk of a heart attack") is no emergency; one happening is.
    [GeneratedRegex(@"\b(chest (pain|pains|pressure|tightness|hurts?|is tight)(?!(?<=^(can|could|does|do|will|would|might|may|is it possible (for|that))\b[^.!?]{0,40}\b(cause|give|lead to|trigger|bring on)( you| me| someone| people| a person)? chest (pain|pains|pressure|tightness|hurts?|is tight))\s*\?*\s*$)|chest (has been |is |feels |feel |felt |keeps |'s )?(really |very |so )?(crushing|squeezing|heavy|like (an? \w+( of \w+)?|someone|somebody|some ?one|something( heavy)?|(there's|theres|there is) (an? )?(\w+ )?\w+)( is| was|'s|s)? ((sitting|standing|pressing|pushing|sat|stood) (down )?)?on (it|me|him|her)(?! (when|while|in a good way)\b))|(someone|somebody|an elephant|an? (\w+ )?weight|a ton of bricks|something heavy)( is| was|'s)? (sitting|sat|standing|pressing|pushing|crushing) (down )?on (my|his|her) chest|crushing (pain )?(in )?(my|his|her|the) chest|pain (going|spreading|radiating|shooting|moving) (down|into|to|up) (my|his|her|their|the) (left )?(arm|jaw)|pain (goes|went|spreads|spread|radiates|shoots|moves|travels) (down|into|to|up)( into| to)? (my|his|her|their) (jaw|left arm)|(heart|chest) (is |feels |has been |keeps )?(tightening|squeezing|crushing|clenching|gripping)|(it's|its|it is|and it's) going down (my|his|her) left arm|pain in (my|his|her|the) chest|heart attack(?<!\b(difference between|what is|what's|whats|define|definition of)( an?)? heart attack)(?<!\b(difference between|tell|know|distinguish|told apart)\b [^.!?]{0,40}\b(from|and|or) (an? )?heart attack)(?<!\b(can|could|does|do|will|would|might|may|is it possible (for|that))\b[^.!?]{0,40}\b(cause|give|lead to|trigger|bring on|raise the (risk|chance) of)( you| me| someone| people| a person)?( an?)? heart attack)(?<!\b(risk|risks|chance|chances|odds) of (having |getting )?(an? )?heart attack)(?<!\b(signs?|symptoms?|warning signs?|first aid|what to do) (of|for|in) (an? )?heart attack)(?<!\b(market|economy|wallet|bank account|prices?|bills?|shares|stocks?)s? (basically |nearly |almost |practically |just )?(had|has|having|gave me|giving me) an? heart attack)(?! (the same|same|different|and an? (stroke|panic attack)|vs\.?|versus|or an? (stroke|panic attack))))\b", Options)]
    private static partial Regex ChestPain();

    // A heart racing at 150 a minute or more at rest is an emergency whatever else is felt; during exercise it is not.
    [GeneratedRegex(@"(?<!\b(" + Exercise + @")\b[^.!?]{0,80})\b((heart|pulse|hr|heart rate)( rate)? (is |has been |was |keeps |going |racing |pounding |beating |at |of |over |about |around )*(1[5-9]\d|2[0-4]\d)\b(?! (mg|ml|days?|times|steps|calories|kcal|pages)\b)|(1[5-9]\d|2[0-4]\d) ?(bpm|beats (a|per) min\w*))(?![^.!?]{0,80}\b(" + Exercise + @")\b)", Options)]
    private static partial Regex RacingHeart();

    // Pale and clammy with fast breathing or a sudden change: how shock looks to a carer.
    [GeneratedRegex(@"^(?=" + SameMessageOpening + @"\b((pale|grey|gray|white|mottled|blotchy),? (and |n )?(clammy|cold and clammy)|clammy,? (and |n )?(pale|grey|gray|white|cold|sweaty))\b)(?=" + SameMessageOpening + @"\b(breathing (really |very |so |too )?(fast|quick\w*|hard|heavy|heavily|rapid\w*)|fast breathing|rapid breathing|suddenly|all of a sudden|drowsy|confus\w*|faint\w*|collapsed|chest|racing|distressed|floppy|not responding)\b)", Options)]
    private static partial Regex PaleAndClammy();

    // A bleed in the brain announces itself as the worst headache of a life, reaching its worst in minutes ("like
    // someone hit the back of my head with a bat"); people often call it a migraine.
    [GeneratedRegex(@"\bheadache\b[^.!?]{0,80}\bworst (one )?(i've|ive|i have|i'd|id|he's|hes|she's|shes|she has|he has|they've|theyve) (ever )?(had|felt|known)|\bworst\b[^.!?]{0,30}\b(ever|of (my|his|her|their) life)\b[^.!?]{0,40}\bheadache|\bheadache (like|as if|as though) (i('ve| have| had|'d| was)? been|i got|someone|somebody|something|being|getting|i was|he was|she was) ?(just )?(hit|struck|kicked|smacked|whacked|punched|shot|hammered|clubbed|exploded|exploding|burst)|\b(thunderclap|exploding) headache", Options)]
    private static partial Regex WorstEverHeadache();

    // Carbon monoxide makes a whole household ill indoors at once, with headaches, dizziness and sickness that lift
    // outside, often since the heating or a fire went on.
    [GeneratedRegex(@"\bcarbon monoxide (alarm|detector)s? (is |are |keeps |has been |was |went |keep )?(going off|beeping|sounding|went off)|^(?=" + SameMessageOpening + @"\b(headaches?|dizz\w*|sick|nause\w*|drowsy|sleepy|faint)\b)(?=" + SameMessageOpening + @"\b((since|when|after|whenever|ever since) (we|i|they|he|she|mum|mom|dad) (put|turned|switched|lit|started|got|had|fired up) (the |our |a |new |their )?(heating|boiler|heater|gas fire|fire|stove|furnace|generator|log burner|wood burner|gas)( on| up| going| fixed| installed)?|(feel|feels|felt|are|is|get|gets|got|seem|seems)( all)? (a lot |much |way |loads |heaps )?better (when|once|after|as soon as|whenever) (we|they|i|he|she|you) (go|get|went|got|step|stepped|are|were|leave|left) (outside|out(doors| of the house)?|the house)\b))(?=" + SameMessageOpening + @"\b(we|we're|we've|us|everyone|everybody|whole (family|house|household)|both of us|the kids|the family|all of us|we all|they all)\b)", Options)]
    private static partial Regex CarbonMonoxide();

    [GeneratedRegex(@"\b((?<!\b(after|since|from|before|about|of|risk of|can|could|does|did|would|will|might|may) )(having|is having|just had|has just had) (a )?stroke(?! (lead|leads|cause|causes|give|gives|trigger|triggers|bring on|brings on|result in|results in|make|makes)\b)|(new|sudden|suddenly|acute)\b[^.!?]{0,20}\b(r|l|right|left|one)[- ]?sided (weakness|numbness|paralysis)|(r|l|right|left|one)[- ]?sided (weakness|numbness)\b[^.!?]{0,60}\b(onset|started|came on|began|since|ago|just now)|(new|sudden|acute)\b[^.!?]{0,30}\bword[- ]finding (difficult\w*|problems?|trouble|issues?)|word[- ]finding (difficult\w*|problems?|trouble|issues?)\b[^.!?]{0,60}\b(onset|started|came on|began|ago|just now)|stroke (right )?now|(face|mouth|smile) (is |has )?(drooping|droops|droopy|dropped|dropping)|(face|mouth|smile)\b[^.!?,]{0,15}\bone side\b[^.!?,]{0,10}\b(drop\w*|droop\w*|fall\w*|fell|slipp\w*|sagg?\w*|gone down)|(he|she|they)('s|'re| is| are)? (talks?|talking|speaks?|speaking|is talking|is speaking) (all |really |a bit |kind of |very |so )?(funny|strange|weird|slurred|garbled|jumbled|muddled)|(one side of )?((his|her|my|their|the) (face|mouth)|the (face|mouth) of (my|his|her|their|our) \w+) (has |is |went |has gone )?(suddenly )?(fall down|falls down|fall|falls|falling|fell|drop|drops|slipped|dropped|drooped|fallen|gone lopsided|lopsided|gone crooked|crooked)|(his|her|my|their) (speech|words) (keep|keeps) (coming|come) out (all )?(jumbled|garbled|muddled|wrong)\b(?=[^.!?]{0,100}\b(all at once|suddenly|all of a sudden|out of nowhere|gave way|gone weak|went weak)\b)|(his|her|my|their) (speech|words|talking) (has |have |is |are )?(suddenly )?(gone |going |went |come out |coming out |came out (?=(all )?(jumbled|garbled|wrong|muddled|slurred)))?(all |really |a bit |kind of |very )?(strange|funny|weird|garbled|jumbled|slurred|wrong|muddled)|(smile|face|mouth) (is |looks |looked |has looked |has been |has gone |went |gone )?(all |aw |a bit |kind of |really |very )?(lopsided|crooked|uneven|droopy)|(can't|cannot|couldn't) get (her|his|my|their) words out|(lost the ability to|unable to|can't|cannot|couldn't|could not) find ((her|his|my|their|the|any) )?words|(lost the ability to|unable to|can't|cannot|couldn't|could not) (speak|talk) (suddenly|all of a sudden)|(right|left) (hand|arm) (will not|won't|wont|can't|cannot) (grip|hold anything|lift)|slurred speech|slurring|(suddenly )?(speaks?|speaking|talks?|talking) (strange|funny|weird|wrong|jumbled) words|speech (is |was |has |went |got |gone |has gone )?(suddenly )?(slurred|garbled|jumbled))\b", Options)]
    private static partial Regex Stroke();

    // Sight lost in one eye at once, or a curtain coming down over it: a stroke or a detached retina, for A&E now.
    [GeneratedRegex(@"\b((lost|losing|lose|gone|went) (the |my |his |her |all )?(vision|sight) (in|of|from) (my|his|her|their|one|the) (left |right |good )?eye|(curtain|shadow|veil|blind) (came|coming|come|has come|is coming|went|dropped|fell) down over (my|his|her|their|the|one) (left |right )?(eye|vision|sight)|(suddenly|just now|all of a sudden|out of nowhere)[^.!?]{0,30}\b(can't|cannot|cant|can not) see (out of|with|from|anything (out of|with|from)) (my|his|her|their|one|the) (left |right )?eye)\b", Options)]
    private static partial Regex SuddenLossOfSight();

    // Not seeing, speaking or talking counts only when it came on suddenly: blepharospasm closes the eyes, dystonia of the
    // larynx takes the voice, and age takes sight, none of them an emergency ("can't see the screen").
    [GeneratedRegex(@"\b((arm|leg|side|face)( is| went| has gone| feels| is hanging| hangs| hanging| has gone all)? (suddenly )?(numb|weak|paralys\w*|dead|limp|floppy|useless)|(arm|leg|hand|side) (has|had|got) (suddenly )?(no|lost (all )?(its )?) ?(strength|power|feeling)|sudden(ly)? (severe |bad |terrible )?(weakness|numbness|confusion|dizziness|headache|blindness|vision loss|loss of vision|trouble (speaking|seeing|walking))|worst headache|(suddenly |all of a sudden )(can't|cannot) (see|speak|talk)|(can't|cannot) (see|speak|talk)\b[^.!?]{0,40}\b(suddenly|all of a sudden|out of nowhere)|(can't|cannot) (suddenly )?(move|feel) (my|his|her|their) (left |right )?(arms?|legs?|hands?|feet|foot|fingers|face|side|body|whole (left |right )?side)\b|(can't|cannot|couldn't) (lift|raise|hold up) (my|his|her|their|he|she|him) (left |right )?(arm|leg|hand)|(?<=\b(suddenly|all of a sudden|just now|today|tonight|since (this morning|last night|lunch|breakfast|an hour|\d+ ?(minutes?|mins?|hours?|hrs?|am|pm)))\b[^.!?]{0,60})paralys\w* (down |on )?(one|his|her|my|their|the( left| right)?) (left |right )?side|paralys\w* (down |on )?(one|his|her|my|their|the( left| right)?) (left |right )?side(?=[^.!?]{0,60}\b(suddenly|all of a sudden|just now|today|tonight|since (this morning|last night|lunch|breakfast|an hour|\d+ ?(minutes?|mins?|hours?|hrs?|am|pm))|(\d+|an?|few|couple of) (minutes?|mins?|hours?) ago)\b))\b", Options)]
    private static partial Regex SuddenWeaknessOrNumbness();

    [GeneratedRegex(@"\b(((?<=\b(two|three|four|five|several|multiple|many|a few|few|lots of|\d+) )(seizures|fits|convulsions)|(fit|fitted|fitting|seized|seizing|convulsed|convulsing)\b[^.!?]{0,30}\b((two|three|four|five|several|many|\d+) times|twice))\b[^.!?]{0,60}\b(one after (the |da |an )?other|back to back|in a row|(not|isn't|isnt|ain't|aint|hasn't|hasnt|never|without) (waking|woken|wake|wakes|woke|coming round|come round|recovering)\b[^.!?]{0,20}\b(in )?between)|(having|had|is having) (a )?(seizure|fit|convulsion)s?(?<!\bif (someone|somebody|a person|anyone|a child|your child|you|they|people|he|she) (is |are )?(having|had|is having) (a )?(seizure|fit|convulsion)s?)|(he|she|they|" + AChild + @"|dad|mum|mom|husband|wife) (has|have|is having|'s having|had|got|started)( a)? (convulsions?|seizures?|fits)\b[^.!?]{0,60}\b" + Fever + @"|" + Fever + @"[^.!?]{0,60}\b(and |now )?(he|she|they) (has|have|is having|'s having|had|got|started)( a)? (convulsions?|seizures?|fits)\b|seizing|convulsing|shaking all over|shaking (all|whole|his whole|her whole) body|((shaking|jerking|fitting|twitching|seizing|convulsing)\b[^.!?]{0,100}|(seizure|convulsion|(^|\b(a|the|his|her|my|their|this|that|dads|mums|moms) )fit)s?\b[^.!?]{0,40}\b(has been|have been|'s been|been going|going on|gone on|has gone|has lasted|still going)\b[^.!?]{0,40})\b(more than|over|longer than|for|since|about|around|nearly|almost)( about| around| nearly| almost| over| more than)? ([5-9]|[1-9][0-9]|five|six|seven|eight|nine|ten|fifteen|twenty|thirty) ?min\w*|(fitting|seizing|convulsing|seizure)\b[^.!?]{0,60}\b(won't|will not|isn't|is not|hasn't|has not|not|doesn't|does not) (stop\w*|end\w*)|eyes (have )?rolled (back|up)\b[^.!?]{0,80}\b(shaking|jerking|fitting|twitching|not respond\w*|not answer\w*)|(shaking|jerking|fitting|twitching)\b[^.!?]{0,80}\beyes (have )?rolled|(foam\w*|froth\w*) (at|a|from|round) (the |his |her |their |di |de |da )?mouth\b(?:(?<=\b" + SeizureBody + @"\b[\s\S]{0,150})|(?=[\s\S]{0,150}\b" + SeizureBody + @"\b)))", Options)]
    private static partial Regex Seizure();

    // What a body does in a seizure, beside foam at the mouth ("him drop down an a shake, him a foam a di mouth").
    private const string SeizureBody = @"(shak\w*|jerk\w*|twitch\w*|convuls\w*|seiz\w*|fitting|collaps\w*|drop(ped)? down|dropped|fell down|went down|passed out|unconscious|not respond\w*|stiff)";

    [GeneratedRegex(@"\b((won't|wont|will not|can't|cannot|doesn't|does not|isn't|is not|not|no|no dey) (wake|waking|respond\w*)( up)?|(hasn't|hasnt|has not|haven't|havent|isn't|isnt|not|won't|wont|didn't|didnt|never) (come|came|coming) (a)?round(?! to\b)|(just|has|have|suddenly) collapse\b|(lying|laying|lay|lies|led) (on|in) (the|his|her|their|a) (\w+ )?(floor|ground|bath|pavement|road|grass)\b[^.!?]{0,20}\b(not moving|motionless|not breathing|unresponsive|blue)\b|unconscious|not conscious|unresponsive|(?<!\b(nearly|almost) )passed out(?! (from|with) (boredom|laughing|laughter|embarrassment|the queue|the wait))|fainted|fainting|collapsed(?! (on|onto|into|in) (the |my |a )?(sofa|couch|settee|bed|armchair|chair)\b[^.!?]{0,40}\b(after|exhausted|knackered|shattered|worn out|wear me out|wears me out|tired)\b)|lost consciousness|foaming at the mouth|foam\w* (\w+ ){0,3}(from|for|at|out of|comot for|coming out of|comot from) (her|his|the|their|my) mouth)\b", Options)]
    private static partial Regex Unconscious();

    [GeneratedRegex(@"\b((won't|can't|not) stop(ping)? bleeding|(blood|bleed\w*|it's|its|it is)(?! (pressure|sugar|tests?|flow|count|levels?)\b)\b[^.!?]{0,40}\b(in|coming out in) (spurts|jets|squirts)\b|((put|got|tied|tying|applied|applying|wrapped|have|has|'ve|ve|used|using) (on )?(a |my |his |her |their )?(tourniquet|(belt|tie|strap|cord|rope|scarf) (tight )?(round|around) (it|the|his|her|my|their) (\w+ )?(leg|arm|thigh|wound|cut))|(used|using|made|make) (a |my |his |her |their )?(belt|tie|scarf|cord|strap|rope) (as|into) a tourniquet)(?:(?<=\b(blood|bleed\w*|cut (his|her|my|their|it|open|himself|herself|myself|themselves)|gash\w*|wound|chainsaw|knife|glass|blade|axe|machete|grinder)\b[\s\S]{0,200})|(?=[\s\S]{0,200}\b(blood|bleed\w*|gash\w*|wound|chainsaw|axe|machete|grinder)\b))(?<!\b(blood (tests?|pressure|draws?|sample)|splint|brace|bp cuff|years ago|when i was)\b[\s\S]{0,200})(?![\s\S]{0,200}\b(blood (tests?|pressure|draws?|sample)|splint|brace|bp cuff)\b)|blood (is |was |keeps |keeps on |just )?(pumping|spurting|gushing|pouring|squirting)|(soaked|soaking|soakin|soaks|bled) (right )?(through|thru) (\w+ )?(towels?|tea ?towels?|bandages?|dressings?|cloths?|kitchen roll|clothes|shirt|sheets?)|(pouring|pourin|" + Spurting + @") (out|everywhere)\b[^.!?]{0,40}\b(won't|wont|will not|can't|cant|not|doesn't|doesnt) stop|\b(it's|its|it is|and) (" + Spurting + @")( out)?\b(?<=\b(cut|cuts|sliced|slashed|stabbed|gashed|knife|blade|glass|slicer|mandoline|saw|chainsaw|grinder|axe|machete|hedge ?cutter|strimmer)\b[\s\S]{0,140})|(gone|went|going|been|bled|bleeding) (through|thru) (\d+|two|three|four|five|several|a few|loads of|all the|a whole roll of|a roll of) (tea ?towels?|towels?|bandages?|dressings?|pads?|cloths?|rolls? of kitchen roll|kitchen roll)|(towels?|tea ?towels?|bandages?|dressings?|cloths?|kitchen roll|t-?shirt|shirt|sheets?) (is |are |has |have |'s |s )?(gone |went |already |right )?(red|soaked|soaking|dripping|sodden) (through|thru)|(still|keeps?) bleeding (through|after|since)|(still |keeps? |is |it's |its |been )?bleeding (heavily|a lot|badly|loads|lots|so much|like mad|like crazy|everywhere|non ?-?stop)\b|bleeding ((through|thru) (the |a |my |his |her )?(towel|bandage|dressing|cloth|clothes|tea ?towel))|(severe|heavy|massive) bleeding|blood everywhere|(coughing|vomiting|throwing) (up )?blood|(vomit\w*|threw up|throwing up|thrown up|bringing up|brought up|being sick|sick)\b[^.!?]{0,60}\bcoffee[- ]grounds?|black,? (sticky |tarry )?(poo|stool|stools|poop))\b", Options)]
    private static partial Regex Bleeding();

    // Bleeding or severe tummy pain in pregnancy, or a baby who has stopped moving: what maternity lines send straight
    // in. Pregnancy now ("28 weeks pregnant", "my pregnant wife", "im expecting"), not one told as history ("when I was
    // pregnant", "with my first"), and bleeding that is happening, not a worry, a question or a lip.
    private const string PregnantNow = @"(?<!\b(not|never|was|were|when i was|when she was|i was|she was|about)\s((\d+|a few|several|\w+) (weeks|wks|months) )?)(pregnant|pregant|pregnent|preggers|preggo|expecting( a baby)?(?! (it|that|this|them|him|her|an? (answer|reply|call|letter|appointment))\b))|\b(i'm|im|i am|she's|shes|she is) ((\d+|\w+) ?(weeks|wks|months) (along|gone)|(1[2-9]|[23][0-9]|4[0-2]) ?(weeks|wks)\b(?! (into|since|after|post|of|on|off|in)\b))";
    private const string SevereSaid = "(bad|severe|really bad|terrible|awful|agonising|agonizing|excruciating|horrible|sharp|unbearable|worst|stabbing)";
    private const string PregnancySign = @"(?<!\b(about|of|cause|causes|causing|increase\w*|more|heavier|any|no|not|without|nor|if|risk of|chance of|worried about|scared of|had|had some|had a bit of|some)\s)(?<!\b(lip|lips|nose|gums?|finger|knee|graze|toddler|son|daughter|kid|cut)\b[^.!?]{0,30})(bleeding|bleedin|spotting heavily|passing (blood )?clots)(?! (disorders?|risk|gums|in labou?r|during (labou?r|delivery|birth)|is normal|normal)\b)|" + SevereSaid + @" (\w+ )?(pain|pains|cramps?|cramping)\b[^.!?]{0,30}\b(tummy|belly|stomach|abdomen|womb)|" + SevereSaid + @" (tummy|belly|stomach|abdominal) (pain|pains|cramps?|ache)|(tummy|belly|stomach|abdominal) (pain|pains|cramps?) (is|are|has been|getting) (so |really |very )?(unbearable|terrible|awful|agonising|agonizing|excruciating|bad|severe|worse)|(tummy|belly|stomach) is in agony|baby('s| is| has|s)? (not|stopped|hasn't|hasnt|has not|isn't|isnt|is not|hasn't been|hasnt been|not been) (moving|moved|kicking|kicked)(?! (his|her|its|their|the|an?) )|(haven't|havent|have not|not|didn't|didnt|can't|cant|cannot) (felt|feel|feeling) (the|my|her) baby( move| moving| kick\w*)?|baby (has )?(gone|went|been) (really |very |so )?quiet|(?<!\b(make|makes|making|cause|causes|causing|affect|affects|affecting|give|gives)\b[^.!?]{0,30})(?![^.!?]{0,80}\b(spasm\w*|blephar\w*|eyelids?|blink\w*|twitch\w*|crying|cried|tears|botox)\b)(?<!\b(spasm\w*|blephar\w*|eyelids?|blink\w*|twitch\w*|crying|cried|tears|botox)\b[^.!?]{0,80})((eyes|sight|vision)\b[^.!?]{0,30}\b(blurry|blurred|blurring|flashing lights|flashes)|(blurry|blurred|fuzzy|double) (vision|sight)|seeing (spots|stars|flashes|flashing lights)|flashing lights in (my|her|the) (eyes|vision)|(spots|flashes|sparkles) in front of (my|her) eyes|(head|headache)\b[^.!?]{0,40}\b(like never before|worst (ever|i've ever|ive ever)|never (had|felt) (one )?like this))";
    [GeneratedRegex(@"^(?=" + SameMessageOpening + @"\b(" + PregnantNow + @"))(?=" + SameMessageOpening + @"\b(" + PregnancySign + @")\b)", Options)]
    private static partial Regex PregnantBleedingOrInPain();

    // Poison swallowed, or about to be ("i go drink the sniper": Sniper, an insecticide sold across West Africa, drunk by
    // its name; a game's sniper is taken, not drunk).
    [GeneratedRegex(@"\b(overdos\w*(?<!\b(can|could|do|does|would|will) (you|u|one|people|someone|somebody|a person|i|they) overdos\w*)(?<!\b(don't|dont|do not|doesn't|doesnt|does not|didn't|didnt|did not|never|not) (want|wanna|mean|intend|plan)(s|ed)?( to)? overdos\w*)(?<!\b(avoid|avoiding|to avoid|never|without) (an |any )?overdos\w*)(?! on (coffee|caffeine|sugar|chocolate|sweets|candy|tv|netflix|sleep|work|revision|studying|carbs|pizza|cake)\b)(?<!\bpossible to overdos\w*)(?<!\brisk of (an )?overdos\w*)(?<!\b(caffeine|sugar|carbs?|chocolate|cuteness|information|info|screen|netflix|tv|sun|basically an?) overdos\w*)|poisoned|(?<!\bfood )poisoning(?! (masterclass|scene|plot|episode|storyline|mystery))|took too many|(swallowed|drank|drunk|ate) (some |a lot of |the )?(too many|a bottle|the bottle|a whole bottle|poison|bleach|detergent|chemicals?|antifreeze|a battery|batteries|rat poison|weed ?killer)|(swallowed|drank|drunk|drinking|ate|eaten|took|taken) (some |a lot of |the |a |half a |a whole |a bit of )?((bottle|cup|glass|mouthful|capful|sip) of )?(" + Poisons + @")|(?<!\b(not|never|won't|wont|rather)\b[^.!?,]{0,12})(go|gonna|going to|will|'ll|wan|want to|about to) (drink|swallow) (some |the |a |a whole |the whole )?((bottle|cup|glass|tin|can) of )?(" + Poisons + @")(?! before\b)|(drink|drank|drunk|drinking|swallow\w*) (the |some |a bottle of |a whole bottle of |the whole )?sniper\b|(swallowed|drank|drunk|drinking) (some |a lot of |the |a bit of )?((bottle|cup|glass|mouthful) of )?(battery |hydrochloric |sulphuric |sulfuric )?acid)\b", Options)]
    private static partial Regex PoisoningOrOverdose();

    [GeneratedRegex(@"\b(took|taken|swallowed|downed|necked) (the lot|all of them|the whole (lot|box|packet|pack|bottle|strip|tub)|every (one|last one)) of (my|his|her|their|the|mum's|dad's) (pills|tablets|tabs|meds|medicine|medication|sleeping pills|painkillers|" + Medicines + @")\b|\b(took|taken|swallowed|downed|necked)\b[^.!?]{0,60}\b(pills|tablets|tabs|sleeping pills|sleepers|painkillers)\b,? (maybe|like|about|around|roughly|probably|prob|i think|idk|at least)? ?([3-9]|[1-9][0-9]) (or|to|-|n) ([4-9]|[1-9][0-9])\b(?! (hours?|hrs?|days?|weeks?|months?|years?|mg|am|pm|o'clock))|\b(took|taken|swallowed|ate|had|drank|drink off|downed|necked|mixed|mixing)\b[^.!?]{0,120}\b([0-9]+(?! ?(pints?|cans?|beers?|drinks?|glass(es)?|shots?|cups?|coffees?|teas?|hours?|hrs?|h|days?|weeks?|wks?|months?|years?|yrs?|mins?|minutes?|kg|kilos?|lbs?|miles?|km|kms|am|pm|o'clock|times|injections?|jabs?)\b)|too many|too much|(a few |some )?extra|plenty of|a lot of|lots of|a load of|loads of|a bunch of|heaps of|a strip of|a packet of|a box of|a handful of|a whole|the whole|half (a|the|of (a|the|my|his|her)) (bottle|packet|box|strip|pot|tub)|all (of )?(my|the)|double|triple)\b[^.!?]{0,120}\b(pills?|tablets?|tabs|relax(ers|ants)|painkillers|sleeping pills|sleepers|antidepressants|meds|medicines?|medications?|capsules?|doses?|bottle|strips?|blister packs?|packets?|" + Medicines + @")\b", Options)]
    private static partial Regex TooManyPills();

    // Sedatives and painkillers taken with a lot of alcohol slow breathing together: taken so, it is an overdose
    // whatever the count of pills ("can I drink wine with baclofen?" asks, and names no amount).
    // Matched from the drink, the rarest of its words, looking back for the medicine and the taking: a message full of
    // "took" and "pills" costs no more than an ordinary one.
    [GeneratedRegex(@"\b" + LotOfAlcohol + @"(?<=\b(took|taken|had|swallowed|mixed|mixing|washed|downed|necked)\b[^.!?]{0,200})(?<=\b(pills?|tablets?|tabs|meds|medication|painkillers|sleeping pills|sleepers|" + Medicines + @")\b[^.!?]{0,140})|\b(drank|drunk|had|downed|necked)\b (most of |nearly |almost )?" + LotOfAlcohol + @"\b[^.!?]{0,80}\b(and|with|then|plus|on top of)\b[^.!?]{0,40}\b(pills|tablets|tabs|meds|painkillers|sleeping pills|" + Medicines + @")\b", Options)]
    private static partial Regex MedicineWithLotsOfAlcohol();

    // A baby under three months with a temperature of 38 °C or more, floppy, or not feeding is seen at once (NICE
    // traffic-light signs for fever in under-5s).
    [GeneratedRegex(@"^(?=" + SameMessageOpening + @"\b(newborn|new-?born|\d{1,2} ?days? old|([1-9]|1[0-2]) ?(weeks?|wks?) old|(one|two|1|2) ?(months?|mths?) old)\b)(?=" + SameMessageOpening + @"\b(" + Fever + @"|temp(erature)? (of |is |at |over )?38|floppy|limp|(won't|wont|will not|isn't|is not|not|stopped) (feed|feeding|eating|drinking|taking (milk|the bottle|a bottle|the breast))|hardly crying|weak cry)\b)", Options)]
    private static partial Regex YoungBabyUnwell();

    // A wound (after a stimulator or pump operation above all) red, hot or leaking, with a fever or shivering: an
    // infection that may be spreading to the blood (sepsis) is seen the same day.
    [GeneratedRegex(@"^(?=" + SameMessageOpening + @"\b(wound|incision|scar|stitches|op site|surgery site|operation site|battery site|pump site|cut|injection (site|spot)|jab site|(skin (over|around|above|on) (the |my |his |her |their )?)?(stimulator|dbs|pump|battery|implant|device) ?(wires?|leads?|cables?|site|battery)?)\b[^.!?]{0,60}\b(red|hot|oozing|pus|leaking|weeping|swollen|angry|infected|red lines?|red streaks?)\b)(?=" + SameMessageOpening + @"\b(" + Fever + @"|shivering|shivery|shivers|chills|rigors)\b)", Options)]
    private static partial Regex InfectedWoundWithFever();

    // "I have taken my evening tablets twice", said after the medicine; "twice a day" is a dosing schedule, not this.
    [GeneratedRegex(@"\b(took|taken|had|swallowed)\b (my |his |her |their |the |this |today's |todays |tonight's |tonights )?(morning |evening |night |nighttime |bedtime |usual |daily )?(\w+ )?(pills?|tablets?|meds|medicines?|medications?|doses?|capsules?|" + Medicines + @")\b[^.!?]{0,40}?\b(twice|two times|2 times|three times|3 times|several times|double|by mistake again)\b(?! (a|per|each|every) (day|week|night|month)| daily| weekly)", Options)]
    private static partial Regex DoseTakenTwice();

    [GeneratedRegex(@"(?<!\b(what is|what's|whats|what does|define|meaning of|heard of|read about|about|mean by|what|is) )\bstatus dystonicus\b(?! (is |be )?(dangerous|serious|common|rare|fatal|deadly|life[- ]threatening|treatable|curable|mean|means)\b)|" + SentenceStart + @"(?=" + SameSentence + @"\b" + Spasms + @")(?=" + SameSentence + @"\b" + NonStop + @")(?=" + SameSentence + @"\b" + Exhausted + @")|^(?=" + SameMessageOpening + @"\b" + Spasms + @")(?=" + SameMessageOpening + @"\b" + NonStop + @")(?=" + SameMessageOpening + @"\b" + BodyFailing + @")", Options)]
    private static partial Regex StatusDystonicus();

    [GeneratedRegex(@"\b(throat('s|s| is| keeps)? (closing|tight\w*|swell\w*)|throat (feels|felt|is feeling) (like )?(it's|its|it is) (closing|tightening|swelling)|(tongue|lips|face) (is |are )?(swelling|swollen)|anaphyla\w*|severe allergic reaction|throat('?s)? (feels|feel|felt|is feeling|is)? ?(\w+ )?(like|as if|as though) (it's|its|it is|it)? ?(clos\w*|shutting)\b(?![^.!?]{0,30}\bwhen (i|he|she|they|we) (talk|speak|sing|read)\b)|(lips?|tongue|face|mouth)('s|s| is| are| r| has| have|'ve)?( gone| got| getting| going| gone all| went| feels?| blew| swelled)? (up )?(massive|huge|enormous|ballooning|ballooned|blown up|up like balloons?|double (the|their|its|it's|normal) size|twice (the|their|its|it's|normal) size|(?<=\b(tongue|lips?)\b[^.!?]{0,20})(fat|thick|swollen))\b(?:(?<=" + AllergyTrigger + @"[\s\S]{0,200})|(?=[\s\S]{0,200}" + AllergyTrigger + @"))|(stung|bitten|ate|eaten|peanuts?|nuts|shellfish|penicillin|antibiotics?)\b[^.!?]{0,80}\b(eyes?|lips?|tongue|face|throat)\b[^.!?]{0,15}\b(puff(ing|ed|s)? (up|shut)|swell(ing|ed|s)? (up|shut)|swollen shut)\b[^.!?]{0,60}\bwheez\w*|(stung|(insect|bee|wasp|hornet|spider|snake|dog|mosquito|tick) (bite|bit|bitten))\b[^.!?]{0,80}\b(eyes?|lips?|face|tongue)\b[^.!?]{0,20}\b(swollen|puffed|swelled|puffy)( up| shut)?\b[\s\S]{0,120}\b(pale|clammy|faint\w*|dizzy|wheez\w*|(can't|struggling to|hard to) breath\w*|short of breath|breathless|collaps\w*)|(can't|cannot|unable to) swallow" + NotTablets + @"\b|(throat (feels|is feeling|felt|is getting|getting|going|has gone|went) (really |very |so |all )?(tight|thick|swollen|closed up)|(face|lips?|tongue|eyes?|mouth)\b[^.!?]{0,15}\b(puff\w*|swell\w*|blow\w*|blew) up|(swell\w*|swollen|puff\w*)( up)? (the |his |her |my |their )?(tongue|lips?|face|throat))\b(?:(?<=" + AllergyTrigger + @"[\s\S]{0,200})|(?=[\s\S]{0,200}" + AllergyTrigger + @")))\b", Options)]
    private static partial Regex ThroatClosing();

    // What sets off anaphylaxis: a food, a sting, a new antibiotic, or the EpiPen kept for it ("not allergic" sets off
    // nothing).
    private const string AllergyTrigger = @"\b(epi ?pens?|(?<!\b(not|never|isn't|isnt|aren't|arent) )allergic|allergy|peanuts?|(?<!\b(driving|drive|drives|going|gone|go) (me |him |her )?)nuts|satay|shellfish|prawns?|shrimps?|sesame|bee|wasp|stung|penicillin|antibiotics?)\b";

    [GeneratedRegex(@"\b((trouble|difficulty|problems?|hard) (to )?swallow(ing)?|(can|could) (barely|hardly|not) swallow|(can't|cannot|couldn't|unable to) swallow|struggl\w* (to )?swallow\w*)" + NotTablets + @"\b", Options)]
    private static partial Regex TroubleSwallowing();

    [GeneratedRegex(@"\b(stimulator|dbs|neurostimulator|deep brain)\b[^.!?]{0,120}\b(stopped|failed|failing|not working|turned off|died|broke\w*|malfunction\w*)\b", Options)]
    private static partial Regex DeepBrainStimulatorFailure();

    [GeneratedRegex(@"\b" + Fever + @"[^.!?]{0,120}\b(spasm\w*|dystoni\w*|rigid\w*|stiff\w*|worse)\b|\b(spasm\w*|dystoni\w*|rigid\w*|stiff\w*)\b[^.!?]{0,120}\b" + Fever, Options)]
    private static partial Regex FeverWithSevereSpasms();

    [GeneratedRegex(@"\b(sudden(ly)?|rapid(ly)?|very fast)\b[^.!?]{0,120}\b(much worse|getting worse|worsening|severe)\b[^.!?]{0,120}\b(spasm\w*|dystoni\w*|contraction\w*)\b", Options)]
    private static partial Regex RapidSevereWorsening();

    // Medicines that cause acute dystonic reactions (anti-sickness and antipsychotic), and a new medicine of any kind.
    private const string DystoniaInducingMedicine = @"(metoclopramide|maxolon|reglan|prochlorperazine|stemetil|buccastem|domperidone|haloperidol|droperidol|risperidone|olanzapine|aripiprazole|quetiapine|chlorpromazine|fluphenazine|zuclopenthixol|antipsychotics?|anti-? ?psychotics?|anti-? ?sickness|anti-? ?nausea|(new |first )?(medicine|meds|medication|tablets?|pills?|injection|jab|depot|drug)s? for (his |her |my |their )?(schizophrenia|psychosis|bipolar|(the )?voices|hallucinations|agitation|nerves)|(new|started|starting|changed|different) (medicine|meds|medication|tablets?|pills?|injection|jab|drug|prescription)s?|(sickness|vomiting|nausea) (injection|jab|tablets?|medicine|meds|drug)|(injection|jab|shot|drip|iv|tablets?|medicine|meds|drug|something) for (the )?(vomiting|nausea|sickness|being sick|feeling sick))";

    // An acute dystonic reaction's signs: jaw, tongue, eyes, neck or throat.
    private const string AcuteDystonicSign = @"(jaw (is |has |got )?(stuck|locked|clenched|clamped)|lock ?jaw|tongue (keeps |is )?(pushing|sticking|poking|thrusting|hanging) out|tongue (won't|will not|can't|cannot) go back( in)?|eyes (are |have |keep |have been |has been |been )?(rolled|rolling|stuck) (up|upwards|back)|eyes (are |keep )?(stuck|rolling)|neck (is |keeps )?(twisting|twisted|arching|arched|pulled|bending) (back|to)|throat (is |feels )?(like (it's |its |it is )?)?(tight\w*|closing)|(neck|head) (is |has |keeps )?(bend|bends|bent|bending|go|goes|going|went|gone|pull|pulls|pulled|pulling|arch|arches|arched|arching|thrown|jerks|jerked) (right )?(back|backwards)|eyes (are |have |keep |keeps )?(go|goes|going|went|gone|roll|rolls|turn|turns|turned|turning) (right )?(up|upwards|back)|(can't|cant|cannot|can not|unable to|won't|wont) (close|shut) (his |her |my |their |the )?mouth|mouth (is |keeps )?(stuck|locked|jammed) open|(can't|cant|cannot|can not|unable to|won't|wont) open (his |her |my |their |the )?(jaw|mouth)|face (is |keeps |has )?(twisting|twisted|contorting|contorted|pulling|pulled|grimacing))";

    // An anti-sickness or antipsychotic medicine, then the jaw, tongue, eyes, neck or throat taken over by spasm (in one
    // sentence, or across the question it was asked in: "is this normal with stemetil? my jaw is clamped shut"), or the
    // sign told first and the medicine after ("eyes stuck upwards for an hour since starting a new medicine").
    [GeneratedRegex(@"\b" + DystoniaInducingMedicine + @"\b[^.!]{0,160}\b" + AcuteDystonicSign, Options)]
    private static partial Regex AcuteDystonicReaction();

    // The same reaction told sign first: a pattern of its own, for the engine to skip ahead (see Rules).
    [GeneratedRegex(@"\b" + AcuteDystonicSign + @"[^.!?]{0,80}\b(since|after|from|on|with) (starting |taking |having |getting |being given )?(a |an |the |his |her |my |their )?" + DystoniaInducingMedicine + @"\b", Options)]
    private static partial Regex AcuteDystonicReactionSignFirst();

    // Someone else's prescription taken, and now a symptom: poisoning until a professional says otherwise.
    [GeneratedRegex(@"\b(took|taken|swallowed|had|tried)\b[^.!?]{0,40}\b(\w+'s|someone else's|another person's|other people's|(friends?|mates?|sisters?|brothers?|mums?|moms?|dads?|parents?|grandmas?|grandads?|nans?|husbands?|wife|wifes|partners?) (prescription )?|(my|his|her|their|the wrong) (\w+ )?(pills?|tablets?|medicines?|medications?|meds) by (mistake|accident))\b[^.!?]{0,40}\b(pills?|tablets?|medicines?|medications?|meds|capsules?|relax(ers|ants)|mistake|accident)\b[^!?]{0,160}\b(dizzy|heart (is )?(racing|pounding)|drowsy|(very |really )?sleepy|(can't|cannot) (stay awake|keep (my|his|her) eyes open)|(hard|difficult|impossible) to wake|confus\w*|faint\w*|vomit\w*|throwing up|(can't|cannot) breathe|breathing (is |sounds |seems )?(\w+ )?(slow|shallow|funny|weird|strange|noisy))", Options)]
    private static partial Regex SomeoneElsesMedicine();

    [GeneratedRegex(@"\b(call(ing)? (an |the )?ambulance|need an ambulance|send (an )?ambulance|this is an emergency|it's an emergency)\b", Options)]
    private static partial Regex AsksForAnAmbulance();

    // A face or mouth gone down or twisted to one side with the words wrong or gone ("saying the wrong words and her
    // mouth's gone down on one side"), either first: a stroke, even without "suddenly". A mouth that oromandibular
    // dystonia pulls aside comes and goes, and is told so ("when it comes on", "until it passes").
    [GeneratedRegex(@"^(?!" + SameMessageOpening + @"\b(when|whenever|every time|each time|if|until it passes|till it passes|until the spasm)\b)(?=" + SameMessageOpening + @"\b(" + WordsGoneWrong + @"))" + SameMessageOpening + @"\b(face|mouth|smile|lips?)('?s)?\b[^.!?]{0,20}?( is| has)?( all)? (gone |went |is |has )?(dropped|drooped|drooping|droopy|fallen|slipped|sagging|hanging|twisted|crooked|lopsided|slanted|gone down|went down)\b", Options)]
    private static partial Regex FaceFallenAndWordsWrong();

    private const string WordsGoneWrong = @"(saying|says|using|uses|said) (the |all the )?wrong words|words (are |come out |came out |coming out )?(all )?(wrong|muddled|jumbled|garbled|mixed up)|slurr\w*|(can't|cant|cannot|couldn't|unable to|not able to) (speak|talk|get (his|her|their|the|my) words out)|talking (funny|gibberish|nonsense|rubbish)";

    // Voices that tell someone to harm a child, another person or themselves: a crisis even when they say they won't.
    [GeneratedRegex(@"\b(hear\w*|voices?)\b[^.!?]{0,40}\b(telling|tell|tells|told|saying|says|say|want\w*) (me|him|her|them) to (hurt|harm|kill|drown|smother|stab|hit) (the |my |our |his |her |their )?(baby|child|children|kids?|son|daughter|boy|girl|toddler|myself|himself|herself|themselves|someone|somebody|people|him|her|them|mum|mom|dad|wife|husband|partner)\b", Options)]
    private static partial Regex VoicesTellingToHarm();

    // "Ive decided to stop fighting. goodbye and thanks for all the info", "writing to say goodbye, thank you for
    // everything, tomorrow I won't be here": a goodbye from someone who has stopped fighting, or who will not be here,
    // is a farewell, not a sign-off.
    [GeneratedRegex(@"^(?=" + SameMessageOpening + @"\b(goodbye|farewell|bye (all|everyone|everybody|forever|for ever)|thank(s| you) for (everything|all))\b)" + SameMessageOpening + @"\b((decided|ready|going|gonna|time) to (stop|give up) fighting|(done|finished|tired of|sick of) fighting(?! (with|over|about))|(can't|cant|cannot) fight (it|this|any ?more|on)|giving up the fight|(won't|wont|will not) be (here|around|alive)( (tomorrow|any ?more|by (the )?morning))?\b(?! (for|to|at|when|until|till|on|next|this|because)\b))\b", Options)]
    private static partial Regex GoodbyeAfterStoppingFighting();

    // A medicine taken again and again, then the signs of too much of it (anticholinergics such as trihexyphenidyl:
    // seeing things, a racing heart, hot and dry): poisoning, whatever the dose was.
    [GeneratedRegex(@"\b(took|taken|had|swallowed)\b[^?]{0,80}\b(again|twice|(\d|two|three|four|five|several) times|double|extra)\b[^\n]{0,160}\b(bugs|spiders|insects|things (that )?(aren't|arent|are not) there|seeing things|hallucinat\w*|heart (is )?(going|racing|pounding|thumping|banging|beating (really |so )?fast)|roasting|burning up|(can't|cant|cannot) (wee|pee))\b", Options)]
    private static partial Regex ExtraDoseAndUnwell();

    // Boiling water, a kettle or hot fat over a large part of the body, blistering or with the skin coming off.
    [GeneratedRegex(@"\b(kettle|boiling|scald\w*|hot (water|tea|coffee|oil|fat)|chip pan|burn(ed|t|ing)?)\b[^?]{0,80}\b(chest|arms?|legs?|face|back|tummy|belly|stomach|body|all over|whole)\b[^?]{0,60}\b(blister\w*|skin (is )?(peeling|coming off|hanging|white|black|charred)|screaming)\b|\b(kettle|boiling|scald\w*|hot (water|tea|coffee|oil|fat)|chip pan)\b[^?]{0,60}\b(over|on|onto|down) (him|her|them|himself|herself|themselves|my|his|her|their)\b[^?]{0,80}\b(blister\w*|skin (is )?(peeling|coming off|hanging|white|black)|screaming)\b", Options)]
    private static partial Regex LargeBurnOrScald();

    // Someone with diabetes who is sweaty, shaking and confused or not making sense: blood sugar too low until proved
    // otherwise.
    [GeneratedRegex(@"\bdiabet\w*\b[^?]{0,160}\b(" + ConfusedNow + @"|talk\w* (rubbish|nonsense|gibberish)|not making sense|(doesn't|doesnt|does not|don't|dont) (know|recogni[sz]e) (who|where|me|us)|drowsy|(won't|wont|can't|cant) wake|passed out)\b|\b(sweat\w*|shak\w*|clammy)\b[^?]{0,80}\b(" + ConfusedNow + @"|talk\w* (rubbish|nonsense|gibberish)|(doesn't|doesnt|does not) (know|recogni[sz]e) (who|where|me|us))\b(?=[\s\S]{0,160}\bdiabet\w*|(?<=\bdiabet\w*\b[\s\S]{0,240}))", Options)]
    private static partial Regex LowBloodSugar();

    // A child with a high temperature who is very sleepy, floppy or listless: seen now (NHS: a child who is hard to
    // keep awake).
    [GeneratedRegex(SentenceStart + @"(?=" + SameSentence + @"\b(" + AChild + @"|child|kid|son|daughter|boy|girl|baby|toddler|grandson|granddaughter)\b)(?=" + SameSentence + @"\b" + Fever + @")(?=" + SameSentence + @"\b((very|really|so|unusually|extremely|super) (sleepy|drowsy|floppy|lethargic|listless)|floppy|limp|(hard|difficult) to (wake|keep awake))\b)", Options)]
    private static partial Regex ChildFeverAndDrowsy();

    // Disinfectant, floor cleaner, phenyl or washing-up liquid drunk, told either way round ("the child phenyl floor
    // cleaner drank", as a list reads a verb-last language).
    private const string HouseholdCleaner = @"(disinfectant|floor cleaner|phenyl|phenol|dettol|toilet cleaner|oven cleaner|drain cleaner|washing[- ]up liquid|dishwasher (tablet|pod)s?|laundry (pod|capsule|tablet)s?|descaler|white spirit|turps|turpentine|paraffin|kerosene|lamp oil|weedkiller|weed killer|pesticide|insecticide|bleach)";

    [GeneratedRegex(@"\b(drank|drunk|swallowed|ate|eaten|has had|had some|sipped|gulped)\b[^.!?]{0,40}\b" + HouseholdCleaner + @"\b|\b" + HouseholdCleaner + @"\b[^.!?]{0,30}\b(drank|drunk|swallowed|ate|eaten|sipped|gulped)\b", Options)]
    private static partial Regex HouseholdCleanerSwallowed();

    [GeneratedRegex(@"\b" + AChild + @"\b[^.!?]{0,80}(\b(drank|swallowed|ate|got into|got hold of|chewed)\b[^.!?]{0,60}\b(medicines?|medications?|pills?|tablets?|meds|bottle|capsules?|" + Medicines + @")\b|\b(took|has taken|taken)\b[^.!?]{0,30}\b(my|our|your|grandma|grandmas|grandmother's|granny|grannys|nan|nans|nana|nanas|nanny's|grandad|grandads|grandpa|grandpas|grandfather's|mum|mums|mom|moms|dad|dads|mother|father|sister|brother|aunt|auntie's|uncle|someone else|somebody else)('s)? (\w+ )?(medicines?|medications?|pills?|tablets?|meds|capsules?|" + Medicines + @")\b(?! (list|to|into|in to|prescription|box|bag|sheet|chart|leaflet)\b)|\b(found|opened|got hold of|got into|had|has|got)\b[^.!?]{0,60}\b(medicines?|medications?|pills?|tablets?|meds|bottle|blister pack|pill box|capsules?)\b[^.!?]{0,60}\b(missing|gone|empty|eaten|swallowed|chewed|(don't|do not|dont|dunno) know how many|(dunno|no idea|not sure) how many (he|she|they|the \w+) ?('s|has|have|had|took|ate|swallowed|got)\b)\b)|\bfound (my |our |the |his |her )?" + AChild + @"\b[^.!?]{0,20}\b((chewing|eating|sucking)\b[^.!?]{0,30}\b(medicines?|pills?|tablets?|meds|capsules?|blister pack)|with\b[^.!?]{0,30}\b(blister pack|pill box|pill bottle|medicine bottle|bottle of (pills|tablets)))\b", Options)]
    private static partial Regex ChildSwallowedMedicine();

    // A knock to the head with vomiting, confusion or drowsiness, told in the same breath or the next sentence; on a blood
    // thinner, the knock alone (NICE: a scan within hours).
    [GeneratedRegex(@"\b((hit|bumped|banged|struck|knocked|kicked|whacked|smacked|bashed) ((in|on) )?((his|her|my|their|the) )?head|(bump|lump|knock|bang|blow|cut) (on|to) (his|her|my|their|the) head|fell\b[^.!?]{0,60}\bhead)\b[^?]{0,160}?\b(vomit\w*|throwing up|(been|being) sick|muddled|sick (twice|again|\w+ times)|confus\w*|drows\w*|(very |really |so |unusually )?sleepy|(can't|cannot|not) (answer|respond|talk|speak)\w*( properly| normally| to us| to me)?|unconscious|passed out|knocked out|seizure|pupils? (is |are |looks? |seems? )?(bigger|larger|smaller|different|unequal|uneven)|unequal pupils|(keeps|keep|kept) (repeating|asking the same)\w*|talking (nonsense|rubbish|gibberish)|chuck(ed|ing)? up|spew(ed|ing)?|puk(e|ed|ing)|(a bit |really |very |kinda )?(foggy|groggy|dazed)|(blood|fluid) (is )?(coming |comin |leaking |dripping |running )?(from|out of) (his|her|my|their|the|an|one) (ear|ears|nose)|won't wake|can't wake|(doesn't|does not|can't|cannot|don't|do not) (know|remember|recogni[sz]e) (where|who|what|us|me|anyone)|not making sense)|\b(hit|bumped|banged|struck|knocked|kicked|whacked|smacked|bashed) ((in|on) )?((his|her|my|their|the) )?head\b[^.!?]{0,100}\b((keeps |keep |kept )?(nodding|dozing|drifting) off|seeing double|double vision)\b(?![^.!?]{0,40}\b(baclofen|artane|trihexyphenidyl|tablets?|meds|medicines?|pills)\b)|\bhead (injury|trauma)\b[^.!?]{0,120}\b(vomit\w*|(been|being) sick|confus\w*|unconscious)|\b(warfarin|coumadin|apixaban|eliquis|rivaroxaban|xarelto|edoxaban|dabigatran|pradaxa|clopidogrel|plavix|blood ?thinners?|anti-?coagulants?)\b[^?]{0,160}?\b(hit|bumped|banged|struck|knocked|bashed|smacked|whacked|cracked) ((in|on) )?((his|her|my|their|the) )?head|\b(hit|bumped|banged|struck|knocked|bashed|smacked|whacked|cracked) ((in|on) )?((his|her|my|their|the) )?head\b[^?]{0,160}?\b(warfarin|coumadin|apixaban|eliquis|rivaroxaban|xarelto|edoxaban|dabigatran|pradaxa|clopidogrel|plavix|blood ?thinners?|anti-?coagulants?)\b", Options)]
    private static partial Regex HeadInjuryWithWarningSigns();

    // A fall is a head injury until shown otherwise: confusion or vomiting after one, in either order ("confused since he
    // fell down the stairs yesterday and keeps throwing up"), whether or not the head is named.
    [GeneratedRegex(SentenceStart + @"(?=" + SameSentence + @"\b((fell|fallen|falling)(?! (asleep|in love|out|behind|apart|for|through|pregnant))|had a (bad |nasty )?fall|(my|his|her|their) fall|tripped|tumbled|slipped)\b)(?=" + SameSentence + @"\b(vomit\w*|throwing up|threw up|keeps? being sick|been sick (twice|again|(three|four|\d) times)|sick (twice|again|(three|four|\d) times)|(very|really|so|unusually) sleepy|(one )?pupils?\b[^.!?]{0,30}\b(bigger|larger|smaller|different sizes?|uneven|unequal)|" + ConfusedNow + @"|drows\w*|not making sense|(doesn't|does not|don't|do not) (know|remember|recogni[sz]e) (where|who|what|us|me|anyone))\b)", Options)]
    private static partial Regex FallWithWarningSigns();

    // Someone found on the floor who doesn't know how long they've been there, or is muddled: a long lie, with the
    // injuries and illness that come with it, is an ambulance call for an older person.
    [GeneratedRegex(@"\bfound (him|her|them|my \w+( \w+){0,2}|mr\.? \w+|mrs\.? \w+|ms\.? \w+|\w+) (lying )?on (the|his|her|their) (\w+ )?floor\b[^.!?]{0,160}\b((doesn't|doesnt|does not|don't|dont|didn't|didnt|can't|cant|cannot) (know|remember|say) how long|muddled|confus\w*|not making sense|(can't|cant|cannot|couldn't|couldnt) get (him|her|them)?\s?up|freezing|cold to the touch|drowsy)", Options)]
    private static partial Regex FoundOnTheFloor();

    [GeneratedRegex(SentenceStart + @"(?=" + SameSentence + @"\b" + Fever + @")(?=" + SameSentence + @"\b" + Rigid + @")(?=" + SameSentence + @"\b" + Confused + @")", Options)]
    private static partial Regex FeverRigidityConfusion();

    // New confusion with a fever is how sepsis, meningitis and an infected implant show themselves to a family.
    [GeneratedRegex(SentenceStart + @"(?=" + SameSentence + @"\b" + Fever + @")(?=" + SameSentence + @"\b(" + ConfusedNow + @")\b)", Options)]
    private static partial Regex FeverWithConfusion();

    [GeneratedRegex(@"\b(i|i'm|im|i've|i'd|me|my|myself|we|our|us|he|she|they|him|her|his|their|son|daughter|child|kid|baby|husband|wife|partner|mom|mum|mother|dad|father|friend|brother|sister|grandma|grandmother|grandpa|grandfather|someone|somebody|toddler|wee one|bairn|gran|granny|nan|nana|grandad|right now|now|currently|suddenly|all of a sudden|just)\b|^(just )?(took|taken|swallowed|ate|drank|downed|had|fell|collapsed)\b", Options)]
    private static partial Regex SomeoneNow();

    /// <summary>
    /// Whether the sign <paramref name="match"/> found is told as history: a time long past ("five years ago", "as a
    /// baby", "last yr") in the match or in its clause ("my son had a seizure once as a baby"; "metoclopramide last year
    /// and my jaw locked"), with nothing in that clause that says it is happening again now. The clause stops at "now"
    /// and "and": "botox two weeks ago and now i cant swallow" tells a sign of today.
    /// </summary>
    private static bool ToldAsHistory(string text, Match match)
    {
        var start = match.Index;
        while (start > 0 && !ClauseEdge(text, start - 1, backwards: true))
        {
            start--;
        }

        // A sign read from its sentence's start (its pattern looks ahead, and matches nothing) is told in the whole
        // sentence: "op 5 days ago, today hes confused … and burning up" is history only if none of it is today.
        var wholeSentence = match.Length == 0;
        var end = match.Index + match.Length;
        while (end < text.Length && (wholeSentence ? text[end] is not ('.' or '!' or '?' or '\n') : !ClauseEdge(text, end, backwards: false)))
        {
            end++;
        }

        var clause = text[start..end];
        return (History().IsMatch(clause) || OnAScreenOrAPage().IsMatch(clause) || (SomeTimeAfter().IsMatch(clause) && ToldAsOver().IsMatch(Sentence(text, match))))
            && !HappeningAgain().IsMatch(clause);
    }

    // A sign that happens in a story on a screen or a page ("in the show the character had a fit", "watched that
    // hospital drama where a guy stopped breathing"), in the clause that tells it.
    [GeneratedRegex(@"\b((the|a|that|this|one) character|in (the|a|that|this) (show|film|movie|drama|series|episode|novel|book|soap|programme|program|play)|(watched|watching|saw|seen|reading|read) (a|that|the|this) (\w+ ){0,2}(drama|film|movie|show|series|episode|novel|book|soap|programme|program|documentary))\b", Options)]
    private static partial Regex OnAScreenOrAPage();

    private static string Sentence(string text, Match match)
    {
        var start = match.Index;
        while (start > 0 && text[start - 1] is not ('.' or '!' or '?' or '\n'))
        {
            start--;
        }

        var end = match.Index + match.Length;
        while (end < text.Length && text[end] is not ('.' or '!' or '?' or '\n'))
        {
            end++;
        }

        return text[start..end];
    }

    // "Choked on a sandwich about a month after my botox": weeks after something, which is history only when its own
    // sentence says the person is over it ("…, fine now, should i tell the clinic"); "2 weeks after my botox I can't
    // swallow" is today, and so is "… she cant breathe, the bruise is gone now" or "would it be better now to call 999".
    [GeneratedRegex(@"\b" + SomeTimeAfterWords + @"\b", Options)]
    private static partial Regex SomeTimeAfter();

    /// <summary>Weeks after something ("a month after my botox"): read by both red-flag readers.</summary>
    internal const string SomeTimeAfterWords = @"(\d+|a|an|one|two|three|four|five|six|few|couple of|several) (days?|weeks?|months?|years?) (after|later)";

    [GeneratedRegex(@"\b(i'm|im|i am|he's|hes|he is|she's|shes|she is|they're|theyre|all|everything's|everything is)( totally| completely| all)? (fine|ok|okay|alright|better|back to normal) now\b|(^|[,;]\s*)(but |and )?(fine|ok|okay|alright|all good|back to normal) now\b|\b(it|that) (passed|settled|wore off)\b|\b(it's|its|it has|that's|thats) (all )?gone now\b", Options)]
    private static partial Regex ToldAsOver();

    // A clause ends at a sentence's or a comma's edge or a bracket ("a seizure last year (all fine since)" says
    // nothing of today), and, looking back from the sign, where "now" or "and" begins it.
    private static bool ClauseEdge(string text, int at, bool backwards) =>
        text[at] is '.' or ',' or ';' or '!' or '?' or '\n' or '(' or ')'
        || (backwards && at >= 4 && text[at] == ' ' && (text.AsSpan(at - 4, 4).SequenceEqual(" now") || text.AsSpan(at - 4, 4).SequenceEqual(" and")));

    // What brings a sign told as history back to today: "again", "still", "right now", "an hour ago", "since the jabs
    // last week … is taking tiny breaths", "keeps", "getting worse"; not "fine ever since", "since he was little", nor what people are saying
    // or asking about it now ("had a fit last year and now theyre saying dystonia").
    [GeneratedRegex(@"\b(" + Today + @"|((\d+|a|an|few|couple of) )?(minutes?|mins?|hours?|hrs?) ago|again|still|(?<!\b(fine|ok|okay|well|good|normal|nothing|none|clear|free)( ever)? )since(?! (birth|childhood|(i|he|she|they) (was|were) (a )?(little|young|small|baby|child|kid|born)))|keeps?|(has|have|'s|is|are) been|(is|are|'s|'re) (now )?(?!(saying|asking|telling|wondering|thinking|worrying|hoping|looking into|testing|checking)\b)\w+ing|getting worse)\b", Options)]
    private static partial Regex HappeningAgain();

    /// <summary>
    /// A symptom bound to a task ("only when he tries to walk", "freezes on the pedal when i play", "lips lock up mid
    /// phrase", "never when hes lying down", "cramping when i do the fine work", "breaking during sermons"): dystonia's
    /// everyday pattern, which the article answers, not an emergency.
    /// </summary>
    [GeneratedRegex(@"\b((only|just|always|whenever|every time|each time|never)\b[^.!?]{0,40}\bwhen (i|he|she|they|you|we|it)\b|(only|just|never) (happens? |comes? on |starts? |shows? up )?(while|during|on|at) (the |my |his |her |a )?(\w+ing|walk|play|gigs?|shows?|games?|matches?|piano|guitar|trumpet|drums|keyboard|pedal|computer|desk)|mid[- ](phrase|song|sentence|game|match|set|shift|bar|note|word)|when (i|he|she|they) (play|plays|write|writes|type|types|eat|eats|reach|reaches|walk|walks|sing|sings|talk|talks|read|reads|preach|preaches)\b|when (i|he|she|they) (do|does|am doing|is doing|are doing) (the |my |his |her |their |any )?(\w+ )?(work|job|jobs|stitching|sewing|knitting|writing|drawing|painting|embalming|carving)\b|(during|in( the)? middle of|through) (my |his |her |the |their )?(sermons?|services?|lessons?|lectures?|speeches|speech|presentations?|meetings?|concerts?|gigs?|rehearsals?|performances?|matches|match|games?|shifts?)\b|(every time|each time|whenever) (i|he|she|they|you|we) (hold|holds|use|uses|pick|picks|grip|grips|lift|lifts|play|plays|write|writes|type|types|drive|drives|work|works)\b|when (i'm|im|i am|he's|hes|he is|she's|shes|she is|they're|theyre|they are) (out|outside|at work|driving|reading|typing|writing|working|playing|on the (boat|computer|phone|bike|road|water)|in the (wind|sun|sunshine|cold|car|kitchen))\b)", Options)]
    internal static partial Regex BoundToATask();

    /// <summary>
    /// Low mood told as low mood ("i feel a bit down about my diagnosis", "gutted about it", "feeling guilty that my son
    /// got the gene", "felt like screaming today"): what most people feel on hearing it, and what the article's readers
    /// write; a crisis said in other words beside it is still read.
    /// </summary>
    [GeneratedRegex(@"^(?![\s\S]*\b(myself|alive|living|life|exist\w*|notice|do something|overdose|" + Medicines + @"|die|dying|dead|death|kill|end it|ending it|not be here|better off|no point|pointless|can't go on|cant go on|goodbye|give up|gave up|hopeless|worthless|burden|pills|tablets|rope|bridge|hurt (my|him|her)self|harm|without me|any ?more|disappear|wake up|not wake|sleep forever|gone|end|over|alone|plan|look after|take care of|love you|answering|picking up|letters?|notes?)\b)[\s\S]*\b((feel|feeling|felt|am|i'm|im|been)( a)? (a bit|a little|kind of|kinda|quite|pretty|so|really|very|sometimes|often)? ?(down|low|sad|blue|gutted|upset|fed up|frustrated|angry|cross|annoyed|overwhelmed|invisible|embarrassed|humiliated|stressed|emotional|tearful|rubbish)( about| since| after| with| over| that| because| when| for| today| lately| at|$|[,.!?])|(guilty|scared|frightened|nervous|anxious|worried|lonely|ashamed)( about| since| after| with| over| today| lately|$|[,.!?])|(sad|down|low|upset|gutted|fed up|frustrated|angry|overwhelmed|embarrassed) (about|since|after|over) (my|the|his|her|their|this|it)|(feel|feeling|felt) like (screaming|crying|shouting|swearing)|(don't|dont|do not) (really )?know how (i|to) feel)", Options)]
    internal static partial Regex LowMoodOnly();

    /// <summary>Words that tell something is happening now and badly, whatever the pattern around it.</summary>
    [GeneratedRegex(@"\b(" + Today + @"|suddenly|all of a sudden|since (this|last|an|about|\d)|for (the last |over |about |nearly )?(an?|\d+|two|three|several) (hours?|hrs?|minutes?|mins?)|(won't|wont|will not|can't|cant|cannot) (stop|breathe|swallow|talk|speak|open)|turning blue|blue lips|unconscious|not waking|ambulance|911|999|112|fever|temperature)\b", Options)]
    internal static partial Regex HappeningNowAndBadly();

    /// <summary>
    /// A year told short ("a blast to the head in '09", "in 09", "back in the 90s"), which nobody says of today: not "in
    /// 05 minutes".
    /// </summary>
    internal const string ShortYear = @"(in|since|back in) '\d\d\b|back in (the )?(19|20)?\d0s\b|back in (19|20)\d\d\b|(in|since) 0\d(?![:./]\d)(?! ?(minutes?|mins?|hours?|hrs?|h|seconds?|secs?|days?|weeks?|am|pm)\b)";

    /// <summary>A time long past: what makes a warning sign history ("a stroke two years ago", "a fit as a child").</summary>
    [GeneratedRegex(@"\b(" + ShortYear + @"|(\d+|a|an|one|two|three|four|five|six|few|several|many|some) (days?|weeks?|months?|years?|yrs?|decades?) (ago|back)|last (week|month|year|yr|spring|summer|autumn|fall|winter|christmas|xmas|easter|new year|ramadan|eid|diwali|holidays?)|(in|since) (january|february|march|april|may|june|july|august|september|october|november|december|(19|20)\d\d)|(once )?as a (child|kid|baby|toddler|teenager|teen)|(when|since) (i|he|she|they) (was|were) (a )?(little|young|small|baby|child|kid|teenager|\d+)|since (birth|childhood|(i|he|she|they) (was|were) born)|years (ago|back)|history of|in the past|at birth|when (i|he|she|they) (was|were) born|as a newborn)\b", Options)]
    internal static partial Regex History();

    // What people write stories in: "in the novel im writing a character takes an overdose" asks how a scene goes.
    private const string Fiction = "novel|story|short story|screenplay|fanfic|fan fiction|comic";

    // Someone learning the signs ("for my first aid course", "writing a leaflet for our group", "want to be prepared",
    // "can people with cervical dystonia choke?") asks about an emergency, unless the message also tells one
    // happening now.
    [GeneratedRegex(@"\b((can|could|do|does|would|will|might|may|are|is it (common|normal|possible|usual) for) (people|patients|sufferers|persons|adults|kids|children|those) (with|who have|who've got|who get|who've had)\b|for (my|a|our|the) (first[- ]aid |support group |(\w+ ){1,2})?(" + StudyWork + @")|(pharmacy|nursing|medical|med) school|(writing|making|preparing) (a |an |our )?(leaflet|poster|guide|talk|presentation|essay)|(want|wanted|trying|like|need) to (be prepared|learn the (warning )?signs|know the (warning )?signs|learn what to do)|(" + Fiction + @") (i'm|im|i am|we're|i've been|ive been) (writing|working on)|(writing|working on) (a|my|our) (" + Fiction + @")|a character in (my|the|a|our) (" + Fiction + @")|(my|our) (" + Fiction + @")('s|s)? (villain|hero|heroine|protagonist|antagonist|main character|narrator|characters?)\b|(villain|hero|heroine|protagonist|antagonist|main character|narrator) (in|of) (my|our) (" + Fiction + @")|in case (it|this) ever happens|the (leaflet|label|package insert|patient information|information sheet) (says|said|mentions|warns|lists)|^(first[- ]aid |revision |homework )?(quiz|exam|revision|homework) (q|qs|question|questions)\b)\b", Options)]
    private static partial Regex LearningAboutIt();

    // "How much paracetamol counts as an overdose? writing my nursing essay": study named in passing learns about a sign
    // only when the message speaks of nobody in particular ("doing my assignment and my son just swallowed pills" is an
    // emergency).
    [GeneratedRegex(@"\b(writing|making|preparing|doing|working on|revising for|studying for) (a |an |our |my )(\w+ )?(" + StudyWork + @")\b", Options)]
    private static partial Regex StudyNamed();

    // "Just" before what happens to someone ("my son just swallowed a bottle of pills") is now, whatever else is told.
    // "How many would it take to not wake up? asking for a story": a lethal amount asked is a crisis service's question
    // whatever it is said to be for.
    [GeneratedRegex(@"\bhow (many|much)\b[^.!?]{0,60}\b(would it take|does it take|would kill|to (die|not wake|never wake|kill))\b", Options)]
    private static partial Regex LethalAmountAsked();

    [GeneratedRegex(@"\b(" + Today + @"|now|since|ago|minutes?|hours?|hrs?|mins?|just (swallowed|took|taken|fell|fallen|collapsed|passed out|cut|hit|drank|ate|overdosed|stopped breathing|had an?))\b", Options)]
    private static partial Regex HappeningNow();

    // "Wants an antihistamine for hay fever": an allergy's name, not a fever.
    [GeneratedRegex(@"\bhay ?fever\b", Options)]
    private static partial Regex HayFever();

    // "Do people with dystonia have higher rates of depression and suicidal thoughts? (for my psychology essay)": suicide
    // as a subject studied, in a message that speaks of nobody in particular. Anyone named ("my son", "she", "I") makes
    // the word a crisis again.
    [GeneratedRegex(@"\b((rates?|risk|incidence|prevalence|statistics|stats|studies|research|links?|association) (of|for|between|on|in|with)\b[^.!?]{0,40}\bsuicid\w*|suicid\w* (rates?|risk|statistics|stats|prevalence|incidence|research))\b", Options)]
    private static partial Regex SuicideAsASubject();

    [GeneratedRegex(@"\b(i|i'm|im|i've|ive|i'd|id|me|myself|he|she|he's|she's|hes|shes|him|her|(my|our) (?!(\w+ ){0,2}(" + StudyWork + @")\b)\w+)\b", Options)]
    private static partial Regex SomeoneInParticular();

    /// <summary>
    /// A crisis long past that the writer says they are well after ("i tried to end my life 10 years ago, im well now
    /// with good support"): told as history in its clause, the writer well now, and nothing of it today or again. A
    /// crisis told without that is read as one however old ("i tried to end my life years ago and i feel like that
    /// again").
    /// </summary>
    private static bool RecoveredFrom(string text, Match match) =>
        ToldAsHistory(text, match) && MonthsOrYearsAgo().IsMatch(Sentence(text, match)) && WellNow().IsMatch(text) && !CrisisAgain().IsMatch(text);

    /// <summary>A time months or years past ("10 years ago", "last year", "as a teenager"): days or weeks are not long past for a crisis.</summary>
    [GeneratedRegex(@"\b((\d+|a|an|one|two|three|four|five|six|few|several|many|some|couple of) (months?|years?|yrs?|decades?) (ago|back)|years (ago|back)|last (year|yr)|(once )?as a (child|kid|teenager|teen)|when (i|he|she|they) (was|were) (a )?(child|kid|teen|teenager|\d+)|(in|back in) (19|20)\d\d|at (school|uni|university|college))\b", Options)]
    internal static partial Regex MonthsOrYearsAgo();

    [GeneratedRegex(@"\b(i'm|im|i am)( doing)?( really| very| so| much| pretty)? (well|fine|ok|okay|good|better|great|safe|in a (good|better|much better|safe) place) (now|these days|nowadays)\b", Options)]
    private static partial Regex WellNow();

    [GeneratedRegex(@"\b(again|still|tonight|" + Today + @"|any ?more|lately|recently|these days (i|i'm|im) (think|thinking|feel|feeling)|(want|wants|wanna|going|gonna|plan|planning) to|keep thinking|(thinking|thought|thoughts) (about|of) (it|doing|ending|killing|dying|suicide)|feel like (that|doing)|better off (dead|gone|without)|(it's|its|it is|they're|theyre|the thoughts are|thoughts are) back|back again)\b", Options)]
    private static partial Regex CrisisAgain();

    private static bool StudiedAsASubject(string text, Match match) =>
        match.Value.StartsWith("suicid", StringComparison.Ordinal)
        && SuicideAsASubject().IsMatch(text)
        && !SomeoneInParticular().IsMatch(text);

    [GeneratedRegex(@"[.!?]+\s*", Options)]
    private static partial Regex SentenceEnds();

    // Someone who can barely type or speak sends a word or two at a time ("cant. breathe. throat. tight."): those are
    // one sentence, which the rules read within.
    private static string WordsInBursts(string text)
    {
        var pieces = SentenceEnds().Split(text).Where(p => p.Length > 0).ToList();
        return pieces.Count >= 3 && pieces.All(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 2)
            ? string.Join(' ', pieces)
            : text;
    }

    // Whether the first match and every later one of its pattern pass the test (the pattern is not run again from the start).
    private static bool EveryMatch(Match first, Func<Match, bool> test)
    {
        for (var match = first; match.Success; match = match.NextMatch())
        {
            if (!test(match))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The red flag in <paramref name="text"/>, or null when there is none.</summary>
    public static RedFlag? Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = HayFever().Replace(WordsInBursts(TextNormalizer.Normalize(text)), "hayfever");
        bool? someoneNow = null;
        foreach (var (sign, kind, needsSomeoneNow, pattern) in Rules)
        {
            var match = pattern.Match(normalized);
            if (!match.Success)
            {
                continue;
            }

            if (kind == RedFlagKind.Emergency
                && (((LearningAboutIt().IsMatch(normalized) || (StudyNamed().IsMatch(normalized) && !SomeoneInParticular().IsMatch(normalized))) && !HappeningNow().IsMatch(normalized) && !LethalAmountAsked().IsMatch(normalized))
                    || EveryMatch(match, m => ToldAsHistory(normalized, m))))
            {
                continue;
            }

            // Every place a rule reads a sign must be excused, not only the first: "attempted it as a teen, im doing
            // better now. these days i keep thinking id be better off dead" is read again at its second, and so is "he
            // had a fit as a baby. now hes had a fit for ten minutes" (above).
            if (kind == RedFlagKind.Crisis && EveryMatch(match, m => StudiedAsASubject(normalized, m) || RecoveredFrom(normalized, m)))
            {
                continue;
            }

            someoneNow ??= SomeoneNow().IsMatch(normalized);
            if (!needsSomeoneNow || someoneNow.Value)
            {
                return new RedFlag(kind, sign);
            }
        }

        return null;
    }
}
