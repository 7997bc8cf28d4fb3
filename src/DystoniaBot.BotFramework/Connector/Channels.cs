namespace DystoniaBot.BotFramework.Connector;

/// <summary>Channel ids, as the SDK's <c>Microsoft.Bot.Connector.Channels</c> names them.</summary>
public static class Channels
{
    /// <summary>The Bot Framework Emulator.</summary>
    public const string Emulator = "emulator";

    /// <summary>Microsoft Teams.</summary>
    public const string Msteams = "msteams";

    /// <summary>Direct Line (ours is hosted in this process).</summary>
    public const string Directline = "directline";

    /// <summary>Web Chat over the Azure Bot Service's Direct Line.</summary>
    public const string Webchat = "webchat";
}
