using System.Text.Json;
using System.Text.Json.Serialization;

namespace DystoniaBot.BotFramework.Schema;

/// <summary>The one set of JSON options for the wire protocol: camelCase names, nulls omitted, unknown fields kept.</summary>
public static class ProtocolJson
{
    /// <summary>Options for reading and writing activities.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Deeply nested hostile JSON fails fast with a JsonException (a 400), not a stack overflow.
        MaxDepth = 32,
    };
}
