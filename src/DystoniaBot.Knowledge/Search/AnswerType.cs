using System.Text.RegularExpressions;

namespace DystoniaBot.Knowledge.Search;

/// <summary>
/// What kind of answer a question wants, as far as words show it, and whether a passage can give it: "how many
/// people have it" or "how long does an injection last" is answered by a number, never by a passage without one,
/// however close in meaning; nor "does it get worse with age" by a passage that says nothing of its course.
/// </summary>
internal static partial class AnswerType
{
    // "How many kinds of dystonia are there" (or "how many kind", in a second language) asks for the kinds, which a
    // passage listing them answers without a number.
    [GeneratedRegex(@"\b(how (many(?! (different |main |separate )?(kinds?|types?|sorts?|forms?|varieties|variety|categories|category|classes|class)\b)|much|long|often|common|rare|frequent|likely|old|soon|quickly|fast)|what (percentage|proportion|percent|age|dose|dosage)|how (high|low) (is|are) the|what are the (odds|chances)|life expectancy|survival rate|units? of|what number|at what age|max(imum)? (dose|amount|number|per)|(normal|usual|typical|standard|right|correct|starting|safe|recommended|daily|max(imum)?) (dose|dosage|amount)|(have|get|give|do|repeat) (it|them|botox|the (botox|injections?|jabs|shots)|injections|jabs|shots) (more|less) (often|frequently) than|(sooner|earlier|closer together) than (every|the usual))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuantityQuestion();

    [GeneratedRegex(@"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|percent|per cent|half|third|quarter|dozen|once|twice|daily|weekly|monthly|yearly|annually|rare|rarely|common|commonly|frequent|frequently|minutes?|hours?|days?|weeks?|months?|years?|decades?|childhood|adulthood|age|aged)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Quantity();

    // "Does it get worse with age" asks about its course; "does it get worse with stress" about what brings it on.
    [GeneratedRegex(@"\b(get(s|ting)? (worse|better) (with (age|time|the years|years|old age)|as|over|in (time|the (long run|future)|later life|old age))|worsen\w* (with|over|as) (age|time|the years|years)|(as|when) (you|i|they|he|she|we|people) (get|grow) older|with age|progress\w*|spread\w*|over (time|the years)|in the (long run|future)|long[- ]term|prognosis|life expectancy|shorten\w* (your |my |their |his |her )?life|how long (do|will|can) (people|you|i|they|he|she) live|outlook|go away (on its own|by itself|with time)|(will|does) it (ever )?(stop|stay|last)|for (life|ever))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CourseQuestion();

    [GeneratedRegex(@"\b(progress\w*|over time|over (the )?years|gradual\w*|life expectancy|prognosis|lifelong|life-long|for life|permanent\w*|spread\w*|long[- ]term)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Course();

    // "My neck is killing me, what helps?", "what should I take for it": what is asked for is a remedy, which a passage
    // that only describes the pain doesn't give however many of the question's words it shares.
    [GeneratedRegex(@"\b(what (helps|can help|would help|could help|might help|will help|works|can work|is best|'s best|s best)|what (should|can|could|do|would|shall) (i|we|you|u|he|she|they|people|someone) (take|do|try|use)\b(?! (to|for) (get|find|know|test|diagnos\w*|confirm)\b| (before|at|after|during|for) (my|the|his|her|their|our|an?) (appointment|visit|test|scan|exam|consultation|assessment)\b)|(anything|something|what) (i|we|you|u|he|she|they) can (take|do|try)|how (do|can|could|should) (i|we|you|u|he|she|they) (ease|relieve|stop|calm|soothe|manage|cope with|deal with|get rid of|treat|help)|(is there|are there) (anything|something|a way|any way|ways?) to (ease|relieve|stop|calm|soothe|help|treat|get rid of|make (it|them|this|the \w+) (stop|go away|better|easier)))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RemedyQuestion();

    [GeneratedRegex(@"\b(treat\w*|therap\w*|relie\w*|medicines?|medications?|drugs?|botulinum|injection\w*|surgery|stimulation|alleviat\w*|ease|eases|manage\w*|physiotherap\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Remedy();

    /// <summary>Whether the question asks what helps: a treatment, something to take or to do.</summary>
    public static bool AsksForRemedy(string question) => RemedyQuestion().IsMatch(question);

    /// <summary>Whether the text says what treats or relieves a condition.</summary>
    public static bool StatesRemedy(string text) => Remedy().IsMatch(text);

    /// <summary>Whether the question asks how the condition goes over time: worse with age, spreading, life expectancy.</summary>
    public static bool AsksForCourse(string question) => CourseQuestion().IsMatch(question);

    /// <summary>Whether the text says how a condition goes over time.</summary>
    public static bool StatesCourse(string text) => Course().IsMatch(text);

    /// <summary>Whether the question asks for a number, a duration, an age or a frequency.</summary>
    public static bool AsksForQuantity(string question) => QuantityQuestion().IsMatch(question);

    /// <summary>Whether the text states a number, a duration, an age or a frequency.</summary>
    public static bool StatesQuantity(string text) => Quantity().IsMatch(text);
}
