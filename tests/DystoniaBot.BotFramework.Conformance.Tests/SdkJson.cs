using System.Text.Json.Nodes;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Newtonsoft.Json;

namespace DystoniaBot.BotFramework.Conformance.Tests;

/// <summary>JSON as the SDK reads and writes it: the serializer its CloudAdapter uses for requests and responses.</summary>
internal static class SdkJson
{
    public static T Read<T>(string json) =>
        JsonConvert.DeserializeObject<T>(json, HttpHelper.BotMessageSerializerSettings) ?? throw new InvalidOperationException("The SDK read null from " + json);

    public static string Write(object value) => JsonConvert.SerializeObject(value, HttpHelper.BotMessageSerializerSettings);

    public static JsonNode Node(object value) => JsonNode.Parse(Write(value))!;
}
