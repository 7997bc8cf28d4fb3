using System.Globalization;

namespace DystoniaBot.Web.State;

/// <summary>
/// What PostgreSQL carries between the processes sharing it when a Direct Line activity is stored: on one channel, the
/// conversation id and the activity's sequence number (the stored activity's id), never its content.
/// </summary>
public static class DirectLineNotices
{
    /// <summary>The NOTIFY channel.</summary>
    public const string Channel = "dystoniabot_directline";

    /// <summary>The payload announcing activity <paramref name="sequence"/> of <paramref name="conversationId"/>.</summary>
    public static string Format(string conversationId, long sequence) => StoredActivities.IdFor(conversationId, sequence);

    /// <summary>Reads a payload made by <see cref="Format"/>; false for anything else.</summary>
    public static bool TryParse(string? payload, out string conversationId, out long sequence)
    {
        var separator = payload?.LastIndexOf('|') ?? -1;
        if (payload is not null && separator > 0
            && long.TryParse(payload.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out sequence) && sequence > 0)
        {
            conversationId = payload[..separator];
            return true;
        }

        conversationId = string.Empty;
        sequence = 0;
        return false;
    }
}
