using System.Text.Encodings.Web;
using DystoniaBot.Knowledge.Documents;
using DystoniaBot.Web.Staff;

namespace DystoniaBot.Web.Tests.Staff;

public sealed class StaffSearchTests
{
    [Fact]
    public void Highlighted_ShouldEncodeEveryStretch_BeforeMarkingTheMatches()
    {
        var source = new SourceInfo("T", "P", new Uri("https://example.org/"), "CC", "Credit.", "en");
        var hit = new StaffSearchHit("a#1", "<b>cure</b> & <i>x</i>", [new("<b>", false), new("cure", true), new("</b> & <i>x</i>", false)], 1, source, "");
        using var html = new StringWriter();

        hit.Highlighted.WriteTo(html, HtmlEncoder.Default);

        Assert.Equal("&lt;b&gt;<mark>cure</mark>&lt;/b&gt; &amp; &lt;i&gt;x&lt;/i&gt;", html.ToString());
        Assert.Equal(["cure"], hit.MatchedWords);
    }

    [Fact]
    public void WithAttribution_ShouldFollowThePassageWithItsSourceAndCredit()
    {
        var source = new SourceInfo("Dystonia", "CCM Health", new Uri("https://health.ccm.net/"), "Creative Commons", "Credited to CCM Health.", "en");

        var text = StaffSearch.WithAttribution("Dystonia has no cure.", source);

        Assert.Equal("Dystonia has no cure.\n\nSource: «Dystonia», CCM Health (https://health.ccm.net/), Creative Commons. Credited to CCM Health.", text);
    }
}
