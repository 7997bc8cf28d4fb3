using DystoniaBot.BotFramework.Schema;
using DystoniaBot.BotFramework.Serialization;

namespace DystoniaBot.BotFramework.Builder;

/// <summary>Builds outgoing message activities.</summary>
public static class MessageFactory
{
    /// <summary>A text message (Markdown by default).</summary>
    public static Activity Text(string text, string textFormat = TextFormatTypes.Markdown) =>
        new() { Type = ActivityTypes.Message, Text = text, TextFormat = textFormat };

    /// <summary>A text message with buttons to tap (imBack: the button's text is sent as the user's message).</summary>
    public static Activity SuggestedActions(IEnumerable<string> actions, string text) =>
        Text(text) with
        {
            SuggestedActions = new SuggestedActions
            {
                Actions = actions.Select(a => new CardAction
                {
                    Type = ActionTypes.ImBack,
                    Title = a,
                    Value = System.Text.Json.JsonSerializer.SerializeToElement(a, ProtocolJson.Options),
                }).ToList(),
            },
        };

    /// <summary>A typing indicator.</summary>
    public static Activity Typing() => new() { Type = ActivityTypes.Typing };
}
