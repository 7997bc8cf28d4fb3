using System.Text.Json;
using System.Text.RegularExpressions;
using DystoniaBot.BotFramework.Schema;

namespace DystoniaBot.DirectLine;

/// <summary>
/// What of a visitor's posted activity is kept: the fields the bot reads and Web Chat needs back, each bounded.
/// Anything else a client puts in an activity (entities, arbitrary channel data, summaries) is dropped, so a
/// visitor's activity takes a few kilobytes on disk whatever it carries.
/// </summary>
public static partial class VisitorActivity
{
    /// <summary>Largest <c>value</c> kept (a card's submitted fields), in bytes of JSON.</summary>
    public const int MaxValueBytes = 4096;

    private const int MaxNameLength = 100;
    private const int MaxClientActivityIdLength = 100;

    [GeneratedRegex("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex LocaleTag();

    /// <summary>The activity as it will be kept, or why it is refused.</summary>
    public static (Activity? Activity, DirectLineError? Refusal) Keep(Activity posted)
    {
        ArgumentNullException.ThrowIfNull(posted);
        if (posted.Value is { } value && JsonSerializer.SerializeToUtf8Bytes(value).Length > MaxValueBytes)
        {
            return (null, new DirectLineError(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"An activity's value can be at most {MaxValueBytes} bytes."));
        }

        return (new Activity
        {
            Type = posted.Type,
            Text = posted.Text,
            TextFormat = posted.TextFormat is "plain" or "markdown" or "xml" ? posted.TextFormat : null,
            Locale = posted.Locale is { Length: <= 35 } locale && LocaleTag().IsMatch(locale) ? locale : null,
            LocalTimestamp = posted.LocalTimestamp,
            Name = posted.Name is { } name && name.Length > MaxNameLength ? name[..MaxNameLength] : posted.Name,
            Value = posted.Value,
            ChannelData = ClientActivityId(posted.ChannelData),
            From = posted.From,
        }, null);
    }

    /// <summary>Web Chat matches its sent message to the stored one by <c>channelData.clientActivityID</c>; nothing else of channel data is kept.</summary>
    private static JsonElement? ClientActivityId(JsonElement? channelData)
    {
        if (channelData is not { ValueKind: JsonValueKind.Object } data
            || !data.TryGetProperty("clientActivityID", out var id) || id.ValueKind != JsonValueKind.String
            || id.GetString() is not { Length: > 0 and <= MaxClientActivityIdLength } clientActivityId)
        {
            return null;
        }

        return JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["clientActivityID"] = clientActivityId });
    }
}
