using System.Text.Json;
using System.Text.Json.Nodes;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.BotFramework.Serialization;
using DystoniaBot.Handoff;

namespace DystoniaBot.Storage;

/// <summary>
/// A stored reference as one JSON object: the protocol's reference (without the activity it came with, which a later
/// message must not reply to) and, only when true, whether it came from a request without a token. Rows written
/// before that mark existed read as vouched for, as they were then.
/// </summary>
internal static class ReferenceJson
{
    private const string AnonymousField = "fromAnonymousRequest";

    public static string Write(StoredConversationReference stored)
    {
        var json = JsonSerializer.SerializeToNode(stored.Reference with { ActivityId = null }, ProtocolJson.Options)!.AsObject();
        if (stored.FromAnonymousRequest)
        {
            json[AnonymousField] = true;
        }

        return json.ToJsonString();
    }

    public static StoredConversationReference Read(string text)
    {
        var json = JsonNode.Parse(text)!.AsObject();
        var anonymous = json.Remove(AnonymousField, out var mark) && mark?.GetValue<bool>() == true;
        return new StoredConversationReference(json.Deserialize<ConversationReference>(ProtocolJson.Options)!, anonymous);
    }
}
