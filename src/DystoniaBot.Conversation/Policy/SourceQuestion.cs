using System.Text.RegularExpressions;

namespace DystoniaBot.Conversation.Policy;

/// <summary>
/// Questions about the article itself rather than about dystonia: who wrote it, where it comes from, under what
/// licence, whether it may be copied, quoted or shared. The article's page answers them in its credit line.
/// </summary>
internal static partial class SourceQuestion
{
    // What the information is called when people ask where it comes from (never "it" alone: "where is it from" may
    // ask about dystonia).
    private const string TheInformation = @"(this|that|the|these|those|your|all this|all that|all the)( \w+)? (article|articles|info|infos|information|text|page|content|stuff|material|leaflet|document|paragraph|passage|answers?|quotes?|facts|data|site|website)";

    [GeneratedRegex(
        // who wrote, made or published it; who the author is
        @"\bwho(('s| is| was|s)( actually| really)? (behind|the (author|writer|publisher))| (wrote|writes|has written|made|makes|published|publishes|owns|created|authored|put together|is behind)\b[^.?!]{0,12}\b" + TheInformation + @")\b" +
        @"|\bwho (wrote|made|published|writes) (this|that|it)(?=[\s?.!]*$)|\bwho (wrote|made|published|writes) (this|that)(?=\s*[?.!])" +
        @"|\b(name of the|who's the|who is the) (author|writer)\b" +
        // what it is called
        @"|\b(title|name) of (this|that|the|your) (document|article|page|text|leaflet|source)\b" +
        // where it comes from
        @"|\bwhere(('s| is| are| was| were| does| did| do)( all)? " + TheInformation + @"( \w+)? (from|come from|comes from|coming from|taken from|sourced from|found)| (did|do) you (get|find|take|copy|find out) " + TheInformation + @")\b" +
        @"|\b(what|which) (website|web site|site|source|book|journal|organi[sz]ation|company|publisher) (is|was|are|did|does|do)\b[^.?!]{0,30}\bfrom\b" +
        @"|\b(what|which)( is|'s| are| was) (the|your|its) (sources?|references?)(?=[\s?.!,;]*$|\s+(please|thanks|thx|and|or)\b|\s+(for|of|behind) " + TheInformation + @"\b)" +
        @"|^(sources?|references?|citations?|credits?)( please| pls)?[\s?.!]*$" +
        // its licence and copyright
        @"|\b(copyright\w*|creative commons|public domain|open licen[cs]e\w*)\b" +
        @"|\b((what|which|under (a|what|which)) licen[cs]e|licen[cs]ed under)\b" +
        @"|\blicen[cs]es? (on|of|for) " + TheInformation + @"\b" +
        // copying, quoting and sharing it
        @"|\b(can|may|could|allowed to|ok to|okay to|permission to|how (do|can|should|would) (i|we))( (i|we))? (copy|reuse|re-use|reproduce|republish|reprint|quote|cite|reference|paste|print|photocopy|credit|attribute)( (out|from))? (this|that|it|these|your|any of (this|it)|the (article|info|information|text|page|content|paragraph|passage|answer))\b" +
        @"|\b(can|may|could|allowed to|ok to|okay to|permission to)( (i|we))? (use|share|post|put|include|forward|translate|publish|copy)( (out|from))? " + TheInformation + @"\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Asked();

    /// <summary>Whether <paramref name="normalized"/> (see <see cref="TextNormalizer"/>) asks about the article itself.</summary>
    public static bool IsAsked(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        return Asked().IsMatch(normalized);
    }
}
