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

    /// <summary>
    /// The reply when the chat already has <paramref name="max"/> questions waiting for staff: nothing was sent; they
    /// can send another once one is answered.
    /// </summary>
    public BotReply TooManyOpenTickets(int max, string? locale) => HandoffReply(
        $"You already have {max} questions waiting for our health-line staff, so I haven't sent this one. They will answer here, in this chat; " +
        "once one of them is answered you can send another. Type \"my questions\" to see them. " +
        $"In an emergency, don't wait: call {_options.ContactsFor(locale).EmergencyNumber}.", [HandoffDetector.MyQuestionsButton]);

    /// <summary>The reply when the asker sent <paramref name="max"/> questions in the last day: nothing was sent; try again tomorrow.</summary>
    public BotReply TooManyTicketsToday(int max, string? locale) => HandoffReply(
        $"You have sent {max} questions to our health-line staff in the last day, which is as many as we can take from one person, so I haven't sent this one. " +
        "Please send it again tomorrow; the answers to the others will come here, in this chat. " +
        $"In an emergency, don't wait: call {_options.ContactsFor(locale).EmergencyNumber}.", [HandoffDetector.MyQuestionsButton]);

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
            TicketStatus.Closed => t.CloseReason switch
            {
                TicketCloseReason.CareTeam => "closed: best answered by your neurologist or care team",
                TicketCloseReason.NotAboutDystonia => "closed: not a question about dystonia",
                TicketCloseReason.Duplicate => "closed: the same as another of your questions",
                _ => "closed",
            },
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

    /// <summary>
    /// The message telling an asker that staff closed their question without answering it: that it was closed, why
    /// in plain words, and what to do next (a neurologist; the emergency number for their locale; asking again).
    /// </summary>
    /// <param name="reference">The question's reference.</param>
    /// <param name="question">The question as sent.</param>
    /// <param name="reason">Why it was closed (never spam: spam is closed in silence).</param>
    /// <param name="note">A few words staff added for the asker, if any.</param>
    /// <param name="locale">The asker's locale, for the emergency numbers.</param>
    public BotReply TicketClosed(string reference, string question, TicketCloseReason reason, string? note, string? locale)
    {
        ArgumentNullException.ThrowIfNull(question);
        var why = reason switch
        {
            TicketCloseReason.CareTeam => "it is about your own care, and your neurologist or care team knows your situation and can answer it safely, which we can't from here.",
            TicketCloseReason.NotAboutDystonia => "it isn't a question about dystonia, and dystonia is what our health line can help with.",
            TicketCloseReason.Duplicate => "it is the same as another question you sent us, and the answer to that one will come (or has come) here in this chat.",
            _ => throw new ArgumentOutOfRangeException(nameof(reason), "Spam is closed without a message."),
        };
        var contacts = _options.ContactsFor(locale);
        var text = $"**About your question** {Quote(question)} ({reference}): our health-line staff have closed it without a written answer, because {why}";
        if (!string.IsNullOrWhiteSpace(note))
        {
            text += $"\n\nA note from our staff: {MarkdownText.Escape(note.Trim())}";
        }

        text += "\n\nWhat you can do next:\n" +
            "- For advice about your own health, please see a neurologist (or your family doctor, who can refer you).\n" +
            $"- In an emergency, call {contacts.EmergencyNumber} now" +
            (contacts.CrisisLine is null ? "." : $"; if you are thinking of harming yourself, call {contacts.CrisisLine}.") + "\n" +
            $"- You are welcome to ask us again: type \"{HandoffDetector.AskButton}\".";
        return HandoffReply(text, [HandoffDetector.AskButton]);
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
