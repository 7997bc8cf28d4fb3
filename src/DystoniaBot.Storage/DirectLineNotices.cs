using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.BotFramework.Serialization;

namespace DystoniaBot.Storage;

/// <summary>
/// What PostgreSQL carries between the processes sharing it, on one channel: when a Direct Line activity is stored, the
/// conversation id and the activity's sequence number (the stored activity's id), never its content; for typing, which
/// is never stored, a JSON object with the sending process, the conversation and who is typing (never any text).
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

    /// <summary>The payload passing on <paramref name="typing"/> in <paramref name="conversationId"/>, sent by process <paramref name="origin"/>.</summary>
    public static string FormatTyping(string origin, string conversationId, Activity typing) =>
        JsonSerializer.Serialize(new TypingNotice(origin, conversationId, typing), ProtocolJson.Options);

    /// <summary>Reads a payload made by <see cref="FormatTyping"/>; false for anything else.</summary>
    public static bool TryParseTyping(string? payload, out string origin, out string conversationId, [NotNullWhen(true)] out Activity? typing)
    {
        (origin, conversationId, typing) = (string.Empty, string.Empty, null);
        if (payload is null || !payload.StartsWith('{'))
        {
            return false;
        }

        try
        {
            if (JsonSerializer.Deserialize<TypingNotice>(payload, ProtocolJson.Options) is { Origin.Length: > 0, Conversation.Length: > 0, Typing.Type: ActivityTypes.Typing } notice)
            {
                (origin, conversationId, typing) = (notice.Origin, notice.Conversation, notice.Typing);
                return true;
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }

    private sealed record TypingNotice(string Origin, string Conversation, Activity Typing);
}
