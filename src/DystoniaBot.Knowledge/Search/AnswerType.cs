using System.Text.RegularExpressions;

namespace DystoniaBot.Knowledge.Search;

/// <summary>
/// What kind of answer a question wants, as far as words show it, and whether a passage can give it: "how many
/// people have it" or "how long does an injection last" is answered by a number, never by a passage without one,
/// however close in meaning.
/// </summary>
internal static partial class AnswerType
{
    [GeneratedRegex(@"\b(how (many|much|long|often|common|rare|frequent|likely|old|soon|quickly|fast)|what (percentage|proportion|percent|age|dose|dosage)|how (high|low) (is|are) the|what are the (odds|chances)|life expectancy|survival rate|units? of|what number|at what age)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuantityQuestion();

    [GeneratedRegex(@"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|percent|per cent|half|third|quarter|dozen|once|twice|daily|weekly|monthly|yearly|annually|rare|rarely|common|commonly|frequent|frequently|minutes?|hours?|days?|weeks?|months?|years?|decades?|childhood|adulthood|age|aged)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Quantity();

    /// <summary>Whether the question asks for a number, a duration, an age or a frequency.</summary>
    public static bool AsksForQuantity(string question) => QuantityQuestion().IsMatch(question);

    /// <summary>Whether the text states a number, a duration, an age or a frequency.</summary>
    public static bool StatesQuantity(string text) => Quantity().IsMatch(text);
}
