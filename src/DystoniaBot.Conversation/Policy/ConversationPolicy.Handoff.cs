using DystoniaBot.Conversation.Handoff;
using DystoniaBot.Conversation.Markdown;
using DystoniaBot.Conversation.Rendering;

namespace DystoniaBot.Conversation.Policy;

// "Ask a question": what the bot can't answer goes to health-line staff, with the user's consent, and their answer
// comes back into the same chat. The policy decides the words and the steps; the channel stores the ticket.
public sealed partial class ConversationPolicy
{
    /// <summary>Longest question forwarded to staff, in characters.</summary>
    public const int MaxHandoffLength = 2000;

    /// <summary>The reply once the ticket is stored: its reference and what happens next.</summary>
    public static BotReply TicketCreated(string reference, bool onTheWebPage = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        return HandoffReply(onTheWebPage ? ReplyTexts.HandoffSentOnTheWebPage(reference) : ReplyTexts.HandoffSent(reference), [HandoffDetector.MyQuestionsButton]);
    }

    /// <summary>The reply when the ticket could not be stored: nothing was sent, try again.</summary>
    public static BotReply TicketUnavailable() => HandoffReply(ReplyTexts.HandoffUnavailable, []);

    /// <summary>The reply when the user's questions could not be read: the records are unreachable, try again later.</summary>
    public static BotReply TicketListUnavailable() => HandoffReply(ReplyTexts.RecordsUnavailable, []);

    /// <summary>The user's questions and where each stands, newest first.</summary>
    public static BotReply TicketList(IReadOnlyList<TicketSummary> tickets)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        if (tickets.Count == 0)
        {
            return HandoffReply(ReplyTexts.NoTickets, [HandoffDetector.AskButton]);
        }

        var lines = tickets.Select(t => $"- **{t.Reference}** ({t.CreatedAt:d MMM yyyy}): {Quote(t.Question)} — " + t.Status switch
        {
            TicketStatus.Answered => "answered (see the answer in this chat)",
            TicketStatus.Closed => "closed",
            _ => "waiting for an answer",
        });
        return HandoffReply("Your questions to our health-line staff:\n\n" + string.Join("\n", lines), []);
    }

    /// <summary>A staff answer to deliver into the asker's chat, marked as coming from health-line staff.</summary>
    public static BotReply StaffAnswer(string reference, string question, string answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answer);
        var text = $"**Answer from our health-line staff** to your question {Quote(question)} ({reference}):\n\n{MarkdownText.EscapeKeepingLists(answer.Trim())}";
        return new BotReply(ReplyKind.Handoff, text, null, [], ReplyTexts.Disclaimer, false, [], null);
    }

    /// <summary>The step of the flow <paramref name="text"/> is, or null when it isn't one.</summary>
    private PolicyTurn? HandoffStep(string text, string? locale, ConversationState state)
    {
        var intent = HandoffDetector.Detect(text, awaitingConsent: state.PendingHandoff is not null);
        if (state.EditingHandoff)
        {
            // The message is the question, as the user wants it sent — unless they gave up.
            var done = state with { EditingHandoff = false };
            return intent == HandoffIntent.Cancel || HandoffDetector.Detect(text, awaitingConsent: true) == HandoffIntent.Cancel
                ? new PolicyTurn(HandoffReply(ReplyTexts.HandoffCancelled, []), done)
                : Confirm(text.Trim(), locale, done);
        }

        switch (intent)
        {
            case HandoffIntent.Consent:
                return new PolicyTurn(HandoffReply(string.Empty, []), state with { PendingHandoff = null },
                    new HandoffAction(HandoffActionKind.CreateTicket, state.PendingHandoff));
            case HandoffIntent.Edit:
                return new PolicyTurn(HandoffReply(ReplyTexts.HandoffPrompt, [HandoffDetector.CancelButton]), state with { PendingHandoff = null, EditingHandoff = true });
            case HandoffIntent.Cancel:
                return new PolicyTurn(HandoffReply(ReplyTexts.HandoffCancelled, []), state with { PendingHandoff = null });
            case HandoffIntent.MyQuestions:
                return new PolicyTurn(HandoffReply(string.Empty, []), state, new HandoffAction(HandoffActionKind.ListTickets));
            case HandoffIntent.Ask:
                var question = HandoffDetector.InlineQuestion(text) ?? state.LastUnanswered;
                return question is null
                    ? new PolicyTurn(HandoffReply(ReplyTexts.HandoffPrompt, [HandoffDetector.CancelButton]), state with { PendingHandoff = null, EditingHandoff = true })
                    : Confirm(question, locale, state);
            default:
                return null;
        }
    }

    private PolicyTurn Confirm(string question, string? locale, ConversationState state)
    {
        var trimmed = question.Length > MaxHandoffLength ? question[..MaxHandoffLength] : question;
        var reply = HandoffReply(ReplyTexts.HandoffConfirm(trimmed, _options.ContactsFor(locale)),
            [HandoffDetector.SendButton, HandoffDetector.EditButton, HandoffDetector.CancelButton]);
        return new PolicyTurn(reply, state with { PendingHandoff = trimmed, EditingHandoff = false });
    }

    private static BotReply HandoffReply(string text, IReadOnlyList<string> followUps) =>
        new(ReplyKind.Handoff, text, null, [], null, false, followUps, null);

    private static string Quote(string question) =>
        "«" + MarkdownText.Escape((question.Length > 120 ? question[..117] + "…" : question).Replace("\n", " ", StringComparison.Ordinal)) + "»";
}
