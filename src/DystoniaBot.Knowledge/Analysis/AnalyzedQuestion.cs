using System.Text.RegularExpressions;

namespace DystoniaBot.Knowledge.Analysis;

/// <summary>One way of saying an idea of the question: a term or a phrase of terms.</summary>
/// <param name="Terms">Analysed terms, in order.</param>
/// <param name="IsOriginal">True for the user's own words, false for a synonym.</param>
public sealed record QueryAlternative(IReadOnlyList<string> Terms, bool IsOriginal);

/// <summary>An idea of the question with the ways it can be said in the articles.</summary>
/// <param name="Key">The user's analysed words, space-separated.</param>
/// <param name="Surface">The user's words as typed.</param>
/// <param name="Alternatives">The user's words first, then their synonyms.</param>
/// <param name="IsOtherCondition">True when the words name a disease or subject of the conditions list.</param>
/// <param name="IsUncoveredTopic">True when the words name a topic of the conditions list that the articles don't cover.</param>
/// <param name="IsCommon">True when every word is a common English word (and not a condition).</param>
public sealed record QueryConcept(string Key, string Surface, IReadOnlyList<QueryAlternative> Alternatives, bool IsOtherCondition = false, bool IsCommon = false, bool IsUncoveredTopic = false);

/// <summary>A word the user probably misspelled and what it was read as.</summary>
public readonly record struct SpellingFix(string Word, string Correction);

/// <summary>A question after analysis: its ideas, spelling fixes and what kind of question it is.</summary>
/// <param name="Text">The question as used (trimmed, cut to the maximum length).</param>
/// <param name="Concepts">The question's ideas, in order, without duplicates.</param>
/// <param name="Corrections">Spelling corrections applied.</param>
/// <param name="AsksForDefinition">True for "what is …" questions.</param>
public sealed record AnalyzedQuestion(
    string Text,
    IReadOnlyList<QueryConcept> Concepts,
    IReadOnlyList<SpellingFix> Corrections,
    bool AsksForDefinition)
{
    /// <summary>
    /// <paramref name="question"/> with the misspelled words replaced by what they were read as: the meaning model
    /// reads "servical" as a word it never learned, so it gets the words the search understood.
    /// </summary>
    public string Corrected(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        foreach (var fix in Corrections)
        {
            question = Regex.Replace(question, @"(?<![\p{L}'])" + Regex.Escape(fix.Word) + @"(?![\p{L}'])", fix.Correction,
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        return question;
    }
}
