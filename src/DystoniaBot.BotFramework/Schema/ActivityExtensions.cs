using System.Text.Json;

namespace DystoniaBot.BotFramework.Schema;

/// <summary>Helpers over incoming activities.</summary>
public static class ActivityExtensions
{
    /// <summary>
    /// The activity's text without the @mention of the bot itself (Teams puts <c>&lt;at&gt;Bot&lt;/at&gt;</c> in channel
    /// messages). The mention is found through its entity, whose <c>mentioned.id</c> is the recipient's id; its
    /// <c>text</c> is removed, or <c>&lt;at&gt;name&lt;/at&gt;</c> when it has none, in any case, as the SDK removes it.
    /// </summary>
    public static string RemoveRecipientMention(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? string.Empty;
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.Type != "mention" || entity.Properties is null
                || !entity.Properties.TryGetValue("mentioned", out var mentioned) || mentioned.ValueKind != JsonValueKind.Object
                || !mentioned.TryGetProperty("id", out var id) || id.GetString() != activity.Recipient?.Id)
            {
                continue;
            }

            var mentionText = entity.Properties.TryGetValue("text", out var written) && written.ValueKind == JsonValueKind.String
                ? written.GetString()
                : mentioned.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? $"<at>{name.GetString()}</at>" : null;
            if (!string.IsNullOrEmpty(mentionText))
            {
                text = text.Replace(mentionText, string.Empty, StringComparison.OrdinalIgnoreCase);
            }
        }

        return text.Trim();
    }
}
