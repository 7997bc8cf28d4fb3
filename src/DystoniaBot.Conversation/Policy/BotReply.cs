using DystoniaBot.Conversation.Safety;
using DystoniaBot.Conversation.SmallTalk;
using DystoniaBot.Knowledge.Search;

namespace DystoniaBot.Conversation.Policy;

/// <summary>What kind of reply the policy chose.</summary>
public enum ReplyKind
{
    /// <summary>A passage from the knowledge base, with source and disclaimer.</summary>
    Answer,

    /// <summary>The knowledge base doesn't answer: what the bot covers, a neurologist, "Ask a question".</summary>
    NoAnswer,

    /// <summary>A red flag: emergency and crisis numbers only.</summary>
    Emergency,

    /// <summary>Greeting, thanks, help.</summary>
    SmallTalk,

    /// <summary>A step of "Ask a question": the consent to forward, the reference, the status of the questions sent.</summary>
    Handoff,
}

/// <summary>The bot's reply to one message, independent of any channel.</summary>
/// <param name="Kind">What kind of reply it is.</param>
/// <param name="Text">The reply's own words (for an answer: what comes before the passage).</param>
/// <param name="Answer">The answering passage, for <see cref="ReplyKind.Answer"/>.</param>
/// <param name="Alternatives">Close runner-ups ("did you mean").</param>
/// <param name="Disclaimer">The medical disclaimer naming a neurologist, with answers and non-answers.</param>
/// <param name="Escalate">True when the user asks about their own health and must see a neurologist.</param>
/// <param name="FollowUps">Questions to suggest next.</param>
/// <param name="Score">Confidence of the best passage in [0, 1], when a search ran.</param>
/// <param name="RedFlag">The red flag found, for <see cref="ReplyKind.Emergency"/>.</param>
/// <param name="AlternativeQuestions">
/// For each of <paramref name="Alternatives"/>, a question a person would ask that it answers (an example question that
/// leads to it), or null when none does: "Did you mean" offers questions, never a cut sentence.
/// </param>
/// <param name="WholePassage">An answer the user asked to read whole ("Read the full paragraph", "tell me more"), not a search's answer.</param>
/// <param name="SmallTalk">The small talk recognised, for <see cref="ReplyKind.SmallTalk"/>.</param>
/// <param name="NumbersToCall">
/// For <see cref="ReplyKind.Emergency"/>, the numbers the reply asks the user to call, in the order to offer them: the
/// crisis line first for a crisis, then the emergency number; null for every other reply.
/// </param>
public sealed record BotReply(
    ReplyKind Kind,
    string Text,
    SearchHit? Answer,
    IReadOnlyList<SearchHit> Alternatives,
    string? Disclaimer,
    bool Escalate,
    IReadOnlyList<string> FollowUps,
    double? Score,
    RedFlag? RedFlag = null,
    SmallTalkKind? SmallTalk = null,
    bool WholePassage = false,
    IReadOnlyList<string?>? AlternativeQuestions = null,
    IReadOnlyList<NumberToCall>? NumbersToCall = null)
{
    /// <summary>Whether the reply offers to forward the question to health-line staff.</summary>
    public bool OffersHandoff => Kind == ReplyKind.NoAnswer || Escalate;
}

/// <summary>A telephone number an emergency reply asks the user to call, and whom it reaches.</summary>
/// <param name="Number">The number as people write it, e.g. <c>911</c> or <c>116 123</c>.</param>
/// <param name="Name">Whom it reaches, e.g. <c>emergency services</c> or <c>Samaritans</c>.</param>
public sealed record NumberToCall(string Number, string Name)
{
    /// <summary>The <c>tel:</c> link that dials it from a phone (<c>tel:116123</c>).</summary>
    public Uri TelUri => new("tel:" + Number.Replace(" ", string.Empty, StringComparison.Ordinal));
}

/// <summary>What the bot remembers of a conversation between turns.</summary>
/// <param name="LastPassageId">The passage of the last answer, for "tell me more".</param>
/// <param name="ShownPassageIds">Passages already shown, most recent last (bounded).</param>
/// <param name="PendingHandoff">A question the bot offered to forward to staff, waiting for the user's consent.</param>
/// <param name="EditingHandoff">Whether the user's next message is the question to forward.</param>
/// <param name="LastUnanswered">The last question the bot could not answer (what "Ask a question" forwards).</param>
/// <param name="PendingErase">Whether the user asked to delete their data and the bot is waiting for them to confirm.</param>
public sealed record ConversationState(
    string? LastPassageId,
    IReadOnlyList<string> ShownPassageIds,
    string? PendingHandoff = null,
    bool EditingHandoff = false,
    string? LastUnanswered = null,
    bool PendingErase = false)
{
    /// <summary>Most passage ids remembered.</summary>
    public const int MaxRemembered = 20;

    /// <summary>A new conversation.</summary>
    public static ConversationState Empty { get; } = new(null, []);

    /// <summary>The state after <paramref name="passageId"/> was shown.</summary>
    public ConversationState After(string passageId)
    {
        var shown = ShownPassageIds.Where(id => id != passageId).Append(passageId).TakeLast(MaxRemembered).ToList();
        return this with { LastPassageId = passageId, ShownPassageIds = shown };
    }
}

/// <summary>A reply and the conversation state after it.</summary>
/// <param name="Reply">What to say.</param>
/// <param name="State">What to remember.</param>
/// <param name="Action">Work the channel must do before replying (the policy does no I/O), which then decides the reply.</param>
public sealed record PolicyTurn(BotReply Reply, ConversationState State, HandoffAction? Action = null);

/// <summary>What a turn needs from storage: the "Ask a question" flow, and erasing a conversation.</summary>
public enum HandoffActionKind
{
    /// <summary>Store a ticket for <see cref="HandoffAction.Question"/>, then reply with its reference.</summary>
    CreateTicket,

    /// <summary>List the user's tickets.</summary>
    ListTickets,

    /// <summary>Delete everything kept of this conversation (state, references, answers, ratings, tickets, its log), then reply.</summary>
    EraseConversation,
}

/// <summary>A storage step of the "Ask a question" flow.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="Question">The question to forward, for <see cref="HandoffActionKind.CreateTicket"/>.</param>
public sealed record HandoffAction(HandoffActionKind Kind, string? Question = null);
