using BenchmarkDotNet.Attributes;
using DystoniaBot.Conversation.Policy;
using DystoniaBot.Conversation.Semantics;
using DystoniaBot.Knowledge.Documents;
using DystoniaBot.Knowledge.Search;
using Microsoft.Extensions.Options;

namespace DystoniaBot.Benchmarks;

/// <summary>Answering one question in-process on the real knowledge base: triage, search, sentence choice, policy.</summary>
/// <remarks>With the index's result cache off (the CLI's default), as <c>AnswerQuestion</c> was measured before.</remarks>
[MemoryDiagnoser]
[MedianColumn]
public class AnsweringBenchmarks : IDisposable
{
    private KnowledgeIndex _index = null!;
    private ConversationPolicy _policy = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var knowledge = Path.Combine(AppContext.BaseDirectory, "knowledge");
        _index = KnowledgeIndex.Load(knowledge);
        _policy = new ConversationPolicy(_index, Options.Create(new ConversationOptions()), StarterQuestions.Load(knowledge), new SemanticReaders(_index.Embedder));
    }

    /// <summary>One question (they rotate through every kind), the whole policy.</summary>
    [Benchmark]
    public BotReply AnswerQuestion() =>
        _policy.Respond(Questions.Mixed[_next++ % Questions.Mixed.Length], "en-US", ConversationState.Empty).Reply;

    /// <summary>
    /// A question never asked before (no cache holds it): triage with the exemplars, the model, the hybrid search,
    /// the answer model and the policy. The questions rotate and carry a number that makes each new.
    /// </summary>
    [Benchmark]
    public BotReply AnswerNewQuestion() =>
        _policy.Respond(Questions.Mixed[_next % Questions.Mixed.Length] + " " + (_next++).ToString(System.Globalization.CultureInfo.InvariantCulture), "en-US", ConversationState.Empty).Reply;

    /// <summary>
    /// A long run-on message never sent before (about 60 words, no full stop, as dictation writes them): the meaning
    /// net also compares its clauses, so this is the dearest ordinary message to triage.
    /// </summary>
    [Benchmark]
    public BotReply AnswerNewRunOnMessage() =>
        _policy.Respond(
            "hi there sorry to bother you so late my mum was told she has dystonia in her neck last month and the doctor said " +
            "they might try injections but she is worried about side effects and also wants to know if it runs in the family " +
            "because my sister has a tremor too so is it hereditary and what else can help her " + (_next++).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "en-US", ConversationState.Empty).Reply;

    /// <summary>The same question again, as people send it: answered from the caches.</summary>
    [Benchmark]
    public BotReply AnswerRepeatedQuestion() => _policy.Respond("is there a cure for dystonia", "en-US", ConversationState.Empty).Reply;

    /// <summary>The search alone for an answerable question.</summary>
    [Benchmark]
    public SearchResult SearchOnly() => _index.Search("is there a cure for dystonia");

    [GlobalCleanup]
    public void Dispose()
    {
        _index?.Dispose();
        GC.SuppressFinalize(this);
    }
}
