using System.Runtime.CompilerServices;
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
    // What the site is called in a question, besides its own names ("what is this page about" asks about the article).
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

    // "who is jeff pillou", "is ccm a medical website", "what is ccm": a name, with a question about it and not about
    // dystonia.
    [GeneratedRegex(@"\b(who|what|whats|is|are|does|do|tell me about|how many|how much)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AQuestion();

    [GeneratedRegex(@"\b(dystoni\w*|cure|treat\w*|symptoms?|botox|botulinum|diagnos\w*|cause\w*|spasms?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AboutDystonia();

    // A person the publisher names about itself ("Jeff Pillou, founder of CCM.net"): two capitalised words.
    [GeneratedRegex(@"\b\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+\b", RegexOptions.CultureInvariant)]
    private static partial Regex NamedPerson();

    // Each source's names as one pattern, made the first time it is asked about.
    private static readonly ConditionalWeakTable<SourceInfo, Regex> NamesOf = [];

    /// <summary>
    /// The article whose publisher <paramref name="normalized"/> (see <see cref="TextNormalizer"/>) asks about, or null:
    /// a question about "this site" when one article is served, or one naming a publisher or a person its words name.
    /// </summary>
    public static KnowledgeDocument? AskedAbout(string normalized, IReadOnlyList<KnowledgeDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        ArgumentNullException.ThrowIfNull(documents);
        KnowledgeDocument? only = null;
        var described = 0;
        bool? aboutASite = null;
        foreach (var document in documents)
        {
            if (document.Source.IsCurated || document.Source.PublisherAbout is null)
            {
                continue;
            }

            described++;
            only = document;
            if (Names(document.Source).IsMatch(normalized)
                && ((AQuestion().IsMatch(normalized) && !AboutDystonia().IsMatch(normalized)) || (aboutASite ??= AboutASite().IsMatch(normalized))))
            {
                return document;
            }
        }

        return described == 1 && (aboutASite ?? AboutASite().IsMatch(normalized)) ? only : null;
    }

    private static Regex Names(SourceInfo source) => NamesOf.GetValue(source, static s =>
    {
        var names = new[] { s.Publisher, s.Publisher.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], s.Url.Host }
            .Concat(NamedPerson().Matches(s.PublisherAbout ?? string.Empty).Select(m => m.Value))
            .Select(name => Regex.Escape(name.ToLowerInvariant()));
        return new Regex(@"(?<![\w.])(" + string.Join('|', names) + @")(?!\w)", RegexOptions.CultureInvariant);
    });
}
