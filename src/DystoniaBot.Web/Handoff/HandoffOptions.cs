using System.ComponentModel.DataAnnotations;

namespace DystoniaBot.Web.Handoff;

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
}
