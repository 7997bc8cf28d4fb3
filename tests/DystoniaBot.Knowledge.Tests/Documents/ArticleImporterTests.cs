using DystoniaBot.Knowledge.Documents;
using DystoniaBot.Testing;

namespace DystoniaBot.Knowledge.Tests.Documents;

public class ArticleImporterTests
{
    private static readonly string Page = File.ReadAllText(RepositoryPaths.Test("DystoniaBot.Knowledge.Tests", "Fixtures", "ccm-dystonia-page.txt"));

    [Fact]
    public void Import_ShouldProduceTheCommittedArticle_FromThePublishersPage()
    {
        var markdown = ArticleImporter.Import(Page, "page.txt");

        var committed = File.ReadAllText(Path.Combine(RepositoryPaths.Knowledge, "dystonia.md"));
        Assert.Equal(committed, markdown);
    }

    [Fact]
    public void Import_ShouldRemovePageFurniture_AndTurnTheFooterIntoMetadata()
    {
        var document = KnowledgeDocumentParser.Parse(ArticleImporter.Import(Page, "page.txt"), "dystonia.md");

        var all = string.Join("\n", document.Passages.Select(p => p.Text));
        Assert.DoesNotContain("A few words of thanks", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Ask a question", all, StringComparison.Ordinal);
        Assert.DoesNotContain("CCM is a leading", all, StringComparison.Ordinal);
        Assert.DoesNotContain("This document, titled", all, StringComparison.Ordinal);
        Assert.Equal("Dystonia", document.Source.Title);
        Assert.Equal("CCM Health", document.Source.Publisher);
        Assert.Equal("Creative Commons", document.Source.License);
        Assert.Equal(new Uri("https://health.ccm.net"), document.Source.Url);
        Assert.StartsWith("This document, titled « Dystonia »", document.Source.Attribution, StringComparison.Ordinal);
        Assert.StartsWith("CCM is a leading international tech website.", document.Source.PublisherAbout, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ShouldMakeBulletsAMarkdownList()
    {
        var markdown = ArticleImporter.Import(Page, "page.txt");

        Assert.Contains("\n- cramps and involuntary muscle spasms;\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("•", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ShouldUseOverrides_WhenThePageHasNoFooter()
    {
        var overrides = new ImportOverrides("torticollis", "Torticollis", "Example Health", new Uri("https://example.org/t"), "CC BY-SA 4.0");

        var markdown = ArticleImporter.Import("Torticollis is a twisted neck.\n\nIt can be treated.", "t.txt", overrides);

        var document = KnowledgeDocumentParser.Parse(markdown, "t.md");
        Assert.Equal("torticollis", document.Id);
        Assert.Equal("CC BY-SA 4.0", document.Source.License);
        Assert.Equal(2, document.Passages.Count);
    }

    [Fact]
    public void Import_ShouldNameTheMissingField_WhenTitleCannotBeFound()
    {
        var error = Assert.Throws<KnowledgeFormatException>(() => ArticleImporter.Import("Some text.", "raw.txt"));

        Assert.Contains("--title", error.Message, StringComparison.Ordinal);
        Assert.Contains("raw.txt", error.Message, StringComparison.Ordinal);
    }
}
