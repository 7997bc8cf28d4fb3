using System.Text.RegularExpressions;
using DystoniaBot.Knowledge.Documents;

namespace DystoniaBot.Conversation.Policy;

/// <summary>
/// Questions about who publishes the article rather than about dystonia or the article's licence: what the publisher
/// is ("is CCM a medical website or what"), who runs it, how many read it, in what languages. The publisher's own words
/// about itself (<see cref="SourceInfo.PublisherAbout"/>) answer them, so a reader can judge the source.
/// </summary>
internal static partial class PublisherQuestion
{
    // What the site is called in a question, besides its own names.
    // ("what is this page about" asks about the article).
    private const string TheSite = @"(this|that|the|your|ur|their)( \w+)? (site|website|web site|page|publisher|company|source)\b(?! (about|for|on|say|says|mean|means)\b)";

    [GeneratedRegex(
        @"\b(who|what)('s| is| are| was| were)( this| that)? " + TheSite + @"\b" +
        @"|\bis " + TheSite + @"( a| an)? (\w+ ){0,2}(site|website|company|organi[sz]ation|publisher|source)\b" +
        @"|\b(is|are) " + TheSite + @"s? (really |actually )?(trustworthy|reliable|legit|legitimate|reputable|accurate|medical|official|safe to trust|any good)\b" +
        @"|\b(how many|how much) (people|visitors|readers|users|views|hits)\b[^.?!]{0,40}\b(site|website|page|read|visit|use)" +
        @"|\b(what|which|how many) languages?\b[^.?!]{0,30}\b(site|website|page|article|available|published)\b" +
        @"|\bwho (runs|owns|founded|started|set up|directs|is in charge of) " + TheSite + @"\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex AboutASite();

    // A person the publisher names about itself ("Jeff Pillou, founder of CCM.net"): two capitalised words.
    [GeneratedRegex(@"\b\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+\b", RegexOptions.CultureInvariant)]
    private static partial Regex NamedPerson();

    /// <summary>
    /// The article whose publisher <paramref name="normalized"/> (see <see cref="TextNormalizer"/>) asks about, or null:
    /// a question about "this site" when one article is served, or one naming a publisher or a person its words name.
    /// </summary>
    public static KnowledgeDocument? AskedAbout(string normalized, IReadOnlyList<KnowledgeDocument> articles)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        ArgumentNullException.ThrowIfNull(articles);
        var described = articles.Where(a => a.Source.PublisherAbout is not null).ToList();
        if (described.Count == 0)
        {
            return null;
        }

        var named = described.FirstOrDefault(a => Names(a.Source).Any(name => ContainsWord(normalized, name)));
        if (named is not null && (Asks(normalized, named.Source) || AboutASite().IsMatch(normalized)))
        {
            return named;
        }

        return described.Count == 1 && AboutASite().IsMatch(normalized) ? described[0] : null;
    }

    // "who is jeff pillou", "is ccm a medical website", "what is ccm": a name with a question about it.
    private static bool Asks(string normalized, SourceInfo source) =>
        Regex.IsMatch(normalized, @"\b(who|what|whats|is|are|does|do|tell me about|how many|how much)\b", RegexOptions.CultureInvariant)
        && !Regex.IsMatch(normalized, @"\b(dystoni\w*|cure|treat\w*|symptoms?|botox|botulinum|diagnos\w*|cause\w*|spasms?)\b", RegexOptions.CultureInvariant);

    private static IEnumerable<string> Names(SourceInfo source)
    {
        var shortName = source.Publisher.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        yield return source.Publisher.ToLowerInvariant();
        yield return shortName.ToLowerInvariant();
        yield return source.Url.Host.ToLowerInvariant();
        foreach (Match person in NamedPerson().Matches(source.PublisherAbout ?? string.Empty))
        {
            yield return person.Value.ToLowerInvariant();
        }
    }

    private static bool ContainsWord(string text, string word) =>
        Regex.IsMatch(text, @"(?<![\w.])" + Regex.Escape(word) + @"(?![\w])", RegexOptions.CultureInvariant);
}
