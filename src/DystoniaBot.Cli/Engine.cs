using System.CommandLine;
using DystoniaBot.Conversation.Policy;
using DystoniaBot.Knowledge.Analysis;
using DystoniaBot.Knowledge.Documents;
using DystoniaBot.Knowledge.Search;
using Microsoft.Extensions.Options;

namespace DystoniaBot.Cli;

/// <summary>The answer engine the commands share: the index and the conversation policy over it.</summary>
internal sealed class Engine : IDisposable
{
    private Engine(KnowledgeIndex index, ConversationPolicy policy, SemanticReaders readers)
    {
        Index = index;
        Policy = policy;
        Readers = readers;
    }

    public KnowledgeIndex Index { get; }

    public ConversationPolicy Policy { get; }

    /// <summary>The exemplar detectors the policy reads with (red flags, small talk).</summary>
    public SemanticReaders Readers { get; }

    /// <summary>--knowledge: the knowledge folder (articles, lexicon, questions).</summary>
    public static Option<DirectoryInfo> KnowledgeOption { get; } = new("--knowledge", "-k")
    {
        Description = "Knowledge folder (articles, synonyms, stop words, example questions)",
        DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(AppContext.BaseDirectory, "knowledge")),
    };

    /// <summary>--index: a prebuilt index to open instead of building one.</summary>
    public static Option<DirectoryInfo?> IndexOption { get; } = new("--index")
    {
        Description = "Open this prebuilt index (from 'index --out') instead of building one from --knowledge",
    };

    /// <summary>
    /// The engine over --knowledge (or --index). <paramref name="withoutAnswerModel"/>: the knowledge folder's answer
    /// model is not read, for the command that fits it again (a model of an older version's features can't be read).
    /// </summary>
    public static Engine Create(ParseResult parse, bool withoutAnswerModel = false)
    {
        var knowledge = parse.GetValue(KnowledgeOption)!.FullName;
        var prebuilt = parse.GetValue(IndexOption);
        var index = prebuilt is not null ? KnowledgeIndex.Open(prebuilt.FullName)
            : withoutAnswerModel ? KnowledgeIndex.Build(KnowledgeBase.Load(knowledge), Lexicon.Load(knowledge))
            : KnowledgeIndex.Load(knowledge);
        var readers = new SemanticReaders(index.Embedder);
        var policy = new ConversationPolicy(index, Options.Create(new ConversationOptions()), StarterQuestions.Load(knowledge), readers);
        return new Engine(index, policy, readers);
    }

    public void Dispose() => Index.Dispose();
}
