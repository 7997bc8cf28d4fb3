using System.Text.RegularExpressions;
using DystoniaBot.Conversation.Handoff;
using DystoniaBot.Conversation.Language;
using DystoniaBot.Conversation.Policy;
using DystoniaBot.Conversation.Safety;
using DystoniaBot.Conversation.Semantics;
using DystoniaBot.Conversation.SmallTalk;
using DystoniaBot.Knowledge.Analysis;
using DystoniaBot.Knowledge.Caching;
using DystoniaBot.Knowledge.Documents;
using DystoniaBot.Knowledge.Search;
using Microsoft.Extensions.Options;

namespace DystoniaBot.Conversation.Policy;

/// <summary>
/// Decides every reply: red flags first (before any search), then small talk, "tell me more", and finally a search
/// whose confidence decides between answering and saying "I don't know".
/// </summary>
/// <remarks>Stateless and thread-safe: the conversation's state comes in and goes out with each turn.</remarks>
public sealed partial class ConversationPolicy
{
    /// <summary>
    /// Share of a question's ideas the articles mention from which it is about health even when they don't answer
    /// it ("what dose should I take?"); "how do I bake bread?" shares nothing.
    /// </summary>
    private const double HealthRelated = 0.2;

    private readonly IKnowledgeSearch _search;
    private readonly ConversationOptions _options;
    private readonly StarterQuestions _starters;
    private readonly SemanticReaders _readers;
    // Reading a text (red flags, small talk, "tell me more", first person) depends on nothing but the text, and
    // people send the same few messages in the same words again and again.
    private readonly BoundedCache<Reading> _readings = new(4096);
    private FollowUpCache? _followUps;
    private TextCache? _texts;
    private WordReaderCache? _wordReaders;

    /// <summary>Creates the policy.</summary>
    public ConversationPolicy(IKnowledgeSearch search, IOptions<ConversationOptions> options, StarterQuestions starters, SemanticReaders readers)
    {
        _readers = readers ?? throw new ArgumentNullException(nameof(readers));
        ArgumentNullException.ThrowIfNull(options);
        _search = search ?? throw new ArgumentNullException(nameof(search));
        _options = options.Value;
        _starters = starters ?? throw new ArgumentNullException(nameof(starters));
    }

    [GeneratedRegex(@"^(tell me more|more|more please|please tell me more|more info(rmation)?|more details?|go on|continue|keep going|what else|anything else|and then|next)( about (it|that|this))?[\s.!?]*$", RegexOptions.CultureInvariant)]
    private static partial Regex TellMeMore();

    /// <summary>The welcome for a user who just joined.</summary>
    public BotReply Welcome() => SmallTalkReply(SmallTalkKind.Greeting);

    /// <summary>Replies to <paramref name="text"/> in a conversation whose state is <paramref name="state"/>.</summary>
    /// <param name="text">What the user typed (any length; may be empty).</param>
    /// <param name="locale">The user's locale, e.g. <c>en-GB</c>, for emergency numbers.</param>
    /// <param name="state">The conversation's state before this turn.</param>
    public PolicyTurn Respond(string? text, string? locale, ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new PolicyTurn(SmallTalkReply(SmallTalkKind.Help), state);
        }

        var reading = _readings.GetOrAdd(text, 0, this, static (t, _, policy) => policy.Read(t));
        if (reading.RedFlag is not null)
        {
            return new PolicyTurn(EmergencyReply(reading.RedFlag, locale, text), state);
        }

        if (ErasureStep(text, reading.AsksToErase, state) is { } erasure)
        {
            return erasure;
        }

        // A request to erase not confirmed is dropped: nothing is deleted.
        state = state with { PendingErase = false };
        if (HandoffStep(text, locale, state) is { } handoff)
        {
            return handoff;
        }

        // Anything else moves on: a question waiting for consent is dropped, not sent.
        state = state with { PendingHandoff = null };
        if (reading.SmallTalk is not null)
        {
            return new PolicyTurn(SmallTalkReply(reading.SmallTalk.Value), state);
        }

