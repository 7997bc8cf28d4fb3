using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.BotFramework.Schema.Teams;

namespace DystoniaBot.BotFramework.Serialization;

/// <summary>The one set of JSON options for the wire protocol: camelCase names, nulls omitted, unknown fields kept.</summary>
public static class ProtocolJson
{
    /// <summary>
    /// Options for reading and writing activities. The protocol's own types use generated serializers (every turn
    /// reads one activity and writes its replies: reflection-built ones cost CPU and start-up JIT); any other type
    /// falls back to reflection.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Deeply nested hostile JSON fails fast with a JsonException (a 400), not a stack overflow.
        MaxDepth = 32,
        TypeInfoResolver = JsonTypeInfoResolver.Combine(ProtocolJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };
}

/// <summary>Generated serializers for the protocol's types, with the same settings as <see cref="ProtocolJson.Options"/>.</summary>
/// <remarks>Generated code can't fill an init-only extension-data property, so the schema's <c>Properties</c> (the
/// unknown fields kept for the round trip) have setters.</remarks>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, MaxDepth = 32)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ExpectedReplies))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(CardAction))]
[JsonSerializable(typeof(MessagingExtensionQuery))]
[JsonSerializable(typeof(MessagingExtensionResponse))]
[JsonSerializable(typeof(RawJson))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;
