using System.Text.RegularExpressions;
using DystoniaBot.Conversation.Semantics;
using DystoniaBot.Knowledge.Embeddings;

namespace DystoniaBot.Conversation.Safety;

/// <summary>
/// The safety net behind <see cref="RedFlagDetector"/>'s rules: a message (or one of its sentences) that means what
/// an emergency exemplar means, in any words, gets the emergency reply. The exemplars are
/// <c>Safety/red-flag-exemplars.txt</c>, written from clinical warning-sign lists, with ordinary messages that share
/// their words ("can dystonia affect breathing?", a stroke last year) as counter-examples. Behind them, a
/// <see cref="MessageModel"/> (<c>Safety/red-flag-model.json</c>) reads the whole message as learned from every
/// labelled emergency, and each sentence and clause of a longer one at a stricter threshold; what it flags is named
/// by the nearest warning sign.
/// </summary>
public sealed partial class SemanticRedFlagDetector
{
    /// <summary>Sentences of a long message looked at one by one: an emergency is said early.</summary>
    private const int MaxSentences = 6;

    /// <summary>
    /// A sentence longer than this is also compared clause by clause: dictated and run-on messages put an emergency in
    /// one clause of a sentence with no full stop ("quick q how long does botox take to work also my throats been
    /// closing up since the injection"), and the whole sentence's vector is mostly the rest.
    /// </summary>
    private const int MaxUnsplitWords = 14;

    /// <summary>Clauses compared, in all, after the sentences.</summary>
    private const int MaxClauses = 8;

    /// <summary>
    /// Shorter sentences say too little to be compared alone ("my mum has it" is near "my mum is having a stroke");
    /// the whole message is always compared, and the rules read every sentence.
    /// </summary>
    private const int MinSentenceWords = 5;

    /// <summary>Name of the shipped exemplars inside this assembly.</summary>
    public const string ExemplarResource = "DystoniaBot.Conversation.Safety.red-flag-exemplars.txt";

    /// <summary>Name of the shipped model inside this assembly.</summary>
    public const string ModelResource = "DystoniaBot.Conversation.Safety.red-flag-model.json";

    private readonly ExemplarSet _exemplars;
    private readonly MessageModel? _model;

    /// <summary>Loads and embeds the shipped exemplars, and reads the shipped model.</summary>
    public SemanticRedFlagDetector(TextEmbedder embedder)
        : this(ExemplarSet.LoadResource(ExemplarResource, embedder), MessageModel.LoadResource(ModelResource))
    {
    }

    /// <summary>
    /// Uses <paramref name="exemplars"/> (groups of kind crisis, emergency and ordinary) and, when given,
    /// <paramref name="model"/>.
    /// </summary>
    public SemanticRedFlagDetector(ExemplarSet exemplars, MessageModel? model = null)
    {
        _exemplars = exemplars ?? throw new ArgumentNullException(nameof(exemplars));
        _model = model;
    }

    /// <summary>The exemplars compared with (their texts also teach the model: <c>dystoniabot calibrate-reader</c>).</summary>
    public ExemplarSet Exemplars => _exemplars;

    /// <summary>How near an emergency exemplar a message must be to flag.</summary>
    public double Threshold => _exemplars.Threshold;

    /// <summary>How much nearer to it than to any ordinary message.</summary>
    public double Margin => _exemplars.Margin;

    /// <summary>The model's probability from which a whole message flags (1 without a model: never).</summary>
    public double ModelThreshold => _model?.Threshold ?? 1;

    /// <summary>The model's probability from which one sentence or clause flags (1 without a model or part threshold: never).</summary>
    public double ModelPartThreshold => _model?.PartThreshold ?? 1;

