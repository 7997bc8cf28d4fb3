using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DystoniaBot.BotFramework.Conformance.Tests;

/// <summary>Where two JSON documents differ, as paths: what a round trip lost, added or changed.</summary>
internal static class JsonDifferences
{
    // Timestamps are equal when they name the same instant with the same offset, however the fraction is written.
    private static readonly HashSet<string> TimestampFields = ["timestamp", "localTimestamp", "expiration"];

    public static IReadOnlyList<string> Between(JsonNode? expected, JsonNode? actual)
    {
        var differences = new List<string>();
        Compare("$", null, expected, actual, differences);
        return differences;
    }

    /// <summary>Fails with every difference listed.</summary>
    public static void AssertSame(JsonNode? expected, JsonNode? actual)
    {
        var differences = Between(expected, actual);
        Assert.True(differences.Count == 0, $"The JSON differs at {string.Join("; ", differences)}\nexpected: {expected?.ToJsonString()}\nactual: {actual?.ToJsonString()}");
    }

    private static void Compare(string path, string? name, JsonNode? expected, JsonNode? actual, List<string> differences)
    {
        switch (expected, actual)
        {
            case (null, null):
                return;
            case (JsonObject a, JsonObject b):
                foreach (var (key, value) in a)
                {
                    if (!b.ContainsKey(key))
                    {
                        differences.Add($"{path}.{key} lost");
                        continue;
                    }

                    Compare($"{path}.{key}", key, value, b[key], differences);
                }

                differences.AddRange(b.Where(p => !a.ContainsKey(p.Key)).Select(p => $"{path}.{p.Key} added"));
                return;
            case (JsonArray a, JsonArray b):
                if (a.Count != b.Count)
                {
                    differences.Add($"{path} has {b.Count} items instead of {a.Count}");
                    return;
                }

                for (var i = 0; i < a.Count; i++)
                {
                    Compare($"{path}[{i}]", null, a[i], b[i], differences);
                }

                return;
            case (JsonValue a, JsonValue b) when name is not null && TimestampFields.Contains(name)
                && a.TryGetValue<string>(out var x) && b.TryGetValue<string>(out var y):
                if (!DateTimeOffset.TryParse(x, CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
                    || !DateTimeOffset.TryParse(y, CultureInfo.InvariantCulture, DateTimeStyles.None, out var second)
                    || first != second || first.Offset != second.Offset)
                {
                    differences.Add($"{path} is {y} instead of {x}");
                }

                return;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                {
                    differences.Add($"{path} is {actual?.ToJsonString() ?? "null"} instead of {expected?.ToJsonString() ?? "null"}");
                }

                return;
        }
    }

    /// <summary>Parses <paramref name="json"/> (a JSON element's text, for one).</summary>
    public static JsonNode Parse(JsonElement json) => JsonNode.Parse(json.GetRawText())!;
}
