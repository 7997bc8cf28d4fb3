using System.Text.RegularExpressions;

namespace DystoniaBot.Knowledge.Search;

/// <summary>
/// What kind of answer a question wants, as far as words show it, and whether a passage can give it: "how many
/// people have it" or "how long does an injection last" is answered by a number, never by a passage without one,
/// however close in meaning; nor "does it get worse with age" by a passage that says nothing of its course.
/// </summary>
internal static partial class AnswerType
{
    // "How many kinds of dystonia are there" asks for the kinds, which a passage listing them answers without a number.
    [GeneratedRegex(@"\b(how (many(?! (different |main |separate )?(kinds|types|sorts|forms|varieties|categories|classes)\b)|much|long|often|common|rare|frequent|likely|old|soon|quickly|fast)|what (percentage|proportion|percent|age|dose|dosage)|how (high|low) (is|are) the|what are the (odds|chances)|life expectancy|survival rate|units? of|what number|at what age)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuantityQuestion();

    [GeneratedRegex(@"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|percent|per cent|half|third|quarter|dozen|once|twice|daily|weekly|monthly|yearly|annually|rare|rarely|common|commonly|frequent|frequently|minutes?|hours?|days?|weeks?|months?|years?|decades?|childhood|adulthood|age|aged)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Quantity();

    [GeneratedRegex(@"\b(get(s|ting)? (worse|better) (with|as|over|in)|worsen\w* (with|over|as) (age|time|the years|years)|(as|when) (you|i|they|he|she|we|people) (get|grow) older|with age|progress\w*|spread\w*|over (time|the years)|in the (long run|future)|long[- ]term|prognosis|life expectancy|shorten\w* (your |my |their |his |her )?life|how long (do|will|can) (people|you|i|they|he|she) live|outlook|go away (on its own|by itself|with time)|(will|does) it (ever )?(stop|stay|last)|for (life|ever))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CourseQuestion();

    [GeneratedRegex(@"\b(progress\w*|over time|over (the )?years|gradual\w*|life expectancy|prognosis|lifelong|life-long|for life|permanent\w*|spread\w*|long[- ]term)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Course();

    /// <summary>Whether the question asks how the condition goes over time: worse with age, spreading, life expectancy.</summary>
    public static bool AsksForCourse(string question) => CourseQuestion().IsMatch(question);

    /// <summary>Whether the text says how a condition goes over time.</summary>
    public static bool StatesCourse(string text) => Course().IsMatch(text);

    /// <summary>Whether the question asks for a number, a duration, an age or a frequency.</summary>
    public static bool AsksForQuantity(string question) => QuantityQuestion().IsMatch(question);

    /// <summary>Whether the text states a number, a duration, an age or a frequency.</summary>
    public static bool StatesQuantity(string text) => Quantity().IsMatch(text);
}
