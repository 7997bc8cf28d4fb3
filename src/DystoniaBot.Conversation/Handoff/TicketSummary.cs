namespace DystoniaBot.Conversation.Handoff;

/// <summary>Where a forwarded question stands.</summary>
public enum TicketStatus
{
    /// <summary>Waiting for health-line staff.</summary>
    Open,

    /// <summary>Staff answered (delivered or on its way).</summary>
    Answered,

    /// <summary>Closed by staff without an answer in the chat.</summary>
    Closed,
}

/// <summary>A forwarded question as its asker sees it.</summary>
/// <param name="Reference">The reference the user was given.</param>
/// <param name="Question">The question as sent.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="CreatedAt">When it was sent.</param>
/// <param name="CloseReason">Why staff closed it, when they did.</param>
public sealed record TicketSummary(string Reference, string Question, TicketStatus Status, DateTimeOffset CreatedAt, TicketCloseReason? CloseReason = null);
