using System.Text;
using System.Text.Json.Nodes;

namespace DystoniaBot.Web.Tests.BadInput;

/// <summary>One hostile request body: what it is (for the failure message) and its bytes.</summary>
public sealed record HostileBody(string Name, byte[] Bytes)
{
    public static HostileBody Text(string name, string body) => new(name, Encoding.UTF8.GetBytes(body));

    public override string ToString() => Name;
}

/// <summary>
/// Generates hostile variants of a well-formed activity: malformed and truncated JSON, every member given every wrong
/// type, deep nesting, huge strings and arrays, invalid UTF-8, control characters, unknown activity types, path-like
/// ids and script or Markdown in text. Built from the activity each endpoint expects, so the same mutations reach
/// /api/messages, Direct Line and the staff API.
/// </summary>
public static class HostileInputCorpus
{
    private static readonly JsonNode?[] WrongValues =
    [
        null, JsonValue.Create(0), JsonValue.Create(-1), JsonValue.Create(1e308), JsonValue.Create(true), JsonValue.Create(string.Empty),
        JsonValue.Create("x"), new JsonArray(), new JsonArray(JsonValue.Create(1), null), new JsonObject(), new JsonObject { ["id"] = new JsonArray() },
    ];

    private static readonly string[] HostileStrings =
    [
        "<script>alert(1)</script>", "[click](javascript:alert(1))", "![x](http://127.0.0.1:1/pixel.png)", "**bold** _it_ `code` # heading",
        "../../../../etc/passwd", "..%2f..%2fetc%2fpasswd", "a/b?c=d#e", "\0\u0001\u0002\u001b[31m\u007f", "\ud83d\ude00 \u202e\u2066 ᚠ 漢字",
        "' OR 1=1; DROP TABLE tickets; --", "${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "%s%s%s%n", new string('a', 5000), "   ", "\r\n\r\n",
    ];

    /// <summary>The variants of <paramref name="valid"/>; <paramref name="textMember"/> gets the hostile strings.</summary>
    public static IEnumerable<HostileBody> Variants(JsonObject valid, string textMember)
    {
        ArgumentNullException.ThrowIfNull(valid);
        var json = valid.ToJsonString();
        foreach (var malformed in new[] { string.Empty, " ", "{", "}", "[", "[]", "null", "true", "0", "\"text\"", "{\"type\":", "{\"type\" \"message\"}", "{'type':'message'}", "{\"type\":\"message\",}", "\uFEFF{}" })
        {
            yield return HostileBody.Text($"malformed {malformed}", malformed);
        }

        for (var length = 1; length < json.Length; length += Math.Max(1, json.Length / 25))
        {
            yield return HostileBody.Text($"truncated at {length}", json[..length]);
        }

        foreach (var member in valid.Select(p => p.Key).ToList())
        {
            for (var i = 0; i < WrongValues.Length; i++)
            {
                var mutated = valid.DeepClone().AsObject();
                mutated[member] = WrongValues[i]?.DeepClone();
                yield return new($"{member} = {WrongValues[i]?.ToJsonString() ?? "null"}", Encoding.UTF8.GetBytes(mutated.ToJsonString()));
            }
        }

        foreach (var hostile in HostileStrings)
        {
            yield return With(valid, textMember, JsonValue.Create(hostile), $"{textMember} hostile string #{Array.IndexOf(HostileStrings, hostile)}");
        }

        yield return With(valid, textMember, JsonValue.Create(new string('x', 300_000)), "huge text");
        yield return With(valid, "entities", new JsonArray([.. Enumerable.Range(0, 20_000).Select(_ => (JsonNode)new JsonObject { ["type"] = "x" })]), "huge array");
        yield return HostileBody.Text("deeply nested arrays", json.TrimEnd('}') + ",\"value\":" + new string('[', 100_000) + new string(']', 100_000) + "}");
        yield return HostileBody.Text("deeply nested objects", json.TrimEnd('}') + ",\"channelData\":" + string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5000) + "}");
        yield return HostileBody.Text("duplicate members", json.TrimEnd('}') + ",\"type\":\"message\",\"type\":\"invoke\"}");
        yield return new("invalid UTF-8", [.. Encoding.UTF8.GetBytes(json[..^1] + ",\"x\":\""), 0xff, 0xfe, 0xc3, 0x28, .. "\"}"u8.ToArray()]);
        yield return HostileBody.Text("lone surrogate escape", json[..^1] + ",\"x\":\"\\ud800\"}");
        yield return HostileBody.Text("raw control characters in a string", json[..^1] + ",\"x\":\"a\u0001\u0000b\"}");
        foreach (var type in new[] { "fooBar", string.Empty, "invoke", "event", "messageReaction", "installationUpdate", "endOfConversation", "typing", "MESSAGE" })
        {
            yield return With(valid, "type", JsonValue.Create(type), $"type {type}");
        }
    }

    private static HostileBody With(JsonObject valid, string member, JsonNode? value, string name)
    {
        var mutated = valid.DeepClone().AsObject();
        mutated[member] = value;
        return new(name, Encoding.UTF8.GetBytes(mutated.ToJsonString()));
    }
}
