using DystoniaBot.Knowledge.Documents;
using DystoniaBot.Testing;

namespace DystoniaBot.Knowledge.Tests.Documents;

public class KnowledgeDocumentParserTests
{
    [Fact]
    public void Parse_ShouldReadFrontMatterAndPassages_WhenDocumentIsValid()
    {
        var text = "---\nid: sample\ntitle: \"Sample: one\"\npublisher: Pub\nurl: https://example.org/a\nlicense: CC BY\nattribution: Credit Pub.\n---\n\nFirst paragraph. Second sentence.\n\nSecond paragraph.\n";

        var document = KnowledgeDocumentParser.Parse(text, "sample.md");

        Assert.Equal("sample", document.Id);
        Assert.Equal("Sample: one", document.Source.Title);
        Assert.Equal("Pub", document.Source.Publisher);
        Assert.Equal(new Uri("https://example.org/a"), document.Source.Url);
        Assert.Equal("CC BY", document.Source.License);
        Assert.Equal("Credit Pub.", document.Source.Attribution);
        Assert.Equal("en", document.Source.Language);
        Assert.Equal(["sample#1", "sample#2"], document.Passages.Select(p => p.Id));
        Assert.Equal(["First paragraph.", "Second sentence."], Enumerable.Range(0, 2).Select(document.Passages[0].SentenceText));
    }

    [Fact]
    public void Parse_ShouldKeepListWithItsLeadIn_WhenBlankLineSeparatesThem()
    {
        var body = "Symptoms include:\n\n- cramps;\n- spasms.\n\nNext paragraph.";

        var document = KnowledgeDocumentParser.Parse(TestKnowledge.Article("a", body), "a.md");

        Assert.Equal(2, document.Passages.Count);
        var list = document.Passages[0];
        Assert.Equal("Symptoms include:\n- cramps;\n- spasms.", list.Text);
        Assert.Equal(["Symptoms include:", "cramps;", "spasms."], Enumerable.Range(0, 3).Select(list.SentenceText));
    }

    [Fact]
    public void Parse_ShouldUseFileName_WhenIdIsMissing()
    {
        var text = "---\ntitle: T\npublisher: P\nurl: https://example.org\nlicense: L\n---\nBody.";

        var document = KnowledgeDocumentParser.Parse(text, "/tmp/my-article.md");

        Assert.Equal("my-article", document.Id);
        Assert.Equal("my-article#1", document.Passages[0].Id);
    }

    [Theory]
    [InlineData("Just text, no front matter.", 1, "missing front matter")]
    [InlineData("---\ntitle: T\npublisher: P\n", 1, "not closed")]
    [InlineData("---\npublisher: P\nurl: https://e.org\nlicense: L\n---\nBody.", 1, "no 'title'")]
    [InlineData("---\ntitle:\npublisher: P\nurl: https://e.org\nlicense: L\n---\nBody.", 2, "no 'title'")]
    [InlineData("---\ntitle: T\npublisher: P\nurl: https://e.org\nlicense: L\n---\n\n   \n", 7, "no text")]
    [InlineData("---\ntitle: T\ntitle: U\npublisher: P\nurl: https://e.org\nlicense: L\n---\nBody.", 3, "appears twice")]
    [InlineData("---\ntitle: T\npublisher: P\nurl: not a link\nlicense: L\n---\nBody.", 4, "not an absolute")]
    [InlineData("---\ntitle: T\npublisher: P\nurl: https://e.org\nlicense: L\nid: Bad Id\n---\nBody.", 6, "document id")]
    [InlineData("---\ntitle T\n---\nBody.", 2, "key: value")]
    public void Parse_ShouldFailWithFileAndLine_WhenDocumentIsMalformed(string text, int line, string problem)
    {
        var error = Assert.Throws<KnowledgeFormatException>(() => KnowledgeDocumentParser.Parse(text, "bad.md"));

        Assert.Equal("bad.md", error.FilePath);
        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"bad.md:{line}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ShouldAcceptWindowsLineEndings()
    {
        var text = TestKnowledge.Article("crlf", "One.\n\nTwo.").Replace("\n", "\r\n", StringComparison.Ordinal);

        var document = KnowledgeDocumentParser.Parse(text, "crlf.md");

        Assert.Equal(["One.", "Two."], document.Passages.Select(p => p.Text));
    }

    [Fact]
    public void CommittedArticle_ShouldParseIntoFourPassagesWithTheListWhole()
    {
        var path = Path.Combine(RepositoryPaths.Knowledge, "dystonia.md");

        var document = KnowledgeDocumentParser.Parse(File.ReadAllText(path), path);

        Assert.Equal("Dystonia", document.Source.Title);
        Assert.Equal("CCM Health", document.Source.Publisher);
        Assert.Contains("credited to CCM Health", document.Source.Attribution, StringComparison.Ordinal);
        Assert.Equal(4, document.Passages.Count);
        Assert.StartsWith("Symptoms vary", document.Passages[1].Text, StringComparison.Ordinal);
        Assert.Equal(8, document.Passages[1].Sentences.Count);
        Assert.DoesNotContain(document.Passages, p => p.Text.Contains("thanks", StringComparison.OrdinalIgnoreCase));
    }
}