        if (reading.AsksForSource)
        {
            return Credit(state);
        }

        if (reading.AsksAboutPublisher is { } publisher)
        {
            return AboutPublisher(publisher, reading.Question, state);
        }

        if (reading.Unread)
        {
            return new PolicyTurn(UnreadReply(locale), state with { LastUnanswered = reading.Question });
        }

        return reading.TellMeMore ? Continue(state) : Answer(reading.Question, reading.Search, reading.About, state);
    }

    /// <summary>
    /// The words a search would be run with for <paramref name="text"/> (greetings around a question removed), or null
    /// when the text is a red flag, small talk, "tell me more" or unread (<see cref="UnreadWords"/>) and no search runs.
    /// </summary>
    public string? SearchText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reading = _readings.GetOrAdd(text, 0, this, static (t, _, policy) => policy.Read(t));
        return reading.RedFlag is null && reading.SmallTalk is null && !reading.TellMeMore && !reading.AsksForSource && reading.AsksAboutPublisher is null && !reading.Unread ? reading.Search : null;
    }

    /// <summary>
    /// <paramref name="text"/> as the meaning readers are given it: dictated punctuation as marks, words of other
    /// languages mixed in read in English, slips of the finger and shorthand as words (for fitting their models on what
    /// they will read).
    /// </summary>
    public string EnglishReading(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Translated(DictatedPunctuation.Read(text));
    }

    // Other languages' words in English, autocorrect's word for the subject read back, then shorthand, slips and
    // dictated words read (punctuation already read).
    private string Translated(string text) => WordReaders().Read(AutocorrectedTitle.Read(ForeignWords.ToEnglish(TextNormalizer.ReadTexting(text))));

    /// <summary>
    /// What a text is, in the order it is checked: red flags before anything else (the rules, then the meaning of
    /// the words), then small talk the same two ways.
    /// </summary>
    private Reading Read(string text)
    {
        // Punctuation dictated as words is read as marks by everything. Words of other languages mixed in are read in
        // English, and shorthand as words, by everything but the rules, which read both.
        text = DictatedPunctuation.Read(text);
        var english = Translated(text);
        var translated = !ReferenceEquals(english, text);
        if ((RedFlagDetector.Detect(text) ?? (translated ? RedFlagDetector.Detect(english) : null) ?? _readers.RedFlags.Detect(english)) is { } redFlag)
        {
            return new Reading(redFlag, null, false, text, text, null, false);
        }

        var normalized = TextNormalizer.Normalize(text);
        if (EraseRequest().IsMatch(normalized))
        {
            return new Reading(null, null, false, text, text, null, true);
        }

        // "Tell me more" is a request of the conversation itself, before anything could take it for small talk.
        if (TellMeMore().IsMatch(normalized))
        {
            return new Reading(null, null, true, text, text, null, false);
        }

        // "Who wrote this?", "can I copy it into our newsletter?": the article's page answers, not its paragraphs (and
        // a question of the kind is no small talk about the bot).
        var normalizedEnglish = translated ? TextNormalizer.Normalize(english) : normalized;
        if (SourceQuestion.IsAsked(normalized) || (translated && SourceQuestion.IsAsked(normalizedEnglish)))
        {
            return new Reading(null, null, false, text, text, null, false, AsksForSource: true);
        }

        // "Is CCM a medical website?", "who is Jeff Pillou": the publisher's own words about itself answer.
        if (PublisherQuestion.AskedAbout(normalizedEnglish, _search.Documents) is { } publisher)
        {
            return new Reading(null, null, false, text, text, null, false, AsksAboutPublisher: publisher);
        }

        // The meaning reader is not asked about words it cannot read: another script, or words neither English nor of
        // a language the lists read.
        var unread = OtherScripts.AreMostOf(english) || UnreadWords.AreMostOf(text, english, WordReaders().IsKnown);
        if ((SmallTalkDetector.Detect(text) ?? (translated ? SmallTalkDetector.Detect(english) : null) ?? (unread ? null : _readers.SmallTalk.Detect(english))) is { } smallTalk)
        {
            return new Reading(null, smallTalk, false, text, text, null, false);
        }

        var unframed = QuestionFraming.Unframed(english);
        return new Reading(null, null, false, QuestionFraming.Question(text), QuestionFraming.Question(english),
            PersonalQuestionDetector.IsPersonal(unframed) ? PersonalQuestionDetector.About(unframed) : null, false, Unread: unread);
    }

    /// <summary>The readers of shorthand and dictated words over the current articles' words (made again when the articles change).</summary>
    private WordReaderCache WordReaders()
    {
        var documents = _search.Documents;
        if (_wordReaders is { } cached && ReferenceEquals(cached.Documents, documents))
        {
            return cached;
        }

        var articles = documents.SelectMany(d => d.Passages.Select(p => p.Text).Prepend(d.Source.Title)).ToList();
        var vocabulary = ReadingVocabulary.WithOwnLists(articles.Concat(_starters.Questions));
        var articleWords = new ReadingVocabulary(articles);
        // Dictation never splits a common word, so none is what split words are read as (a stand-in search may have
        // no lexicon: then every word of the vocabulary can be).
        var commonWords = _search.Lexicon?.CommonWords;
        // What counts as read English: the articles' and the lists' words, the lexicon's (its stop words, synonyms,
        // conditions and topics: "torticollis", "baclofen"), the common words of English and its texting. Without a
        // lexicon (a stand-in search) nothing is taken for unread: the articles' words alone are too few.
        var known = _search.Lexicon is { } lexicon ? KnownWords(vocabulary, lexicon) : null;
        var readers = new WordReaderCache(
            documents, known,
            new RunTogetherReader(vocabulary, articleWords, commonWords),
            new SplitWordReader(vocabulary, commonWords),
            new SlipReader(vocabulary, articleWords, commonWords),
            new ShorthandReader(vocabulary));
        _wordReaders = readers;
        return readers;
    }

    private PolicyTurn Answer(string question, string search, AskedAbout? about, ConversationState state)
    {
        var result = _search.Search(search, 1 + _options.MaxAlternatives);
        if (QuestionFraming.AskingSentences(search) is { } asking
            && _search.Search(asking, 1 + _options.MaxAlternatives) is { Best: { } askingBest } askingResult
            && askingResult.Question.Concepts.Count > 0
            && askingBest.Score > (result.Best?.Score ?? 0))
        {
            // What a message tells around its question can drown the question: the question alone may be clearer,
            // when it names something ("what is it?" alone asks about what was told).
            result = askingResult;
        }

        var best = result.Best;

        // "How do I bake bread?" is in the first person but not about health: only health questions escalate.
        // A question that names what the articles are about ("a pupil with dystonia wants to do PE, should I let him?"),
        // or a treatment or sign by a name the lexicon knows ("shes on botox for her neck, can she have it more often"),
        // is about health, however little of it they answer.
        var personal = about is not null
            && (best is { Score: >= HealthRelated } || result.Coverage >= HealthRelated
                || result.Question.Concepts.Any(c => c.IsOtherCondition || c.IsUncoveredTopic || (!c.IsCommon && c.Alternatives.Any(a => !a.IsOriginal)))
                || NamesASubject(search) || PersonalQuestionDetector.AsksForADiagnosis(search));
        if (best is null || best.Score < _options.AnswerThreshold)
        {
            var subject = result.Question.Concepts.FirstOrDefault(c => c.IsUncoveredTopic || c.IsOtherCondition)?.Surface;
            var text = (personal, subject) switch
            {
                (true, null) => ReplyTexts.Escalation(about!) + " " + Texts.NoAnswerAfterReferral,
                (true, _) => ReplyTexts.Escalation(about!) + " " + ReplyTexts.NoAnswerAfterReferral(_search.Documents, subject),
                (false, null) => Texts.NoAnswer,
                (false, _) => ReplyTexts.NoAnswer(_search.Documents, subject),
            };
            var noAnswer = new BotReply(ReplyKind.NoAnswer, text, null, [],
                ReplyTexts.Disclaimer, personal, [HandoffDetector.AskButton, .. FollowUps(null, state)], best?.Score);
            return new PolicyTurn(noAnswer, state with { LastUnanswered = question });
        }

        var alternatives = result.Hits.Skip(1)
            .Where(h => h.Score >= _options.AnswerThreshold && best.Score - h.Score <= _options.AlternativeMargin)
            .Take(_options.MaxAlternatives)
            .ToList();

        // A question about the asker's own health may deserve a person's answer too.
        return AnswerWith(best, alternatives, personal ? about : null, personal ? state with { LastUnanswered = question } : state);
    }

    /// <summary>Shows passage <paramref name="passageId"/> as the answer (a "did you mean" choice); help if it is unknown.</summary>
    public PolicyTurn ShowPassage(string passageId, ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(passageId);
        ArgumentNullException.ThrowIfNull(state);
        return _search.FindPassage(passageId) is { } found
            ? Whole(AnswerWith(new SearchHit(found.Passage, found.Source, 0, 1.0, 1.0, new HashSet<string>()), [], about: null, state))
            : new PolicyTurn(SmallTalkReply(SmallTalkKind.Help), state);
    }

    private PolicyTurn Continue(ConversationState state)
    {
        if (state.LastPassageId is null || _search.FindPassage(state.LastPassageId) is not { } last)
        {
            return new PolicyTurn(SmallTalkReply(SmallTalkKind.Help), state);
        }

        var next = _search.Documents.FirstOrDefault(d => d.Id == last.Passage.DocumentId)?.Passages
            .FirstOrDefault(p => p.Ordinal > last.Passage.Ordinal && !state.ShownPassageIds.Contains(p.Id));
        if (next is null)
        {
            var reply = new BotReply(ReplyKind.SmallTalk, ReplyTexts.NoMore, null, [], null, false, FollowUps(last.Passage.Id, state), null);
            return new PolicyTurn(reply, state);
        }

        var hit = new SearchHit(next, last.Source, 0, 1.0, 1.0, new HashSet<string>());
        return Whole(AnswerWith(hit, [], about: null, state));
    }

    /// <summary>
    /// The answer to a question about the article itself: its credit line, quoted whole, from the article last quoted
    /// (or the only one); with several and none quoted yet, what the bot's answers come from. The sentence that answers
    /// is the one that names whom to credit: it says both who published it and on what condition it may be reused.
    /// </summary>
    private PolicyTurn AboutPublisher(KnowledgeDocument article, string question, ConversationState state)
    {
        var passage = Passage.AboutPublisher(article.Id, article.Source)!;
        // The sentence sharing most words with the question ("what languages" → "available in 11 languages").
        var asked = TextNormalizer.Normalize(question).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3).ToHashSet(StringComparer.Ordinal);
        var answering = Enumerable.Range(0, passage.Sentences.Count)
            .OrderByDescending(i => TextNormalizer.Normalize(passage.SentenceText(i)).Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => asked.Contains(w.TrimEnd('.', ','))))
            .ThenBy(i => i)
            .First();
        var hit = new SearchHit(passage, article.Source, answering, 1.0, 1.0, new HashSet<string>());
        var turn = Whole(AnswerWith(hit, [], about: null, state));
        return turn with { Reply = turn.Reply with { Text = ReplyTexts.PublisherLead(article.Source) } };
    }

    private PolicyTurn Credit(ConversationState state)
    {
        var articles = _search.Documents.Where(d => !d.Source.IsCurated).ToList();
        var lastQuoted = state.LastPassageId is { } last ? _search.FindPassage(last)?.Passage.DocumentId : null;
        var article = articles.FirstOrDefault(d => d.Id == lastQuoted) ?? (articles.Count == 1 ? articles[0] : null);
        if (article is null)
        {
            return new PolicyTurn(SmallTalkReply(SmallTalkKind.AboutSources), state);
        }

        var credit = Passage.Credit(article.Id, article.Source);
        var answering = Enumerable.Range(0, credit.Sentences.Count)
            .FirstOrDefault(i => credit.SentenceText(i).Contains(article.Source.Publisher, StringComparison.OrdinalIgnoreCase));
        var hit = new SearchHit(credit, article.Source, answering, 1.0, 1.0, new HashSet<string>());
        var turn = Whole(AnswerWith(hit, [], about: null, state));
        return turn with { Reply = turn.Reply with { Text = ReplyTexts.CreditLead(article.Source) } };
    }

    /// <summary>A turn whose answer shows its whole passage: the user asked to read it.</summary>
    private static PolicyTurn Whole(PolicyTurn turn) => turn with { Reply = turn.Reply with { WholePassage = true } };

    private bool NamesASubject(string text) =>
        _search.Documents.Any(d => !d.Source.IsCurated && text.Contains(d.Source.Title, StringComparison.OrdinalIgnoreCase));

    private PolicyTurn AnswerWith(SearchHit hit, IReadOnlyList<SearchHit> alternatives, AskedAbout? about, ConversationState state)
    {
        var next = state.After(hit.Passage.Id);
        var followUps = FollowUps(hit.Passage.Id, next);
        var reply = new BotReply(ReplyKind.Answer,
            about is not null ? ReplyTexts.Escalation(about) : ReplyTexts.AnswerLead,
            hit, alternatives, ReplyTexts.Disclaimer, about is not null, about is not null ? [HandoffDetector.AskButton, .. followUps] : followUps, hit.Score)
        {
            AlternativeQuestions = [.. alternatives.Select(a => QuestionLeadingTo(a.Passage.Id))],
        };
        return new PolicyTurn(reply, next);
    }

    private BotReply EmergencyReply(RedFlag redFlag, string? locale, string text)
    {
        var contacts = _options.ContactsFor(locale);
        var reply = redFlag.Kind != RedFlagKind.Crisis ? ReplyTexts.Emergency(contacts)
            : AboutSomeoneElse(TextNormalizer.Normalize(EnglishReading(text))) ? ReplyTexts.CrisisForSomeoneElse(contacts)
            : ReplyTexts.Crisis(contacts);

        // The order the reply itself gives them in: for a crisis the line to talk to first, the emergency number for danger.
        var emergency = new NumberToCall(contacts.EmergencyNumber, ReplyTexts.EmergencyServices);
        IReadOnlyList<NumberToCall> numbers = redFlag.Kind == RedFlagKind.Crisis && contacts.CrisisLine is { } crisisLine
            ? [new NumberToCall(crisisLine, contacts.CrisisLineName ?? ReplyTexts.CrisisLineUnnamed), emergency]
            : [emergency];
        return new BotReply(ReplyKind.Emergency, reply, null, [], null, true, [], null, RedFlag: redFlag, NumbersToCall: numbers);
    }

    // A crisis told of another person ("my student has a plan to kill herself", "ma pal says hes gonnae end it", read in
    // English): the reply speaks to the helper. Any sign of the writer's own crisis keeps the reply to them.
    [GeneratedRegex(@"\b((him|her|them) ?sel(f|ves)|(his|her|their) (own )?life|(he|she|they|my (son|daughter|child|kid|friend|pal|mate|flatmate|colleague|cousin|neighbour|neighbor|boyfriend|girlfriend|student|pupil|brother|sister|partner|husband|wife|mum|mom|dad|father|mother|gran|granny|grandad|grandma|grandpa|nan|uncle|aunt|auntie)) (wants?|wanted|is going|are going|plans?|planning|has a plan|said|says|told me|keeps? saying|talks? about|talked about|posted|texted|wrote|messaged|sent me|put up)|posted (this |that |it )?on (his|her|their) (story|status|wall|page|feed|insta|instagram|facebook|snap|snapchat))\b", RegexOptions.CultureInvariant)]
    private static partial Regex SomeoneElse();

    [GeneratedRegex(@"\b(myself|my (own )?life|i (want|wanna|am going|'m going|plan|have a plan|don't want|can't go on)|i've (been|got)|kill me)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Themself();

    private static bool AboutSomeoneElse(string normalized) => SomeoneElse().IsMatch(normalized) && !Themself().IsMatch(normalized);

    // A message the bot cannot read may be anything, an emergency too: the reply says so first, with the number to call,
    // and offers the health-line staff, who may read it.
    private BotReply UnreadReply(string? locale)
    {
        return new BotReply(ReplyKind.NoAnswer, ReplyTexts.NotRead(_options.ContactsFor(locale)), null, [], ReplyTexts.Disclaimer, true,
            [HandoffDetector.AskButton], null);
    }

    private BotReply SmallTalkReply(SmallTalkKind kind)
    {
        var text = kind switch
        {
            SmallTalkKind.Greeting => Texts.Greeting,
            SmallTalkKind.Thanks => ReplyTexts.Thanks,
            SmallTalkKind.Goodbye => ReplyTexts.Goodbye,
            SmallTalkKind.Identity => ReplyTexts.Identity,
            SmallTalkKind.AboutAnswerTime => ReplyTexts.AboutAnswerTime,
            SmallTalkKind.AboutComingBack => ReplyTexts.AboutComingBack,
            SmallTalkKind.AboutSources => ReplyTexts.AboutSources(_search.Documents),
            SmallTalkKind.AboutPrivacy => ReplyTexts.AboutPrivacy(_options.Service),
            _ => Texts.Help,
        };
        var followUps = kind is SmallTalkKind.Greeting or SmallTalkKind.Help or SmallTalkKind.Thanks
            ? _starters.Questions.Take(_options.MaxFollowUps + 1).ToList()
            : [];
        return new BotReply(ReplyKind.SmallTalk, text, null, [], null, false, followUps, null, SmallTalk: kind);
    }

    /// <summary>The first example question whose answer is <paramref name="passageId"/>, or null.</summary>
    private string? QuestionLeadingTo(string passageId)
    {
        var cache = FollowUpAnswers();
        return _starters.Questions.FirstOrDefault(q => cache.PassageOf[q] == passageId);
    }

    private FollowUpCache FollowUpAnswers()
    {
        var cache = _followUps;
        if (cache is null || !ReferenceEquals(cache.Documents, _search.Documents))
        {
            // Which passage each starter leads to changes only when the index is rebuilt.
            var answers = _starters.Questions.ToDictionary(q => q, q => _search.Search(q, 1).Best?.Passage.Id, StringComparer.Ordinal);
            cache = new FollowUpCache(_search.Documents, answers);
            _followUps = cache;
        }

        return cache;
    }

    /// <summary>Starter questions that lead somewhere new: not to the passage just shown nor to one seen before.</summary>
    private List<string> FollowUps(string? currentPassageId, ConversationState state)
    {
        var cache = FollowUpAnswers();
        return _starters.Questions
            .Where(q => cache.PassageOf[q] is { } id && id != currentPassageId && !state.ShownPassageIds.Contains(id))
            .DistinctBy(q => cache.PassageOf[q])
            .Take(_options.MaxFollowUps)
            .ToList();
    }

    /// <summary>Replies that name the sources, worded once per generation of the index.</summary>
    private TextCache Texts
    {
        get
        {
            var texts = _texts;
            if (texts is null || !ReferenceEquals(texts.Documents, _search.Documents))
            {
                var documents = _search.Documents;
                texts = new TextCache(
                    documents,
                    ReplyTexts.Greeting(documents),
                    ReplyTexts.Help(documents),
                    ReplyTexts.NoAnswer(documents),
                    ReplyTexts.NoAnswerAfterReferral(documents));
                _texts = texts;
            }

            return texts;
        }
    }

    /// <param name="RedFlag">The red flag, if any: nothing else is read then.</param>
    /// <param name="SmallTalk">The small talk, if the message is only that.</param>
    /// <param name="TellMeMore">Whether the message asks to go on with the last answer.</param>
    /// <param name="Question">The question without the framing around it, in the asker's own words (kept for staff).</param>
    /// <param name="Search">The question as searched: the same, with other languages' words in English.</param>
    /// <param name="About">Whom the question is about when it is personal; null when it is not.</param>
    /// <param name="AsksToErase">Whether the message asks to delete what the chat keeps.</param>
    /// <param name="AsksForSource">Whether the message asks about the article itself: who wrote it, its licence, copying it.</param>
    /// <param name="AsksAboutPublisher">The article whose publisher the message asks about (what it is, who runs it, its readers).</param>
    /// <param name="Unread">Whether the message is mostly in a script or words the bot does not read, once its lists' words are read in English.</param>
    private sealed record Reading(RedFlag? RedFlag, SmallTalkKind? SmallTalk, bool TellMeMore, string Question, string Search, AskedAbout? About, bool AsksToErase, bool AsksForSource = false, bool Unread = false, KnowledgeDocument? AsksAboutPublisher = null);

    private static readonly string[] EnglishEndings = ["s", "es", "ed", "ing", "ly", "er"];

    // English as people text it, which no list spells out.
    private static readonly string[] Texting =
        ["omg", "ty", "tysm", "sm", "idk", "tbh", "ngl", "rn", "lol", "lmao", "pls", "plz", "thx", "wat", "wot", "iz", "ur", "gonna",
         "wanna", "gotta", "cuz", "coz", "cos", "bc", "abt", "dunno", "ok", "okay", "gp", "hiya", "yeah", "yep", "nope", "btw", "asap"];

    private static HashSet<string> KnownWords(ReadingVocabulary vocabulary, Lexicon lexicon)
    {
        var known = new HashSet<string>(vocabulary.Counts.Keys, StringComparer.Ordinal);
        known.UnionWith(lexicon.CommonWords);
        known.UnionWith(lexicon.StopWords);
        known.UnionWith(Texting);
        var terms = lexicon.Synonyms.SelectMany(r => r.From.Concat(r.To)).Concat(lexicon.Conditions).Concat(lexicon.UncoveredTopics);
        foreach (var term in terms.Select(t => t.ToLowerInvariant()))
        {
            foreach (var (start, end) in ReadingVocabulary.Words(term))
            {
                known.Add(term[start..end]);
            }
        }

        return known;
    }

    private sealed record WordReaderCache(IReadOnlyList<KnowledgeDocument> Documents, HashSet<string>? Known, RunTogetherReader RunTogether, SplitWordReader SplitWords, SlipReader Slips, ShorthandReader Shorthand)
    {
        /// <summary>
        /// Words run together are split first; then words dictation split are joined, so a piece without a vowel
        /// ("m r i") is not read as shorthand, nor a piece like "ro" in "blef ro spasm" as a slip for "or".
        /// </summary>
        public string Read(string text) => Shorthand.Expand(Slips.Read(SplitWords.Join(RunTogether.Split(text))));

        /// <summary>
        /// Whether <paramref name="word"/> (lower case) is read English, as it is or with an ending ("blinking", "twisted");
        /// every word is when there is no lexicon to know English by.
        /// </summary>
        public bool IsKnown(ReadOnlySpan<char> word)
        {
            if (Known is null)
            {
                return true;
            }

            var lookup = Known.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.Contains(word))
            {
                return true;
            }

            Span<char> withE = stackalloc char[word.Length + 1];
            foreach (var ending in EnglishEndings)
            {
                if (word.Length > ending.Length + 2 && word.EndsWith(ending, StringComparison.Ordinal))
                {
                    var stem = word[..^ending.Length];
                    stem.CopyTo(withE);
                    withE[stem.Length] = 'e';
                    if (lookup.Contains(stem) || lookup.Contains(withE[..(stem.Length + 1)]))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    private sealed record FollowUpCache(IReadOnlyList<KnowledgeDocument> Documents, Dictionary<string, string?> PassageOf);

    private sealed record TextCache(IReadOnlyList<KnowledgeDocument> Documents, string Greeting, string Help, string NoAnswer, string NoAnswerAfterReferral);
}
