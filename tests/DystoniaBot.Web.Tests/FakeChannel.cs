using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace DystoniaBot.Web.Tests;

/// <summary>
/// A channel's Connector service on 127.0.0.1, modelled on a receiver that honours the sender's activity id: it records
/// an activity only when it takes it, and answers a repeat of an id it already took with the first answer without
/// showing it again. It can be told to fail the next requests: refuse (nothing taken), take and then fail, or take and
/// then answer too late.
/// </summary>
public sealed class FakeChannel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ChannelFault> _faults = new();
    private readonly ConcurrentQueue<ChannelFault> _messageFaults = new();
    private readonly ConcurrentDictionary<string, string> _taken = new();
    private readonly object _take = new();
    private int _requests;

    private FakeChannel(WebApplication app) => _app = app;

    /// <summary>What the user sees: each activity the channel took, once.</summary>
    public ConcurrentQueue<(string Path, JsonElement Activity)> Received { get; } = new();

    public ConcurrentQueue<string?> Authorizations { get; } = new();

    /// <summary>How every request's body came: its Content-Length header, its Transfer-Encoding header, the bytes read.</summary>
    public ConcurrentQueue<(long? ContentLength, string? TransferEncoding, long BytesRead)> Framing { get; } = new();

    /// <summary>Every request, taken or not: the activity id it carried, when it arrived and the status it got.</summary>
    public ConcurrentQueue<(string? ActivityId, DateTimeOffset At, int Status)> Attempts { get; } = new();

    public int Requests => _requests;

    /// <summary>How many repeats of an activity already taken were recognised (and not shown again).</summary>
    public int Repeats { get; private set; }

    public int RefuseStatus { get; set; } = 429;

    public string ServiceUrl => _app.Urls.First();

    /// <summary>Posts the recorded Teams personal message with <paramref name="text"/> to the bot, replies coming here.</summary>
    public async Task SayFromTeamsAsync(HttpClient bot, string text)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var activity = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "teams-personal-message.json")))!;
        activity["serviceUrl"] = ServiceUrl;
        activity["text"] = text;
        activity["id"] = Guid.NewGuid().ToString("N");
        activity["entities"] = new System.Text.Json.Nodes.JsonArray();
        using var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(bot, new Uri("/api/messages", UriKind.Relative), activity);
        Xunit.Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    public static async Task<FakeChannel> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeChannel? channel = null;
        app.MapPost("/v3/conversations/{conversation}/activities/{**rest}", (Delegate)((HttpContext http) => channel!.ReceiveAsync(http)));
        channel = new FakeChannel(app);
        await app.StartAsync();
        return channel;
    }

    /// <summary>Refuses the next <paramref name="count"/> requests with <see cref="RefuseStatus"/> and Retry-After: 0.</summary>
    public void RefuseNext(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _faults.Enqueue(ChannelFault.Refuse(RefuseStatus, retryAfterSeconds: 0));
        }
    }

    /// <summary>Fails the next requests carrying a message (not typing), one fault each, in order.</summary>
    public void FailNext(params ChannelFault[] faults)
    {
        foreach (var fault in faults)
        {
            _messageFaults.Enqueue(fault);
        }
    }

    public async Task<IReadOnlyList<JsonElement>> WaitForAsync(int count)
    {
        for (var i = 0; i < 100 && Received.Count < count; i++)
        {
            await Task.Delay(50);
        }

        return Received.Select(r => r.Activity).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(HttpContext http)
    {
        Interlocked.Increment(ref _requests);
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        Framing.Enqueue((http.Request.ContentLength, http.Request.Headers.TransferEncoding.ToString() is { Length: > 0 } encoding ? encoding : null, body.Length));
        body.Position = 0;
        var activity = await JsonSerializer.DeserializeAsync<JsonElement>(body);
        var id = activity.TryGetProperty("id", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var isMessage = activity.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "message";
        if (!_faults.TryDequeue(out var fault) && isMessage)
        {
            _messageFaults.TryDequeue(out fault);
        }

        if (fault is { Takes: false })
        {
            Attempts.Enqueue((id, DateTimeOffset.UtcNow, fault.Status));
            if (fault.RetryAfterSeconds is { } seconds)
            {
                http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Results.StatusCode(fault.Status);
        }

        string resourceId;
        lock (_take)
        {
            if (id is not null && _taken.TryGetValue(id, out var first))
            {
                resourceId = first;
                Repeats++;
            }
            else
            {
                Authorizations.Enqueue(http.Request.Headers.Authorization.ToString());
                Received.Enqueue((http.Request.Path.Value!, activity));
                resourceId = "sent-" + Received.Count;
                if (id is not null)
                {
                    _taken[id] = resourceId;
                }
            }
        }

        Attempts.Enqueue((id, DateTimeOffset.UtcNow, fault?.Status ?? 200));
        if (fault is { StallFor: { } stall })
        {
            // Taken, but the answer comes after the sender stopped waiting.
            await Task.Delay(stall, CancellationToken.None);
        }

        return fault is null || fault.StallFor is not null ? Results.Ok(new { id = resourceId }) : Results.StatusCode(fault.Status);
    }
}

/// <summary>How <see cref="FakeChannel"/> fails one request.</summary>
public sealed record ChannelFault(int Status, bool Takes, TimeSpan? StallFor, int? RetryAfterSeconds)
{
    /// <summary>Refused: nothing taken.</summary>
    public static ChannelFault Refuse(int status, int? retryAfterSeconds = null) => new(status, false, null, retryAfterSeconds);

    /// <summary>Taken, and then the channel fails with <paramref name="status"/>.</summary>
    public static ChannelFault TakeThenFail(int status) => new(status, true, null, null);

    /// <summary>Taken, and answered 200 only after <paramref name="stall"/>.</summary>
    public static ChannelFault TakeThenStall(TimeSpan stall) => new(200, true, stall, null);
}
