using System.Text.RegularExpressions;
using DystoniaBot.Knowledge.Analysis;
using DystoniaBot.Knowledge.Embeddings;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace DystoniaBot.Knowledge.Search;

/// <summary>
/// Finds candidate passages two ways, Lucene and the question's vector, and lets the answer model weigh both.
/// Lucene (BM25 over every way of saying each idea) and re-ranks them by how much of
/// the question they cover. Each idea weighs its inverse document frequency; an idea no passage mentions (another
/// subject) weighs as much as the rarest word, and another disease twice that, so a question that is half about
/// something else never looks more than half answered. The confidence is that weighted coverage, softened for synonyms and
/// focused by the best sentence, which is what makes abstention possible.
/// </summary>
internal static partial class PassageRanker
{
    /// <summary>How much a synonym counts against the user's own word.</summary>
    private const double SynonymStrength = 0.85;

    private const int LexicalCandidates = 20;

    /// <summary>How much more an unmatched disease or topic of the conditions list weighs than an unmatched word.</summary>
    private const double OtherConditionFactor = 2.0;

    /// <summary>How much an unmatched common English word weighs against an unmatched rare one.</summary>
    private const double CommonWordFactor = 0.3;

    /// <summary>Least weight of a word of an article's title, against the rarest word.</summary>
    private const double TitleFloor = 0.35;

    /// <summary>Least answer probability for a passage found by meaning alone (no shared word) to be a hit.</summary>
    private const double RelatedByMeaning = 0.2;

    public static SearchResult Search(KnowledgeSnapshot snapshot, string question, int maxHits)
    {
        var analyzed = snapshot.QuestionAnalyzer.Analyze(question);
        if (snapshot.Passages.Count == 0 || maxHits <= 0 || string.IsNullOrWhiteSpace(question))
        {
            return new SearchResult(analyzed, []);
        }

        // The result describes the question as asked; the search may ask it in other words.
        var asked = analyzed;
        if (SubjectOfDefinition(snapshot, analyzed) is { } subject)
        {
            // "My son has dystonia, what does that even meen?": a definition of an article's subject, whatever
            // else the words say (typos, framing), is that article's definition.
            question = $"What is {subject}?";
            analyzed = snapshot.QuestionAnalyzer.Analyze(question);
        }

        var candidates = Candidates(snapshot, analyzed, question);
        if (candidates.Count == 0)
        {
            return new SearchResult(asked, []);
        }

        var coverage = candidates.Max(c => c.Features[AnswerFeatures.LexicalConfidence]);
        var hits = new List<SearchHit>(candidates.Count);
        foreach (var candidate in candidates)
        {
            var passage = snapshot.Passages[candidate.PassageIndex];
            var probability = snapshot.AnswerModel.Decider.Probability(candidate.Features);

            // The nearest passages in meaning are always some passages: one that shares no word with the question
            // is a hit only when the model finds it likely (staff search and "did you mean" list hits).
            if (candidate.Features[AnswerFeatures.LexicalConfidence] <= 0 && probability < RelatedByMeaning)
            {
                continue;
            }

            hits.Add(new SearchHit(passage, snapshot.Sources[passage.DocumentId], candidate.SentenceIndex,
                probability, snapshot.AnswerModel.Ranker.Probability(candidate.Features), candidate.MatchedTerms));
        }

        hits.Sort((a, b) => b.Relevance.CompareTo(a.Relevance) is var byRelevance && byRelevance != 0
            ? byRelevance
            : a.Passage.Ordinal.CompareTo(b.Passage.Ordinal) is var byOrdinal && byOrdinal != 0
                ? byOrdinal
                : string.CompareOrdinal(a.Passage.Id, b.Passage.Id));
        return new SearchResult(asked, hits.Count > maxHits ? hits.GetRange(0, maxHits) : hits, coverage);
    }

