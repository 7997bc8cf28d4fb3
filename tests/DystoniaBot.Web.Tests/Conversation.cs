using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DystoniaBot.Web.Tests;

/// <summary>One Emulator conversation over /api/messages, replies expected in the response.</summary>
internal sealed class Conversation(HttpClient client)
{
    private readonly string _id = "conv-" + Guid.NewGuid();
    private int _sent;

    /// <summary>Sends <paramref name="text"/>; returns the last reply's text.</summary>
    public async Task<string> AskAsync(string text) => (await SayAsync(text))[^1];

    /// <summary>Sends <paramref name="text"/>; returns the replies' texts.</summary>
    public Task<string[]> SayAsync(string text) => PostAsync(text, null);

    /// <summary>Sends a card's button press carrying <paramref name="value"/>; returns the replies' texts.</summary>
    public Task<string[]> ClickAsync(object value) => PostAsync(null, value);

    private async Task<string[]> PostAsync(string? text, object? value)
    {
        var response = await client.PostAsJsonAsync("/api/messages", new
        {
            type = "message",
            id = "act-" + ++_sent,
            channelId = "emulator",
            serviceUrl = "http://127.0.0.1:9",
            from = new { id = "user-1", name = "User" },
            recipient = new { id = "bot-1", name = "DystoniaBot" },
            conversation = new { id = _id },
            text,
            value,
            locale = "en-US",
            deliveryMode = "expectReplies",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("activities").EnumerateArray().Select(a => a.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "")];
    }
}