    [GeneratedRegex(@"(?<=[.!?;\n])\s+", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreak();

    // Where a run-on sentence's clauses meet: a comma, or a word that starts a new thought.
    /// <summary>A time months or years past, as people tell an event long over.</summary>
    [GeneratedRegex(@"\b((\d+|a|an|one|two|three|four|five|six|few|several|many|some|couple of) (months?|years?|yrs?|decades?) ago|years ago|last (year|yr|spring|summer|autumn|fall|winter|christmas|easter)|(once )?as a (child|kid|baby|toddler|teenager|teen)|when (i|he|she|they) (was|were) (a )?(little|young|small|baby|child|kid|teen|teenager|\d+)|in (19|20)\d\d|" + RedFlagDetector.ShortYear + @"|used to|a while (back|ago)|during covid)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FarPast();

    /// <summary>A symptom that has been there, or come and gone, for months or years ("a bit stiff on and off for a few months").</summary>
    [GeneratedRegex(@"\b(for|been|over) (the )?((last|past) )?((\d+|a|a few|few|several|many|some|a couple of|couple of|two|three|four|five|six) (months|years|yrs)|months|years)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MonthsLong();

    // What brings a past event into the present: it is back, still there, or getting worse. "Will it happen again?" asks
    // about a time to come, and brings nothing back.
    [GeneratedRegex(@"\b(again(?<!\b(will|would|could|can|might|may|does|do|is)( it| this| that| he| she| they| i| you| that reaction| the reaction)? (happen|happens|occur|occurs|get it|have it|react like that|be like that|likely)( to (happen|occur))? again)(?! if\b)|still|lately|recently|these days|this week|keeps?|getting worse|worse now|and now|now (i|i'm|i've|he|he's|she|she's|they|they're|my|his|her|their|it|it's|the|a|an))\b", RegexOptions.CultureInvariant)]
    private static partial Regex HappeningAgain();

    [GeneratedRegex(@",\s+|\s+(?:and|but|so|also|btw|anyway|then|because|cause|cos|coz|plus)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseBreak();

    /// <summary>
    /// A sign that comes and goes on its own, told as a habit ("sometimes when my dystonia flares i cant get a proper
    /// breath in, then it passes after a few mins"): a question for the doctor, unless something is happening now and
    /// badly.
    /// </summary>
    [GeneratedRegex(@"\b(sometimes|often|every so often|now and then|now and again|occasionally|from time to time|whenever)\b[^.!?]{0,120}\b(it |they )?(passes|pass|goes away|go away|settles|settle|eases|ease|stops|stop)( off| down)?( again)?( after| in| within| on (its|their) own| by (itself|themselves))\b", RegexOptions.CultureInvariant)]
    private static partial Regex ComesAndGoes();

    /// <summary>
    /// An episode of days, weeks or years ago told as over ("last week my jaw locked for an hour after an anti-sickness
    /// pill, its totally fine now", "years ago … it passed in the hospital", "a month after my botox, fine now", "last
    /// night … but its gone now"): a question about it, not an emergency,
    /// unless it is back ("it's started again tonight") or still
    /// there ("should she still have the next one" asks about the next time, and is no "still").
    /// </summary>
    [GeneratedRegex(@"^(?:(?=[\s\S]*\b" + RedFlagDetector.SomeTimeAfterWords + @"\b[^.!?]{0,100}[,;]\s*(but |and )?(i'm |im |he's |hes |she's |shes |all |it's |its )?(fine|ok|okay|all good|back to normal) now\b)|(?=[\s\S]*\b(last (week|weekend|night|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|the other day|earlier this (week|month)|(\d+|a|one|two|three|four|five|six|few|couple of|several|many) (days?|weeks?|months?|years?) ago|years ago)\b)(?=[\s\S]*\b((it's|its|it is|he's|hes|he is|she's|shes|she is|i'm|im|i am|they're|theyre|all|everything's|everything is)( totally| completely| all| absolutely| perfectly)? (fine|ok|okay|normal|better|back to normal|good|well) (now|since|again|today)|(he's|hes|she's|shes|i'm|im|they're|theyre|everyone's|everyone is)( totally| completely| absolutely| perfectly)? (fine|ok|okay|alright)\b(?! (if|when|until|unless|as long|to|for|with|apart|except)\b)|(it's|its|it has|that's|thats|it is) (all )?(gone|over|passed) (now|since)|(fine|ok|okay|better|back to normal) (now|today)|(?<!\bnever )(went|has gone|had gone|wore|has worn|settled|calmed|passed) (away|off|down)( on (its|it's) own| by itself| after)?|(it|that|this) (passed|settled|stopped|wore off|went away)( in| at| after| on| by)?)\b))(?![\s\S]*\b(still(?<!\b(should|can|could|would|will|shall|do|does|may|might) (i|we|he|she|they|you|u|my \w+|mum|mom|dad) still)|keeps?|getting worse|right now|tonight|(?<!\b(fine|ok|okay|normal|better|good) )today|this (morning|afternoon|evening)|(started|starting|back|come back|came back|coming back|happening|doing it) again|again (now|today|tonight))\b)", RegexOptions.CultureInvariant)]
    private static partial Regex OverSinceDaysAgo();

    // Death as a figure of feeling ("sick to death of explaining it", "bored to death", "could die of embarrassment"):
    // the embedding reads the word, not the idiom. Never when what one is sick of is life itself or everything.
    [GeneratedRegex(@"\b(sick|tired|bored|scared|frightened|worried) to death( of| with| about| by)?\b(?! (life|living|being alive|being here|it all|everything|existing|myself|me)\b)|\b(die|dying|died) (of|from) (embarrassment|shame|cringe|boredom|laughter|laughing)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FigureOfFeeling();

    // Not after a negation, a hope or a doubt within a few words ("isnt feeding well", "hasnt come back to normal", "no
    // better than yesterday", "hope its nothing urgent"), and "now" after a person ("shes ok now"), not a polite "thats ok".
    [GeneratedRegex(@"(?<!\b(not|no|never|nor|isn't|isnt|wasn't|wasnt|hasn't|hasnt|haven't|havent|hadn't|hadnt|aren't|arent|won't|wont|can't|cant|couldn't|couldnt|doesn't|doesnt|didn't|didnt|hope|hoping|hopefully|if|whether|unless|sure)\b[^.,;!?]{0,20})\b(back to (normal|himself|herself|themselves|myself)|(it's|its|it is|everything's|everything is|all)( totally| completely)? (fine|sorted|healed)( now)?(?! (if|when|until|unless|as long|to|for|with|apart|except|but|though|although)\b)|(he's|hes|he is|she's|shes|she is|i'm|im|i am|we're|we are)( totally| completely| absolutely)? (fine|ok|okay|sorted|healed|alright|all right) now|and that'?s (it|all)|nothing else (happened|since|to report)|nothing (unusual|urgent)|(getting|feeling) (easier|better) (every|each) day|better than (last week|yesterday|before)|(slowly|gradually) (coming back|getting better|improving)|(brought|got) (it|the temp\w*|the fever|her temp\w*|his temp\w*) down|back (to )?(playing|eating|running around|work|school)|(eating|feeding|drinking) (fine|well|normally|loads|as normal)|(he's|hes|she's|shes|they're|theyre) (laughing|playing|giggling|chatting)|(then |and )(eased|settled|calmed) (off|down)|up and about|all (sorted|healed|good) now|no harm done|normal for (her|him|me|them|us|my \w+)|(ate|eaten|had|finished) (his|her|their|my) (breakfast|lunch|dinner|tea)( ok| okay| fine| as normal| as usual| no problem)?|went (off )?to (school|nursery|work)( as normal| as usual| fine| ok)?|(she'll|shell|she will|he'll|hell|he will|it'll|itll|it will) be (right|fine|ok|okay|grand)|no (headache|sickness|vomiting|dizziness)\b[^.!?]{0,30}\b(just|only) (annoying|sore|a nuisance|a bit sore)|stopped (when|after|once) (i|we|she|he|they) \w+ (it|them|the \w+)|sleeping (peacefully|soundly|well) now)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ToldAsFine();

    // A new dose told after an old reaction: "years ago … but after the jab today", "this time".
    [GeneratedRegex(@"\b(this time|but (after|since|then|now|today|tonight)|(after|since) (the|a|her|his|my|their) (new |latest |last )?(jab|injection|dose|tablet|pill|drip|shot))\b", RegexOptions.CultureInvariant)]
    private static partial Regex ThisTime();

    [GeneratedRegex(@"\b(swallowed|overdos\w*|poison\w*|bleach|chemicals?|(took|taken|ate|eaten|drank|drunk|downed|had|finished|got into) (\S+ ){0,6}(pills?|tablets?|bottle|medicines?|medication|meds|capsules?|packet|strip|box|drink|alcohol|vodka|wine|" + RedFlagDetector.Medicines + @"))\b", RegexOptions.CultureInvariant)]
    private static partial Regex TakenOrSwallowed();

    [GeneratedRegex(@"(?<!\b(can't|cant|cannot|couldn't|couldnt|could not|haven't|havent|have not|hasn't|hasnt|has not|didn't|didnt|did not|not|yet to|unable to|failed to) )\b(rul(e|ed|es|ing) out|exclud(e|ed|es|ing)|(make|made|making|makes) sure (it|that|this|he|she|they) (wasn't|wasnt|was not|isn't|isnt|is not|hadn't|hadnt|hasn't|hasnt|didn't|didnt)( had| have| having)?|(check|checked|checking) (it|that|this) (wasn't|wasnt|was not|isn't|isnt|is not)|(it|that|this) (wasn't|wasnt|was not|isn't|isnt|is not|turned out not to be))( a| an| any)? (?<sign>stroke|mini[- ]?stroke|tia|seizure|fit|heart attack|meningitis|bleed|brain bleed|clot|tumou?r|epilepsy)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RuledOut();

    // A state told as now in the same part ("she is floppy", "will barely wake", "is very drowsy").
    [GeneratedRegex(@"\b((is|are|'s|looks?|seems?|went|gone|turned)( very| really| so| all)? (floppy|grey|gray|blue|drowsy|confused|limp|unresponsive|unconscious|clammy|cold|sleepy|vacant)|(will|won't|wont|can|can't|cant) (barely|hardly|not) (wake|breathe|respond|stay awake)|barely (wakes?|breathing|conscious|responding)|(won't|wont|will not) (wake|respond))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StateNow();

    // A sentence ends and another begins.
    [GeneratedRegex(@"[.!?\n]+\s*\S", RegexOptions.CultureInvariant)]
    private static partial Regex MoreThanOneSentence();

    private static string Literal(string normalized) =>
        FigureOfFeeling().Replace(normalized, static m => m.Value.StartsWith("di", StringComparison.Ordinal) ? "be so embarrassed" : "really " + m.Groups[1].Value + m.Groups[2].Value);

    [GeneratedRegex(@"\b(botox|bo?tox|botulinum|toxin|dysport|xeomin|injections?|injected|jabs?|shots?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex BotulinumToxin();

    private const string BotoxSpreadLabel = "swallowing or breathing trouble after a botulinum toxin injection";

    [GeneratedRegex(@"\b(swallow\w*|chok\w*|breath\w*|air|voice|speak\w*|talk\w*|throat|saliva|spit|drool\w*|dribbl\w*|gag\w*|food|eat\w*|drink\w*|water|weak\w*|floppy|head (drops?|flops?)|eyelids?|vision|double|see|lungs?|chest|wheez\w*|suffocat\w*)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SwallowingOrBreathing();

    [GeneratedRegex(@"\b(eating|swallowing|breathing|drinking|talking)(,? and (eating|swallowing|breathing|drinking|talking))* (is |are )?(fine|ok|okay|normally|normal|well|all right|alright)\b|\bno (trouble|problems?|difficulty|issues?) (with )?(swallowing|breathing)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SwallowingAndBreathingFine();

    /// <summary>The red flag <paramref name="text"/> means, or null.</summary>
    public RedFlag? Detect(string text) =>
        Compare(text).Select(Flag).FirstOrDefault(flag => flag is not null);

    /// <summary>
    /// Each part of <paramref name="text"/> the net compares (the whole message, then its longer sentences and clauses)
    /// with the nearest warning sign, how near, the model's probability, and whether it flags: for <c>dystoniabot
    /// explain</c>.
    /// </summary>
    public IReadOnlyList<(string Part, ExemplarMatch? Nearest, double? Probability, RedFlag? Flag)> Explain(string text) =>
        [.. Compare(text).Select(part => (part.Text, _exemplars.Nearest(part.Vector), _model?.Probability(part.Vector), Flag(part)))];

    /// <summary>
    /// The sentences and clauses of <paramref name="text"/> the net compares after the whole message, as it compares
    /// them: what <c>dystoniabot calibrate-reader emergency</c> scores the model's part threshold on.
    /// </summary>
    public static IReadOnlyList<string> PartsOf(string text)
    {
        var normalized = Literal(TextNormalizer.Normalize(text ?? throw new ArgumentNullException(nameof(text))));
        var sentences = Sentences(normalized);
        return [.. (ComparedAlone(sentences, normalized) ? sentences : []), .. Clauses(sentences).Select(c => c.Text)];
    }

    /// <summary>
    /// The parts compared, lazily (a long message's sentences are embedded only when the whole did not flag, its
    /// clauses only when no sentence did), each with the sentence it belongs to: "two years ago" in one clause tells
    /// the next one as history too.
    /// </summary>
    private IEnumerable<Part> Compare(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = Literal(TextNormalizer.Normalize(text));
        if (normalized.Length == 0)
        {
            yield break;
        }

        yield return new Part(normalized, normalized, normalized, _exemplars.Embed(normalized), Whole: true);

        // In a long, polite message the emergency is one sentence among greetings and apologies.
        var sentences = Sentences(normalized);
        if (ComparedAlone(sentences, normalized))
        {
            var vectors = _exemplars.Embed(sentences);
            for (var i = 0; i < vectors.Length; i++)
            {
                yield return new Part(sentences[i], sentences[i], normalized, vectors[i], Whole: false);
            }
        }

        var clauses = Clauses(sentences);
        if (clauses.Count > 0)
        {
            var vectors = _exemplars.Embed(clauses.Select(c => c.Text).ToList());
            for (var i = 0; i < vectors.Length; i++)
            {
                yield return new Part(clauses[i].Text, clauses[i].Sentence, normalized, vectors[i], Whole: false);
            }
        }
    }

    private static List<string> Sentences(string normalized) =>
        [.. SentenceBreak().Split(normalized).Select(s => s.Trim()).Where(s => Words(s) >= MinSentenceWords).Take(MaxSentences)];

    private static List<(string Text, string Sentence)> Clauses(List<string> sentences) =>
        [.. sentences
            .Where(s => Words(s) > MaxUnsplitWords)
            .SelectMany(s => ClauseBreak().Split(s).Select(c => (Text: c.Trim(), Sentence: s)))
            .Where(c => Words(c.Text) >= MinSentenceWords && c.Text != c.Sentence)
            .Take(MaxClauses)];

    // Sentences are compared one by one when there are several, or when the only one long enough is not the whole
    // message: "I dont want to be here anymore, the rope is ready already. What is focal?" is read without its question.
    private static bool ComparedAlone(List<string> sentences, string message) =>
        sentences.Count >= 2 || (sentences.Count == 1 && !string.Equals(sentences[0], message.Trim(), StringComparison.Ordinal));

    private static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>
    /// The red flag a part means: its exemplar's when one is near enough, else the nearest warning sign when the model
    /// reads it as an emergency (a sentence or clause at the model's stricter part threshold). None for a sign marked
    /// "now" that the text tells as history, nor for an emergency read in a symptom the text binds to a task (the
    /// rules still read those words: a stated emergency is theirs to catch).
    /// </summary>
    private RedFlag? Flag(Part part)
    {
        var match = _exemplars.Recognise(part.Vector, _model, part: !part.Whole);
        if (match is null || (match.Group.Flags.Contains("now") && RedFlagDetector.History().IsMatch(part.Sentence)
            && !RedFlagDetector.HappeningNowAndBadly().IsMatch(part.Sentence)))
        {
            return null;
        }

        // A reaction that comes within hours of a dose, told as months or years ago ("a bad reaction to metoclopramide
        // years ago, neck went back"): however near an exemplar, history, unless it is happening now or again.
        if (match.Group.Flags.Contains("past") && RedFlagDetector.MonthsOrYearsAgo().IsMatch(part.Text)
            && NothingNowOrAgain(part.Message)
            && !ThisTime().IsMatch(part.Message))
        {
            return null;
        }

        // An episode days or weeks ago said to be over: however near an exemplar, the message says it is not happening now.
        if (OverSinceDaysAgo().IsMatch(part.Message))
        {
            return null;
        }

        if (match.Group.Kind == "emergency" && ComesAndGoes().IsMatch(part.Message)
            && NothingNowOrAgain(part.Message))
        {
            return null;
        }

        // "My dad had a heart attack last year and he's fine now", "I used to self-harm as a teen": the model learned
        // emergencies from their words and reads the past as the present. A message that tells of months or years ago,
        // with nothing happening now or again, is not an emergency; days ago is often how one starts ("botox 3 days
        // ago, now the area is red hot").
        var nearExemplar = match.Similarity >= _exemplars.Threshold && match.Similarity - match.OrdinarySimilarity >= _exemplars.Margin;
        if (!nearExemplar && FarPast().IsMatch(part.Message)
            && NothingNowOrAgain(part.Message))
        {
            return null;
        }

        // A body's sign months or years old, nothing about it new or worse: what a doctor reviews, not an emergency. A
        // crisis stays one however long the thoughts have lasted.
        if (!nearExemplar && match.Group.Kind == "emergency" && MonthsLong().IsMatch(part.Message)
            && NothingNowOrAgain(part.Message))
        {
            return null;
        }

        // A body's sign told as handled and fine ("back to normal now", "under the tap and its fine", "calpol brought it
        // down, feeding well", "back playing and eating", "getting easier every day", "nothing else happened"): the model
        // learned emergencies from the words such a message tells and reads the telling as the sign. An exemplar near
        // it, the rules, a word of danger now or again, or anything taken or swallowed still make it one.
        if (!nearExemplar && match.Group.Kind == "emergency" && ToldAsFine().IsMatch(part.Message)
            && NothingNowOrAgain(part.Message)
            && !TakenOrSwallowed().IsMatch(part.Message))
        {
            return null;
        }

        // A sign named only as what a test ruled out ("an mri to make sure it wasn't a stroke", "bloods to rule out
        // meningitis"): the part tells of the test, not of the sign, even where the sign's own word is near an exemplar.
        if (match.Group.Kind == "emergency" && NamesOnlyARuledOutSign(part, match.Group.Label))
        {
            return null;
        }

        // Trouble swallowing or breathing after botulinum toxin is that trouble: a message about the injections with no
        // word of it ("his botox is wearing off quicker now") is not that sign, and neither is one that says it is absent
        // ("she is eating and breathing fine"). The sign only names what the model read; a message that does not speak
        // of the injections keeps whatever emergency the model found in it.
        if (match.Group.Label == BotoxSpreadLabel && BotulinumToxin().IsMatch(part.Message)
            && (!SwallowingOrBreathing().IsMatch(part.Message) || (SwallowingAndBreathingFine().IsMatch(part.Message) && !RedFlagDetector.HappeningNowAndBadly().IsMatch(part.Message))))
        {
            return null;
        }

        // Twisting "only when he tries to walk", lips that lock up "mid phrase": the net learned emergencies from
        // their words, and took these for one.
        if (match.Group.Kind == "emergency" && RedFlagDetector.BoundToATask().IsMatch(part.Sentence)
            && !RedFlagDetector.HappeningNowAndBadly().IsMatch(part.Sentence))
        {
            return null;
        }

        // "I feel a bit down about my diagnosis": low mood told as low mood, with no word of danger in the message.
        if (match.Group.Kind == "crisis" && RedFlagDetector.LowMoodOnly().IsMatch(part.Text))
        {
            return null;
        }

        return match.Group.Kind switch
        {
            "crisis" => new RedFlag(RedFlagKind.Crisis, match.Group.Label),
            "emergency" => new RedFlag(RedFlagKind.Emergency, match.Group.Label),
            _ => null,
        };
    }

    // Only where the part is one sentence or clause, or the message has one sentence (another sentence may tell of the
    // sign now: "they ruled out meningitis. my baby is floppy and will barely wake"); only for the sign the test was for;
    // not when the test could not rule it out ("they cant rule out a stroke"); and not when the part, or the message,
    // tells of something wrong now or again.
    private static bool NamesOnlyARuledOutSign(Part part, string label)
    {
        if (part.Whole && MoreThanOneSentence().IsMatch(part.Message))
        {
            return false;
        }

        var ruledOut = RuledOut().Match(part.Text);
        if (!ruledOut.Success || StateNow().IsMatch(part.Text) || !NothingNowOrAgain(part.Message))
        {
            return false;
        }

        // The pattern ignores case, so the sign is read in lower case before it is named.
        var sign = ruledOut.Groups["sign"].Value.ToLowerInvariant();
        return sign switch
        {
            _ when sign.Contains("stroke", StringComparison.Ordinal) || sign == "tia" => label.Contains("stroke", StringComparison.Ordinal),
            "seizure" or "fit" or "epilepsy" => label.Contains("seizure", StringComparison.Ordinal),
            "meningitis" => label.Contains("meningitis", StringComparison.Ordinal),
            _ => true,
        };
    }

    // Nothing in the message happening now and badly, nor back, still there or worse: what every "told as over" check asks.
    private static bool NothingNowOrAgain(string message) =>
        !RedFlagDetector.HappeningNowAndBadly().IsMatch(message) && !HappeningAgain().IsMatch(message);

    /// <summary>A part of a message compared: its text, the sentence it belongs to, the whole message, its vector, and whether it is all of it.</summary>
    private sealed record Part(string Text, string Sentence, string Message, float[] Vector, bool Whole);
}
