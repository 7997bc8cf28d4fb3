namespace DystoniaBot.Conversation.Handoff;

/// <summary>Why health-line staff closed a question without answering it.</summary>
public enum TicketCloseReason
{
    /// <summary>It is about the asker's own care, which their neurologist or care team should answer.</summary>
    CareTeam,

    /// <summary>It is not a question about dystonia.</summary>
    NotAboutDystonia,

    /// <summary>It repeats another question of the same asker.</summary>
    Duplicate,

    /// <summary>Spam or abuse: the asker is told nothing.</summary>
    Spam,
}

/// <summary>The codes close reasons have in storage, the API and the audit log.</summary>
public static class TicketCloseReasons
{
    /// <summary>Every reason, in the order staff are offered them.</summary>
    public static IReadOnlyList<TicketCloseReason> All { get; } =
        [TicketCloseReason.CareTeam, TicketCloseReason.NotAboutDystonia, TicketCloseReason.Duplicate, TicketCloseReason.Spam];

    /// <summary>The code of <paramref name="reason"/>: care-team, not-dystonia, duplicate or spam.</summary>
    public static string Code(TicketCloseReason reason) => reason switch
    {
        TicketCloseReason.CareTeam => "care-team",
        TicketCloseReason.NotAboutDystonia => "not-dystonia",
        TicketCloseReason.Duplicate => "duplicate",
        TicketCloseReason.Spam => "spam",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };

    /// <summary>The reason a code names (case and surrounding spaces ignored), or null.</summary>
    public static TicketCloseReason? FromCode(string? code)
    {
        var trimmed = code?.Trim();
        foreach (var reason in All)
        {
            if (string.Equals(Code(reason), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return reason;
            }
        }

        return null;
    }

    /// <summary>Whether the asker is sent a message saying the question was closed (everyone but spam is).</summary>
    public static bool TellsTheAsker(TicketCloseReason reason) => reason != TicketCloseReason.Spam;
}
