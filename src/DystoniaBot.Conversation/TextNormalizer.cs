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
            Informal.Replace(Stammer().Replace(UserText.Canonical(text, MaxLength), string.Empty), static m => Spelled.TryGetValue(m.Value, out var full) ? full : m.Value),
            "$1ing");

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
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(droop|talk|speak|breath|chok|shak|jerk|fitt|seiz|convuls|twitch|bleed|throw|vomit|swell|wak|respond|go|gett|turn|slurr|stopp|fall|burn|sweat|twist|cry|dy|kill|hurt|cutt|walk|gasp|struggl|drift|lock|clench|pass|foam|sleep|sav|giv|tak|look|feel|los|roast|boil)in'?(?=\W|$)", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex DroppedG();
}
