using DystoniaBot.BotFramework.Schema;

namespace DystoniaBot.Handoff;

/// <summary>
/// Writes the message that brings a staff answer into the asker's chat. The bot owns how its messages look (text,
/// cards, feedback buttons); delivery only addresses the message and sends it.
/// </summary>
public interface IStaffAnswerMessages
{
    /// <summary>
    /// The message carrying <paramref name="ticket"/>'s answer, or, for a ticket closed without one, the message saying
    /// so and why; delivery sets its id and addresses it.
    /// </summary>
    Activity Create(Ticket ticket);
}