    /// <summary>
    /// The article title a definition question asks about, when the question names that subject and nothing else the
    /// articles speak of (its other words are unknown to them, none another disease); null otherwise.
    /// </summary>
    private static string? SubjectOfDefinition(KnowledgeSnapshot snapshot, AnalyzedQuestion analyzed)
    {
        if (!analyzed.AsksForDefinition)
        {
            return null;
        }

        // When the message names the subject, what its other sentences tell ("he is 90 and can't see the screen. The
        // specialist said dystonia.") is who and why: only the words of the sentence that asks can make it a question
        // about something else.
        var concepts = analyzed.Concepts;
        var asked = AskedAbout().Match(analyzed.Text);
        if (asked.Success && concepts.Any(c => NamesTitle(snapshot, c)))
        {
            var asking = SentenceAround(analyzed.Text, asked.Index);
            concepts = concepts.Where(c => NamesTitle(snapshot, c) || asking.Contains(c.Surface, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        if (concepts.Any(c => c.IsOtherCondition || c.IsUncoveredTopic))
        {
            return null;
        }

        var namesTitle = false;
        var onlyFraming = true;
        foreach (var concept in concepts)
        {
            if (NamesTitle(snapshot, concept))
            {
                namesTitle = true;
                onlyFraming = false;
                continue;
            }

            if (DefinitionFraming.Contains(concept.Surface.ToLowerInvariant()))
            {
                continue;
            }

            onlyFraming = false;
            if (concept.Alternatives.Any(a => a.Terms.All(t => snapshot.DocumentFrequency.ContainsKey(t))))
            {
                return null;
            }
        }

        if (!namesTitle && !onlyFraming)
        {
            return null;
        }

        // "What is the sensory trick in dystonia?" asks what a sensory trick is: the words after "what is" are what is
        // asked about, and words the articles don't know there are not framing.
        if (asked.Success && !NamesTheSubject(snapshot, analyzed, asked.Groups["first"].Value, asked.Groups["next"].Value))
        {
            return null;
        }

        // "Short definition please" names no subject: the subject is what the articles are about.
        var articles = snapshot.Documents.Where(d => !d.Source.IsCurated).ToList();
        var named = articles.FirstOrDefault(d => snapshot.Analyzer.Terms(d.Source.Title).Any(t => analyzed.Concepts.Any(c => c.Alternatives.Any(a => a.Terms.Contains(t)))));
        return (named ?? (onlyFraming ? articles.FirstOrDefault() : null))?.Source.Title;
    }

    [GeneratedRegex(@"\bwhat(?:'s|s| is| are)\s+(?:a |an |the )?(?<first>[a-z]+)\b(?:\s+(?<next>[a-z]+)\b)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AskedAbout();

    // "What are the signs of a stroke? It's for my first aid course": a condition the article names only as a cause of
    // dystonia, asked about for itself (its signs, its treatment, what to do), is another condition; "can a stroke cause
    // it" is not, and neither is any question that names the article's subject.
    [GeneratedRegex(@"\b(signs?|symptoms?|warning signs?|treatments?|treat|recovery|rehab\w*|first aid|what to do|how to (spot|recogni[sz]e|tell))\b (of|for|from|after|with|in|when)\s+(someone (having |has |had )?|you (have|had|are having) )?(an? |the )?(stroke|strokes|mini stroke|brain injury|head injury|traumatic brain injury|concussion|tbi)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CauseAskedAboutItself();

    /// <summary>The sentence of <paramref name="text"/> around <paramref name="index"/>.</summary>
    private static string SentenceAround(string text, int index)
    {
        var start = text.LastIndexOfAny(SentenceEnds, Math.Max(0, index - 1)) + 1;
        var end = text.IndexOfAny(SentenceEnds, index);
        return text[start..(end < 0 ? text.Length : end)];
    }

    private static readonly char[] SentenceEnds = ['.', '!', '?', '\n'];

    /// <summary>Words after "what is" that point at the subject already named ("what is it", "what is this condition").</summary>
    private static readonly HashSet<string> PointsAtTheSubject = new(StringComparer.Ordinal)
    {
        "it", "this", "that", "these", "those", "they", "my", "his", "her", "their", "your", "our", "its", "condition", "disease",
        "illness", "disorder", "thing", "problem", "exactly", "actually", "really", "even", "wrong", "happening", "going", "meant",
        "meaning", "definition", "word", "term", "deal", "story", "craic", "lowdown", "sitch",
    };

    /// <summary>Words that point at a thing named after them ("what's that test called"), not at the subject itself.</summary>
    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "this", "that", "these", "those", "my", "his", "her", "their", "your", "our", "its",
    };

    private static bool NamesTheSubject(KnowledgeSnapshot snapshot, AnalyzedQuestion analyzed, string word, string next)
    {
        var lower = word.ToLowerInvariant();
        if (PointsAtTheSubject.Contains(lower))
        {
            // "What's that test called?": the pointing word points at the test, a thing the articles speak of.
            var named = next.ToLowerInvariant();
            return !Determiners.Contains(lower) || named.Length == 0 || PointsAtTheSubject.Contains(named)
                || !snapshot.Analyzer.Terms(named).Any(t => snapshot.DocumentFrequency.ContainsKey(t) && !snapshot.TitleTerms.Contains(t));
        }

        // The word itself, or any word said for it ("dystonic").
        var read = analyzed.Corrections.FirstOrDefault(c => c.Word == lower).Correction ?? lower;
        return snapshot.Analyzer.Terms(read).Any(snapshot.TitleTerms.Contains)
            || analyzed.Concepts.Any(c => c.Surface.Equals(read, StringComparison.OrdinalIgnoreCase) && NamesTitle(snapshot, c));
    }

    /// <summary>Whether <paramref name="concept"/> is, or is said for, a word of an article's title.</summary>
    private static bool NamesTitle(KnowledgeSnapshot snapshot, QueryConcept concept) =>
        concept.Alternatives.Any(a => a.Terms.Count == 1 && snapshot.TitleTerms.Contains(a.Terms[0]));

    /// <summary>Words that say how to define, not what: "a short, simple definition please".</summary>
    private static readonly HashSet<string> DefinitionFraming = new(StringComparer.Ordinal)
    {
        "short", "brief", "briefly", "quick", "quickly", "simple", "simply", "basic", "plain", "easy", "pls", "plz", "please",
        "layman", "laymans", "layman's", "words", "terms", "english", "summary", "nutshell", "general", "overview", "deal", "story", "craic", "lowdown", "sitch",
    };

    /// <summary>
    /// The passages worth considering for a question, with the signals the answer model weighs: Lucene's BM25 best
    /// (re-ranked by coverage) and the question vector's nearest passages, each scored both ways.
    /// </summary>
    /// <remarks>
    /// Neighbours are read from <c>memory</c> (calibration's own labelled questions) or else the answer model's; in
    /// calibration <c>excludeGroup</c> is the question's own set, whose questions are no neighbours of it.
    /// </remarks>
    internal static List<AnswerCandidate> Candidates(KnowledgeSnapshot snapshot, AnalyzedQuestion analyzed, string question, QuestionMemory? memory = null, int excludeGroup = -1)
    {
        var lexical = new Dictionary<int, LexicalScore>();
        var unknownShare = 1.0;
        var otherCondition = analyzed.Concepts.Any(c => c.IsOtherCondition)
            || (CauseAskedAboutItself().IsMatch(question) && !analyzed.Concepts.Any(c => NamesTitle(snapshot, c))) ? 1.0 : 0.0;
        var uncoveredTopic = analyzed.Concepts.Any(c => c.IsUncoveredTopic) ? 1.0 : 0.0;

        // A question about another disease that does not name the articles' own ("can diabetes be cured?") sits among
        // the many asked of dystonia in nearly the same words: its neighbours speak of dystonia's passages, not of it,
        // so the memory says nothing of it and the other signals decide.
        var aboutAnotherCondition = analyzed.Concepts.Any(c => c.IsOtherCondition) && !analyzed.Concepts.Any(c => NamesTitle(snapshot, c));
        var asksForQuantity = AnswerType.AsksForQuantity(question);
        var asksForCourse = AnswerType.AsksForCourse(question);
        var asksForRemedy = AnswerType.AsksForRemedy(question);
        QueryAlternative[][] present = [];
        double[] weights = [];
        var totalWeight = 0.0;
        if (analyzed.Concepts.Count > 0)
        {
            (present, weights) = Prepare(snapshot, analyzed);
            totalWeight = weights.Sum();
            var unknown = 0.0;
            for (var c = 0; c < present.Length; c++)
            {
                unknown += present[c].Length == 0 ? weights[c] : 0;
            }

            unknownShare = totalWeight > 0 ? unknown / totalWeight : 1.0;

            var query = BuildQuery(snapshot, present, weights);
            if (query.Clauses.Count > 0)
            {
                // In-order scoring: for a disjunction Lucene otherwise picks BooleanScorer, whose 2,048-bucket table is
                // allocated on every query and dwarfs the work on a knowledge base of this size.
                var collector = TopScoreDocCollector.Create(LexicalCandidates, docsScoredInOrder: true);
                snapshot.Searcher.Search(query, collector);
                var topDocs = collector.GetTopDocs();
                var maxLucene = Math.Max(topDocs.MaxScore, float.Epsilon);
                foreach (var scoreDoc in topDocs.ScoreDocs)
                {
                    var passageIndex = snapshot.DocToPassage[scoreDoc.Doc];
                    if (passageIndex >= 0)
                    {
                        lexical[passageIndex] = Lexical(snapshot, analyzed, present, weights, totalWeight, passageIndex, scoreDoc.Score / maxLucene);
                    }
                }
            }
        }

        var corrected = analyzed.Corrected(question);
        var queryVector = QueryVector(snapshot, corrected);
        var dense = DenseMatch.Find(snapshot, queryVector);
        var reading = memory;
        memory ??= snapshot.AnswerModel.Memory;
        var neighbours = aboutAnotherCondition ? memory.Neutral
            : reading is null ? snapshot.NeighboursOf(corrected, queryVector) : reading.Read(queryVector, snapshot.Passages, excludeGroup);
        var pool = new HashSet<int>(lexical.Keys);
        pool.UnionWith(dense.Nearest);
        var bestLexical = Top2(lexical.Select(l => (l.Key, l.Value.Relevance)));
        var bestPassage = Top2(dense.Nearest.Select(i => (i, (double)dense.PassageSimilarity[i])));
        var bestSentence = Top2(dense.Nearest.Select(i => (i, dense.BestSentence(snapshot, i))));

        var candidates = new List<AnswerCandidate>(pool.Count);
        foreach (var passageIndex in pool)
        {
            if (!dense.PassageSimilarity.TryGetValue(passageIndex, out var passageSimilarity))
            {
                // A lexical candidate the dense search did not reach: compare it all the same.
                passageSimilarity = dense.Score(snapshot, passageIndex);
            }

            var sentences = dense.Sentences(snapshot, passageIndex);
            var lex = lexical.TryGetValue(passageIndex, out var known)
                ? known
                : analyzed.Concepts.Count > 0 && totalWeight > 0
                    ? Lexical(snapshot, analyzed, present, weights, totalWeight, passageIndex, 0)
                    : LexicalScore.None(snapshot.Terms[passageIndex].Sentences.Length);

            // The answering sentence: the one closest in meaning, helped by the words it shares with the question.
            var sentenceIndex = 0;
            var sentenceScore = double.MinValue;
            for (var s = 0; s < sentences.Length; s++)
            {
                var score = sentences[s] + (0.5 * Math.Min(1, lex.SentenceScores[s]));
                if (score > sentenceScore + 1e-9)
                {
                    sentenceIndex = s;
                    sentenceScore = score;
                }
            }

            var maxSentence = dense.BestSentence(snapshot, passageIndex);
            var features = new double[AnswerFeatures.Count];
            features[AnswerFeatures.LexicalConfidence] = lex.Confidence;
            features[AnswerFeatures.LexicalRelevance] = lex.Relevance;
            features[AnswerFeatures.LexicalMargin] = lex.Relevance - Other(bestLexical, passageIndex);
            features[AnswerFeatures.PassageSimilarity] = passageSimilarity;
            features[AnswerFeatures.PassageMargin] = passageSimilarity - Other(bestPassage, passageIndex);
            features[AnswerFeatures.SentenceSimilarity] = maxSentence;
            features[AnswerFeatures.SentenceMargin] = maxSentence - Other(bestSentence, passageIndex);
            features[AnswerFeatures.UnknownShare] = unknownShare;
            features[AnswerFeatures.OtherCondition] = otherCondition;
            features[AnswerFeatures.UncoveredTopic] = uncoveredTopic;
            features[AnswerFeatures.MissingCourse] = asksForCourse && !snapshot.Terms[passageIndex].StatesCourse ? 1 : 0;
            features[AnswerFeatures.MissingQuantity] = asksForQuantity && !snapshot.Terms[passageIndex].StatesQuantity ? 1 : 0;
            features[AnswerFeatures.MissingRemedy] = asksForRemedy && !snapshot.Terms[passageIndex].StatesRemedy ? 1 : 0;
            var said = memory.Speaks(snapshot.Passages[passageIndex]) ? neighbours : memory.Neutral;
            features[AnswerFeatures.NeighbourSupport] = said.SupportOf(passageIndex);
            features[AnswerFeatures.NeighbourUnanswered] = said.Unanswered;
            features[AnswerFeatures.NeighbourNearest] = said.Nearest;
            candidates.Add(new AnswerCandidate(passageIndex, sentenceIndex, features, lex.Matched));
        }

        return candidates;
    }

    /// <summary>The vector the search compares a question by, given its corrected text: what the memory of labelled questions keeps too.</summary>
    internal static float[] QueryVector(KnowledgeSnapshot snapshot, string corrected) => snapshot.Embedder.EmbedQuery(corrected);

    /// <summary>The best other passage's value: the best one's, or the runner-up's for the best passage itself.</summary>
    private static double Other(((int Index, double Value) First, (int Index, double Value) Second) top, int passageIndex) =>
        top.First.Index == passageIndex ? top.Second.Value : top.First.Value;

    private static ((int Index, double Value) First, (int Index, double Value) Second) Top2(IEnumerable<(int Index, double Value)> values)
    {
        (int Index, double Value) first = (-1, 0), second = (-1, 0);
        foreach (var value in values)
        {
            if (first.Index < 0 || value.Value > first.Value)
            {
                second = first;
                first = value;
            }
            else if (second.Index < 0 || value.Value > second.Value)
            {
                second = value;
            }
        }

        return (first, second.Index < 0 ? (-1, first.Index < 0 ? 0 : first.Value - 0.1) : second);
    }

    /// <summary>
    /// For each concept, the ways of saying it that some passage contains (the others can match nothing, and leaving
    /// them out keeps queries and re-ranking small however large the synonym groups are), and the concept's weight.
    /// </summary>
    private static (QueryAlternative[][] Present, double[] Weights) Prepare(KnowledgeSnapshot snapshot, AnalyzedQuestion question)
    {
        var concepts = question.Concepts;
        var n = snapshot.Passages.Count;
        var rarest = Math.Log(1 + ((n - 1 + 0.5) / 1.5));
        var present = new QueryAlternative[concepts.Count][];
        var weights = new double[concepts.Count];
        for (var c = 0; c < concepts.Count; c++)
        {
            var kept = new List<QueryAlternative>();
            var df = 0;
            var isTitle = false;
            foreach (var alternative in concepts[c].Alternatives)
            {
                // A phrase occurs at most as often as its rarest word.
                var alternativeDf = int.MaxValue;
                foreach (var term in alternative.Terms)
                {
                    alternativeDf = Math.Min(alternativeDf, snapshot.DocumentFrequency.GetValueOrDefault(term));
                }

                if (alternativeDf > 0)
                {
                    kept.Add(alternative);
                    df = Math.Max(df, alternativeDf);
                    isTitle |= alternative.Terms.Count == 1 && snapshot.TitleTerms.Contains(alternative.Terms[0]);
                }
            }

            present[c] = [.. kept];

            // An idea no passage mentions weighs as much as the rarest idea that one does, so one stray word doesn't
            // sink a good answer; another disease weighs double, so "treatment for migraine" is never an answer; a
            // common word ("simple", "weird") weighs little, as it seldom says what the question is about.
            var unknown = df == 0;
            df = Math.Max(df, 1);
            // In "explain dystonia in simple words" everything but the subject is framing.
            var common = question.AsksForDefinition ? 0 : CommonWordFactor;
            var factor = !unknown ? 1 : concepts[c].IsOtherCondition || concepts[c].IsUncoveredTopic ? OtherConditionFactor : concepts[c].IsCommon ? common : 1;
            weights[c] = Math.Log(1 + ((n - df + 0.5) / (df + 0.5))) * factor;
            if (isTitle)
            {
                // An article's subject is in all of its passages, so its IDF says nothing; yet it is what the question
                // is about, and it must count against the words that are not.
                weights[c] = Math.Max(weights[c], TitleFloor * rarest);
            }
        }

        return (present, weights);
    }

    private static BooleanQuery BuildQuery(KnowledgeSnapshot snapshot, QueryAlternative[][] concepts, double[] weights)
    {
        var query = new BooleanQuery(disableCoord: true);
        for (var c = 0; c < concepts.Length; c++)
        {
            if (concepts[c].Length == 0)
            {
                continue;
            }

            var concept = new DisjunctionMaxQuery(0.1f) { Boost = (float)weights[c] };
            foreach (var alternative in concepts[c])
            {
                Query clause;
                if (alternative.Terms.Count == 1)
                {
                    clause = snapshot.TermQuery(alternative.Terms[0]);
                }
                else
                {
                    // Slop absorbs the stop words the analyzer removed inside the phrase.
                    var phrase = new PhraseQuery { Slop = 2 };
                    foreach (var term in alternative.Terms)
                    {
                        phrase.Add(new Term(KnowledgeAnalyzer.TextField, term));
                    }

                    clause = phrase;
                }

                clause.Boost = alternative.IsOriginal ? 1f : (float)SynonymStrength;
                concept.Add(clause);
            }

            // A concept said one way needs no disjunction around it.
            if (concepts[c].Length == 1)
            {
                var single = concept.Disjuncts[0];
                single.Boost *= concept.Boost;
                query.Add(single, Occur.SHOULD);
                continue;
            }

            query.Add(concept, Occur.SHOULD);
        }

        return query;
    }

    private static LexicalScore Lexical(KnowledgeSnapshot snapshot, AnalyzedQuestion question, QueryAlternative[][] concepts, double[] weights, double totalWeight, int passageIndex, double luceneScore)
    {
        var terms = snapshot.Terms[passageIndex];
        var matched = new HashSet<string>(StringComparer.Ordinal);

        var covered = 0.0;
        for (var c = 0; c < concepts.Length; c++)
        {
            var strength = Strength(concepts[c], terms, -1, matched);
            covered += weights[c] * strength;
        }

        var coverage = covered / totalWeight;
        var sentenceScores = new double[terms.Sentences.Length];
        var bestSentenceScore = -1.0;
        var bestSentenceCoverage = 0.0;
        var leadCoverage = 0.0;
        for (var s = 0; s < terms.Sentences.Length; s++)
        {
            var sentenceCovered = 0.0;
            for (var c = 0; c < concepts.Length; c++)
            {
                sentenceCovered += weights[c] * Strength(concepts[c], terms, s, null);
            }

            var sentenceCoverage = sentenceCovered / totalWeight;
            if (s == 0)
            {
                leadCoverage = sentenceCoverage;
            }

            // Among sentences covering as much, a short one is more to the point.
            var excess = Math.Max(0, (terms.Sentences[s].Length / snapshot.AverageSentenceLength) - 1);
            var score = sentenceCoverage / (1 + (0.3 * excess));
            if (question.AsksForDefinition && terms.Definitional[s])
            {
                score += 0.15 * sentenceCoverage;
            }

            sentenceScores[s] = score;
            if (score > bestSentenceScore + 1e-9)
            {
                bestSentenceScore = score;
                bestSentenceCoverage = sentenceCoverage;
            }
        }

        // The lead sentence states what a paragraph is about: a question about its topic ranks that paragraph first.
        var relevance = (0.45 * coverage) + (0.35 * Math.Min(1, bestSentenceScore)) + (0.1 * leadCoverage) + (0.1 * luceneScore);
        var confidence = (0.7 * coverage) + (0.3 * bestSentenceCoverage);
        return new LexicalScore(Math.Clamp(confidence, 0, 1), Math.Clamp(relevance, 0, 1), sentenceScores, matched);
    }

    private static double Strength(QueryAlternative[] alternatives, PassageTerms terms, int sentence, HashSet<string>? matched)
    {
        var strength = 0.0;
        foreach (var alternative in alternatives)
        {
            if (terms.Contains(alternative, sentence))
            {
                strength = Math.Max(strength, alternative.IsOriginal ? 1.0 : SynonymStrength);
                matched?.UnionWith(alternative.Terms);
            }
        }

        return strength;
    }

    /// <summary>What the words say of a passage: coverage-based confidence, ranking score, each sentence's score.</summary>
    private sealed record LexicalScore(double Confidence, double Relevance, double[] SentenceScores, IReadOnlySet<string> Matched)
    {
        public static LexicalScore None(int sentences) => new(0, 0, new double[sentences], new HashSet<string>());
    }
}
