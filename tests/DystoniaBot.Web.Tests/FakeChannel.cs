using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace DystoniaBot.Web.Tests;

/// <summary>
/// A channel's Connector service on 127.0.0.1: records every activity the bot posts and can refuse the first
/// requests with a given status, to test retries.
/// </summary>
public sealed class FakeChannel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _refusals;

    private FakeChannel(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Path, JsonElement Activity)> Received { get; } = new();

    public ConcurrentQueue<string?> Authorizations { get; } = new();

    private int _requests;

    public int Requests => _requests;

    public int RefuseStatus { get; set; } = 429;

    public string ServiceUrl => _app.Urls.First();

    public static async Task<FakeChannel> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeChannel? channel = null;
        app.MapPost("/v3/conversations/{conversation}/activities/{**rest}", async (HttpContext http) =>
        {
            Interlocked.Increment(ref channel!._requests);
            if (Interlocked.Decrement(ref channel._refusals) >= 0)
            {
                http.Response.Headers.RetryAfter = "0";
                return Results.StatusCode(channel.RefuseStatus);
            }

            channel.Authorizations.Enqueue(http.Request.Headers.Authorization.ToString());
            var activity = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body);
            channel.Received.Enqueue((http.Request.Path.Value!, activity));
            return Results.Ok(new { id = "sent-" + channel.Received.Count });
        });
        channel = new FakeChannel(app);
        await app.StartAsync();
        return channel;
    }

    public void RefuseNext(int count) => _refusals = count;

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
}
