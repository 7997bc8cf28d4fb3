using DystoniaBot.Conversation.Policy;
using DystoniaBot.Conversation.Semantics;
using DystoniaBot.Knowledge.Analysis;
using DystoniaBot.Knowledge.Documents;
using DystoniaBot.Knowledge.Embeddings;
using DystoniaBot.Knowledge.Search;
using Microsoft.Extensions.Options;

namespace DystoniaBot.Testing;

/// <summary>The real knowledge base of the repository, indexed once per test run and shared (it is read-only).</summary>
public static class TestKnowledge
{
    private static readonly Lazy<KnowledgeIndex> LazyIndex = new(() => KnowledgeIndex.Load(RepositoryPaths.Knowledge));

    /// <summary>An index of the committed knowledge folder.</summary>
    public static KnowledgeIndex Index => LazyIndex.Value;

    /// <summary>The committed starter questions.</summary>
    public static StarterQuestions Starters { get; } = StarterQuestions.Load(RepositoryPaths.Knowledge);

    private static readonly Lazy<SemanticReaders> LazyReaders = new(() => new SemanticReaders(TextEmbedder.Default));

    /// <summary>The red-flag and small-talk exemplars over the shipped model, embedded once per test run.</summary>
    public static SemanticReaders Readers => LazyReaders.Value;

    /// <summary>The conversation policy over the real index with default options.</summary>
    public static ConversationPolicy Policy(ConversationOptions? options = null) =>
        new(Index, Options.Create(options ?? new ConversationOptions()), Starters, Readers);

    /// <summary>A small knowledge base built from Markdown texts, each given as (id, body).</summary>
    public static KnowledgeIndex Build(Lexicon lexicon, params (string Id, string Body)[] articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var documents = articles.Select(a => KnowledgeDocumentParser.Parse(Article(a.Id, a.Body), a.Id + ".md"));
        return KnowledgeIndex.Build(KnowledgeBase.FromDocuments(documents), lexicon);
    }

    /// <summary>A complete Markdown article with valid front matter around <paramref name="body"/>.</summary>
    public static string Article(string id, string body, string title = "Test article") =>
        $"---\nid: {id}\ntitle: {title}\npublisher: Test Publisher\nurl: https://example.org/{id}\nlicense: CC BY 4.0\n---\n\n{body}\n";
}
