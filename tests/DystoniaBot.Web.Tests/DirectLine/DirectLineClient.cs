using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;

namespace DystoniaBot.Web.Tests.DirectLine;

/// <summary>What a Direct Line client does, over real HTTP against the host: one visitor's conversation.</summary>
public sealed class DirectLineClient
{
    private readonly HttpClient _http;

    private DirectLineClient(HttpClient http, string token, string conversationId, string userId)
    {
        _http = http;
        Token = token;
        ConversationId = conversationId;
        UserId = userId;
    }

    public string Token { get; set; }

    /// <summary>The same visitor talking to another host (a restarted one, or another replica).</summary>
    public DirectLineClient On(HttpClient http) => new(http, Token, ConversationId, UserId);

    public string ConversationId { get; }

    public string UserId { get; }

    /// <summary>The resume secret the page's endpoint gave with a new conversation (null otherwise).</summary>
    public string? Resume { get; private init; }

    /// <summary>Gets a visitor token from the page's endpoint, as the page does.</summary>
    public static async Task<DirectLineClient> VisitAsync(HttpClient http)
    {
        using var response = await http.PostAsync(new Uri("/api/directline/token", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new DirectLineClient(http, body.GetProperty("token").GetString()!, body.GetProperty("conversationId").GetString()!, body.GetProperty("userId").GetString()!)
        {
            Resume = body.TryGetProperty("resume", out var resume) ? resume.GetString() : null,
        };
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? token = null)
    {
        var request = new HttpRequestMessage(method, new Uri("/v3/directline/" + path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body);
        }

        return _http.SendAsync(request);
    }

    /// <summary>POST /conversations with the token (starts it, which queues the welcome).</summary>
    public async Task<JsonElement> StartAsync()
    {
        using var response = await SendAsync(HttpMethod.Post, "conversations");
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"start answered {response.StatusCode}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Posts a message as Web Chat does (with a client activity id); returns the id the service gave it.</summary>
    public async Task<string> SayAsync(string text, string? clientActivityId = null, JsonElement? value = null)
    {
        using var response = await SendAsync(HttpMethod.Post, $"conversations/{ConversationId}/activities", new
        {
            type = "message",
            text,
            from = new { id = UserId, name = "Visitor" },
            locale = "en-US",
            value,
            channelData = new { clientActivityID = clientActivityId ?? Guid.NewGuid().ToString("N") },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>GET activities after <paramref name="watermark"/>; returns them and the new watermark.</summary>
    public async Task<(List<JsonElement> Activities, string Watermark)> GetAsync(string? watermark = null)
    {
        using var response = await SendAsync(HttpMethod.Get, $"conversations/{ConversationId}/activities?watermark={watermark}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("activities").EnumerateArray().ToList(), body.GetProperty("watermark").GetString()!);
    }

    /// <summary>
    /// Polls until one activity matches (a reply that comes later, or through another host), within
    /// <paramref name="within"/> (10 s unless said); returns it.
    /// </summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> match, TimeSpan? within = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < (within ?? TimeSpan.FromSeconds(10)))
        {
            var found = (await GetAsync()).Activities.Where(match).ToList();
            if (found.Count > 0)
            {
                return Assert.Single(found);
            }

            // Every 100 ms at first; slower after 10 s, within the 300 requests a minute a token may make.
            await Task.Delay(clock.Elapsed < TimeSpan.FromSeconds(10) ? 100 : 500);
        }

        throw new TimeoutException("The awaited activity never reached the conversation.");
    }

    /// <summary>The next activity set a Direct Line socket sends (keep-alives skipped), within <paramref name="within"/> (10 s unless said).</summary>
    public static async Task<JsonElement> ReceiveAsync(WebSocket socket, TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(10));
        var buffer = new byte[256 * 1024];
        while (true)
        {
            var count = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(count), timeout.Token);
                count += result.Count;
            }
            while (!result.EndOfMessage);

            // Empty messages are keep-alives.
            if (count > 0)
            {
                return JsonDocument.Parse(buffer.AsMemory(0, count)).RootElement.Clone();
            }
        }
    }

    /// <summary>Reads activity sets from a socket until one holds an activity that matches; returns every activity read.</summary>
    public static async Task<List<JsonElement>> ReceiveUntilAsync(WebSocket socket, Func<JsonElement, bool> match, TimeSpan? within = null)
    {
        var received = new List<JsonElement>();
        while (!received.Any(match))
        {
            received.AddRange((await ReceiveAsync(socket, within)).GetProperty("activities").EnumerateArray());
        }

        return received;
    }

    public static string? Text(JsonElement activity) => activity.TryGetProperty("text", out var text) ? text.GetString() : null;

    public static string From(JsonElement activity) => activity.GetProperty("from").GetProperty("id").GetString()!;
}
