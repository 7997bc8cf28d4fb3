using System.Text.Json;

namespace DystoniaBot.BotFramework.Schema;

/// <summary>Helpers over incoming activities.</summary>
public static class ActivityExtensions
{
    /// <summary>
    /// The activity's text without the @mention of the bot itself (Teams puts <c>&lt;at&gt;Bot&lt;/at&gt;</c> in channel
    /// messages). The mention is found through its entity, whose <c>mentioned.id</c> is the recipient's id.
    /// </summary>
    public static string RemoveRecipientMention(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? string.Empty;
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.Type != "mention" || entity.Properties is null
                || !entity.Properties.TryGetValue("mentioned", out var mentioned) || mentioned.ValueKind != JsonValueKind.Object
                || !mentioned.TryGetProperty("id", out var id) || id.GetString() != activity.Recipient?.Id
                || !entity.Properties.TryGetValue("text", out var mentionText) || mentionText.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            text = text.Replace(mentionText.GetString()!, string.Empty, StringComparison.Ordinal);
        }

        return text.Trim();
    }
}
