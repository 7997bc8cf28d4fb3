using DystoniaBot.BotFramework.Builder;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.Conversation.Policy;
using DystoniaBot.Conversation.Rendering;
using DystoniaBot.DirectLine;
using DystoniaBot.Handoff;

namespace DystoniaBot.Web.Bots;

/// <summary>
/// A staff answer as the bot writes it: the policy's words in Markdown, and a card asking whether it helped; or, for a
/// question closed without an answer, the policy's message saying so, why, and what to do next.
/// </summary>
internal sealed class StaffAnswerMessages(ConversationPolicy policy) : IStaffAnswerMessages
{
    /// <inheritdoc />
    public Activity Create(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.Status == Conversation.Handoff.TicketStatus.Closed)
        {
            // Only a close that tells the asker is ever queued for delivery; spam is closed in silence.
            var closed = policy.TicketClosed(ticket.Reference, ticket.Question, ticket.CloseReason ?? Conversation.Handoff.TicketCloseReason.NotAboutDystonia, ticket.CloseNote, ticket.Locale);
            return ReplyActivities.From(closed, oneToOne: true) with
            {
                ChannelData = ticket.ChannelId == DirectLineChannel.ChannelId ? ReplyActivities.PageEvent("questionClosed", ticket.Reference) : null,
            };
        }

        var reply = ConversationPolicy.StaffAnswer(ticket.Reference, ticket.Question, ticket.Answer ?? string.Empty);
        return MessageFactory.Text(MarkdownRenderer.Render(reply)) with
        {
            Attachments = [AnswerCard.ForStaffAnswer(ticket.Reference, ticket.Question)],

            // For the bot's page: "an answer arrived while you were away" when the visitor comes back to it.
            ChannelData = ticket.ChannelId == DirectLineChannel.ChannelId ? ReplyActivities.PageEvent("staffAnswer", ticket.Reference) : null,
        };
    }
}
