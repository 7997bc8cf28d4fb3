using System.ComponentModel.DataAnnotations;

namespace DystoniaBot.Handoff;

/// <summary>The "Ask a question" flow (section <c>Handoff</c>).</summary>
public sealed class HandoffOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Handoff";

    /// <summary>Days a ticket (question, answer) is kept after it was sent.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 90;

    /// <summary>Longest staff answer, in characters.</summary>
    [Range(1, 20_000)]
    public int MaxAnswerLength { get; set; } = 4000;

    /// <summary>Most open questions one chat may have waiting for staff; past it the asker is asked to wait for an answer.</summary>
    [Range(1, 100)]
    public int MaxOpenTicketsPerConversation { get; set; } = 3;

    /// <summary>Most questions one asker (a visitor's address on our Direct Line, a user id elsewhere) may send in 24 hours.</summary>
    [Range(1, 1000)]
    public int MaxTicketsPerAskerPerDay { get; set; } = 10;

    /// <summary>
    /// How long an instance holds a staff answer it is delivering: longer than one delivery can take (the Connector
    /// client's tries and timeouts), short enough that an answer whose instance died is tried again soon.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DeliveryLease { get; set; } = TimeSpan.FromMinutes(2);
}
