using DystoniaBot.Knowledge.Documents;
using DystoniaBot.Knowledge.Search;
using DystoniaBot.Testing;

namespace DystoniaBot.Knowledge.Tests.Documents;

/// <summary>Curated answers are knowledge files with review fields; tools write them with <see cref="KnowledgeFile"/>.</summary>
public sealed class CuratedAnswerFormatTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("knowledge-test-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static KnowledgeFile Curated(string date = "2026-11-29T10:00:00Z", string? reviewedBy = "Dr Lee") => new(
        [
            KeyValuePair.Create("id", "staff-driving"),
            KeyValuePair.Create("title", "Can I drive with cervical dystonia?"),
            KeyValuePair.Create("publisher", "Health-line staff"),
            KeyValuePair.Create("url", "https://bot.example.org/"),
            KeyValuePair.Create("license", "health line's own"),
            KeyValuePair.Create("author", "Nurse Ada"),
            KeyValuePair.Create("date", date),
            .. reviewedBy is null ? Array.Empty<KeyValuePair<string, string>>() : [KeyValuePair.Create("reviewed-by", reviewedBy)],
            KeyValuePair.Create("ticket", "Q-1234"),
            KeyValuePair.Create("attribution", "Written by the health line's staff: \"reviewed\" #1"),
        ],
        "Many people with cervical dystonia drive.\n\nAsk your neurologist.");

    [Fact]
    public void ToMarkdown_ShouldRoundTripThroughTheParser()
    {
        var file = Curated();

        var text = file.ToMarkdown();
        var read = KnowledgeDocumentParser.ReadFile(text, "staff-driving.md");
        var document = KnowledgeDocumentParser.Parse(text, "staff-driving.md");

        Assert.Equal(file.Fields, read.Fields);
        Assert.Equal(file.Body, read.Body);
        Assert.Equal("Q-1234", read.Get("TICKET"));
        Assert.Equal("Health-line staff", document.Source.Publisher);
        Assert.True(document.Source.IsCurated);
        Assert.Equal(2, document.Passages.Count);
    }

    [Theory]
    [InlineData("yesterday", "date 'yesterday' is not a date")]
    [InlineData("", "front matter has no 'date'")]
    public void Parse_ShouldRefuseACuratedAnswer_WithoutAValidDate(string date, string problem)
    {
        var error = Assert.Throws<KnowledgeFormatException>(() => KnowledgeDocumentParser.Parse(Curated(date).ToMarkdown(), "c.md"));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("c.md:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ShouldNotAskArticlesForReviewFields()
    {
        var document = KnowledgeDocumentParser.Parse(Curated("not a date", reviewedBy: null).ToMarkdown(), "c.md");

        Assert.Equal("staff-driving", document.Id);
        Assert.False(document.Source.IsCurated);
    }

    [Fact]
    public void ToMarkdown_ShouldRefuseAValueOnTwoLines()
    {
        var file = new KnowledgeFile([KeyValuePair.Create("title", "one\ntwo")], "Body.");

        Assert.Throws<ArgumentException>(file.ToMarkdown);
    }

    [Fact]
    public void Reload_ShouldKeepServingTheOldIndex_WhenAFileIsMalformed()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "fruit.md"), TestKnowledge.Article("fruit", "Pears are green fruit."));
        using var index = KnowledgeIndex.Load(_folder.FullName);
        Directory.CreateDirectory(Path.Combine(_folder.FullName, "curated"));
        File.WriteAllText(Path.Combine(_folder.FullName, "curated", "broken.md"), "no front matter");

        var error = Assert.Throws<KnowledgeFormatException>(() => index.Reload(_folder.FullName));

        Assert.Contains("broken.md:1:", error.Message, StringComparison.Ordinal);
        Assert.Equal("fruit#1", index.Search("green pears").Best?.Passage.Id);
    }

    [Fact]
    public void Reload_ShouldServeANewCuratedAnswer()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "fruit.md"), TestKnowledge.Article("fruit", "Pears are green fruit."));
        using var index = KnowledgeIndex.Load(_folder.FullName);
        Directory.CreateDirectory(Path.Combine(_folder.FullName, "curated"));
        File.WriteAllText(Path.Combine(_folder.FullName, "curated", "staff-driving.md"), Curated().ToMarkdown());

        index.Reload(_folder.FullName);

        Assert.Equal("staff-driving#1", index.Search("drive with cervical dystonia").Best?.Passage.Id);
        Assert.Equal(["staff-driving"], index.Documents.Where(d => d.Source.IsCurated).Select(d => d.Id));
    }
}
