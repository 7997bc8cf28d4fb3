using DystoniaBot.Knowledge.Documents;
using DystoniaBot.Testing;

namespace DystoniaBot.Knowledge.Tests.Documents;

public sealed class KnowledgeBaseTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("kb-test-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Load_ShouldRefuseDuplicateIds_NamingBothFiles()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "a.md"), TestKnowledge.Article("same", "One."));
        File.WriteAllText(Path.Combine(_folder.FullName, "b.md"), TestKnowledge.Article("same", "Two."));

        var error = Assert.Throws<KnowledgeFormatException>(() => KnowledgeBase.Load(_folder.FullName));

        Assert.Contains("b.md:1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("a.md", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ShouldReadSubfoldersAndSkipReadme()
    {
        Directory.CreateDirectory(Path.Combine(_folder.FullName, "curated"));
        File.WriteAllText(Path.Combine(_folder.FullName, "README.md"), "# not an article");
        File.WriteAllText(Path.Combine(_folder.FullName, "curated", "c.md"), TestKnowledge.Article("c", "Curated."));

        var knowledgeBase = KnowledgeBase.Load(_folder.FullName);

        Assert.Equal(["c"], knowledgeBase.Documents.Select(d => d.Id));
    }

    [Fact]
    public void Load_ShouldFail_WhenFolderHasNoArticles()
    {
        Assert.Throws<KnowledgeFormatException>(() => KnowledgeBase.Load(_folder.FullName));
    }

    [Fact]
    public void Load_ShouldFail_WhenFolderDoesNotExist()
    {
        Assert.Throws<DirectoryNotFoundException>(() => KnowledgeBase.Load(Path.Combine(_folder.FullName, "missing")));
    }
}
