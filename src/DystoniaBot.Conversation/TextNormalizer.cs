using DystoniaBot.Knowledge.Analysis;

namespace DystoniaBot.Conversation;

/// <summary>
/// Puts user text in the one form the detectors match: lower case, straight apostrophes, single spaces, and the full
/// forms of words phone typing shortens.
/// </summary>
internal static partial class TextNormalizer
{
    /// <summary>Longest text the detectors read; red flags and greetings come early in a message.</summary>
    public const int MaxLength = 2000;

    public static string Normalize(string text) =>
        DroppedG().Replace(
            Informal.Replace(Stammer().Replace(ReadTexting(UserText.Canonical(text, MaxLength)), string.Empty), static m => Spelled.TryGetValue(m.Value, out var full) ? full : m.Value),
            "$1ing");

    /// <summary>
    /// <paramref name="text"/> with the words texting spells with digits written out ("2day", "gr8", "b4"), and a
    /// lone "2" read as "to" between a word that asks for one and a verb ("wud it b ok 2 have another dose": no count
    /// of anything). A "4" stays a number: "took 4 tonight" is a count of tablets. The rest keeps its case: the search
    /// reads it too.
    /// </summary>
    public static string ReadTexting(string text) =>
        DigitForWord().Replace(
            TextingWords.Replace(text, static m => Texting[m.Value.ToLowerInvariant()]),
            "to");

    // Texting's words spelled with digits, which no other word is.
    private static readonly Dictionary<string, string> Texting = new(StringComparer.Ordinal)
    {
        ["2day"] = "today", ["2nite"] = "tonight", ["2night"] = "tonight", ["2moro"] = "tomorrow", ["2morro"] = "tomorrow",
        ["2morrow"] = "tomorrow", ["2mrw"] = "tomorrow", ["gr8"] = "great", ["l8r"] = "later", ["b4"] = "before",
        ["m8"] = "mate", ["any1"] = "anyone", ["some1"] = "someone", ["no1"] = "no one",
    };

    // Built from the list, so a word is written once.
    private static readonly System.Text.RegularExpressions.Regex TextingWords = new(
        @"\b(" + string.Join('|', Texting.Keys.Select(System.Text.RegularExpressions.Regex.Escape)) + @")\b",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\b(ok|okay|able|want|wanted|wanna|need|needed|needs|going|like|try|trying|tried|how|allowed|safe|fine|better|best|supposed|meant|hard|easy|time|have|has|got|due|sorry) )2(?= (be|b|have|take|get|go|do|know|kno|see|ask|tell|stop|keep|make|give|try|eat|drink|sleep|work|walk|talk|help|find|say|start|use|wait|come|feel|move|swallow|breathe|understand|explain)\b)", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex DigitForWord();

    /// <summary>Whether <paramref name="word"/> (lower case) is phone typing the detectors read as a full word ("im", "ur").</summary>
    public static bool IsInformal(string word) => Spelled.ContainsKey(word);

    // Phone typing drops apostrophes and shortens words; the detectors match the full forms. Only words that can't
    // be anything else ("ill", "id", "were", "well", "its" can) are restored.
    private static readonly Dictionary<string, string> Spelled = new(StringComparer.Ordinal)
    {
        ["cant"] = "can't", ["dont"] = "don't", ["wont"] = "won't", ["im"] = "i'm", ["ive"] = "i've", ["isnt"] = "isn't",
        ["doesnt"] = "doesn't", ["didnt"] = "didn't", ["havent"] = "haven't", ["hasnt"] = "hasn't", ["wasnt"] = "wasn't",
        ["arent"] = "aren't", ["couldnt"] = "couldn't", ["wouldnt"] = "wouldn't", ["shouldnt"] = "shouldn't",
        ["hes"] = "he's", ["shes"] = "she's", ["theyre"] = "they're", ["youre"] = "you're", ["thats"] = "that's",
        ["whats"] = "what's", ["ur"] = "your", ["u"] = "you", ["r"] = "are", ["pls"] = "please", ["plz"] = "please",
        ["wud"] = "would", ["shud"] = "should", ["nxt"] = "next", ["kno"] = "know", ["tonite"] = "tonight", ["nd"] = "and",

        // Misspellings of the words the rules read that are no other word.
        ["swalowed"] = "swallowed", ["swalow"] = "swallow", ["swalowing"] = "swallowing", ["tablits"] = "tablets",
        ["tablit"] = "tablet", ["tabletts"] = "tablets", ["medecine"] = "medicine", ["medicin"] = "medicine",
    };

    // Built from the list, so a word is written once (after the list: static fields start in the order written).
    private static readonly System.Text.RegularExpressions.Regex Informal = new(
        @"\b(" + string.Join('|', Spelled.Keys.OrderByDescending(k => k.Length).Select(System.Text.RegularExpressions.Regex.Escape)) + @")\b",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    // A stammer typed as it is heard repeats a word's start before the word ("c-cant", "b-b-breathe").
    [System.Text.RegularExpressions.GeneratedRegex(@"\b([a-z])-(?=\1)", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Stammer();

    // Speech typed as it sounds drops the g of "-ing" ("his face is droopin", "hes talkin funny"). Only the verbs the
    // detectors read, so "within", "toxin" or "insulin" stay as they are.
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(droop|talk|speak|breath|chok|shak|jerk|fitt|seiz|convuls|twitch|bleed|throw|vomit|swell|wak|respond|go|gett|turn|slurr|stopp|fall|burn|sweat|twist|cry|dy|kill|hurt|cutt|walk|gasp|struggl|drift|lock|clench|pass|foam|sleep|sav|giv|tak|look|feel|los|roast|boil|stand|sitt|pump|spurt|gush)in'?(?=\W|$)", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex DroppedG();
}
