namespace DystoniaBot.BotFramework.Schema;

/// <summary>Activity types this bot uses; the set is open, so these are strings, not an enum.</summary>
public static class ActivityTypes
{
    /// <summary>A message.</summary>
    public const string Message = "message";

    /// <summary>Members joined or left.</summary>
    public const string ConversationUpdate = "conversationUpdate";

    /// <summary>A typing indicator.</summary>
    public const string Typing = "typing";

    /// <summary>A synchronous request (card actions, Teams extensions).</summary>
    public const string Invoke = "invoke";

    /// <summary>An event.</summary>
    public const string Event = "event";
}

/// <summary>Button action types.</summary>
public static class ActionTypes
{
    /// <summary>Sends its value as a message from the user.</summary>
    public const string ImBack = "imBack";

    /// <summary>Sends a message with hidden value and visible text.</summary>
    public const string MessageBack = "messageBack";

    /// <summary>Opens a link.</summary>
    public const string OpenUrl = "openUrl";
}

/// <summary>How the channel wants replies delivered.</summary>
public static class DeliveryModes
{
    /// <summary>Replies are sent to the channel's service URL.</summary>
    public const string Normal = "normal";

    /// <summary>Replies come back in the HTTP response body.</summary>
    public const string ExpectReplies = "expectReplies";
}

/// <summary>Text formats.</summary>
public static class TextFormatTypes
{
    /// <summary>Markdown.</summary>
    public const string Markdown = "markdown";

    /// <summary>Plain text.</summary>
    public const string Plain = "plain";
}
