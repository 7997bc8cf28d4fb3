namespace DystoniaBot.Knowledge.Documents;

/// <summary>The set of knowledge documents the bot answers from.</summary>
/// <param name="Documents">Documents in a stable order (by file path).</param>
public sealed record KnowledgeBase(IReadOnlyList<KnowledgeDocument> Documents)
{
    /// <summary>Every passage of every document, in order.</summary>
    public IEnumerable<Passage> Passages => Documents.SelectMany(d => d.Passages);

    /// <summary>Reads every <c>*.md</c> article below <paramref name="directory"/> (README files excepted).</summary>
    /// <exception cref="KnowledgeFormatException">A document is malformed or two share an id.</exception>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static KnowledgeBase Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Knowledge folder '{directory}' does not exist.");
        }

        var files = Directory.EnumerateFiles(directory, "*.md", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith("README", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        return FromDocuments(files.Select(f => KnowledgeDocumentParser.Parse(File.ReadAllText(f), f)));
    }

    /// <summary>Builds a knowledge base, refusing duplicate document ids.</summary>
    public static KnowledgeBase FromDocuments(IEnumerable<KnowledgeDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var byId = new Dictionary<string, KnowledgeDocument>(StringComparer.Ordinal);
        var ordered = new List<KnowledgeDocument>();
        foreach (var document in documents)
        {
            if (byId.TryGetValue(document.Id, out var first))
            {
                throw new KnowledgeFormatException(document.Path, 1,
                    $"document id '{document.Id}' is already used by {first.Path}");
            }

            byId.Add(document.Id, document);
            ordered.Add(document);
        }

        if (ordered.Count == 0)
        {
            throw new KnowledgeFormatException("The knowledge folder has no articles (*.md with front matter).");
        }

        return new KnowledgeBase(ordered);
    }
}
