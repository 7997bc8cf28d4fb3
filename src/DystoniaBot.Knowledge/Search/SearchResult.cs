using DystoniaBot.Knowledge.Analysis;
using DystoniaBot.Knowledge.Documents;

namespace DystoniaBot.Knowledge.Search;

/// <summary>A passage that answers a question, the sentence that answers best, and how sure the search is.</summary>
/// <param name="Passage">The passage.</param>
/// <param name="Source">Attribution of the passage's document.</param>
/// <param name="SentenceIndex">Index into <see cref="Passage.Sentences"/> of the answering sentence.</param>
/// <param name="Score">Confidence in [0, 1] that the passage answers the question.</param>
/// <param name="Relevance">Ranking score in [0, 1]; hits are ordered by it.</param>
/// <param name="MatchedTerms">Analysed terms of the passage that matched the question (for highlighting).</param>
public sealed record SearchHit(Passage Passage, SourceInfo Source, int SentenceIndex, double Score, double Relevance, IReadOnlySet<string> MatchedTerms)
{
    /// <summary>The answering sentence's text.</summary>
    public string Sentence => Passage.SentenceText(SentenceIndex);
}

/// <summary>What a search found for a question, best first.</summary>
/// <param name="Question">The analysed question.</param>
/// <param name="Hits">Hits ordered by relevance; empty when nothing matched.</param>
/// <param name="Coverage">The most of the question's weighted ideas any passage mentions (0–1), answered or not:
/// how much the question is about what the articles speak of.</param>
public sealed record SearchResult(AnalyzedQuestion Question, IReadOnlyList<SearchHit> Hits, double Coverage = 0)
{
    /// <summary>The best hit, if any.</summary>
    public SearchHit? Best => Hits.Count > 0 ? Hits[0] : null;
}

/// <summary>A passage a search considered, the signals it was weighed by and the answer model's probability.</summary>
/// <param name="Passage">The passage.</param>
/// <param name="Features">The signals, in <see cref="AnswerFeatures.Names"/> order.</param>
/// <param name="Rank">The ranker's probability that it is the passage that answers.</param>
/// <param name="Probability">The decider's probability that, ranked first, it is a right answer.</param>
public sealed record AnswerExplanation(Passage Passage, IReadOnlyList<double> Features, double Rank, double Probability);

/// <summary>Counts that describe an index.</summary>
/// <param name="Documents">Knowledge documents.</param>
/// <param name="Passages">Passages indexed.</param>
/// <param name="Terms">Distinct indexed terms.</param>
public sealed record IndexStatistics(int Documents, int Passages, int Terms);

/// <summary>Answers questions from the knowledge base.</summary>
public interface IKnowledgeSearch
{
    /// <summary>Finds the passages that best answer <paramref name="question"/>.</summary>
    /// <param name="question">The user's text, any length and content.</param>
    /// <param name="maxHits">How many hits to return at most.</param>
    SearchResult Search(string question, int maxHits = 3);

    /// <summary>The passage with id <paramref name="passageId"/> and its source, or null.</summary>
    (Passage Passage, SourceInfo Source)? FindPassage(string passageId);

    /// <summary>The documents indexed, in order.</summary>
    IReadOnlyList<KnowledgeDocument> Documents { get; }

    /// <summary>The lexicon the documents are indexed and questions analysed with.</summary>
    Lexicon Lexicon { get; }
}
