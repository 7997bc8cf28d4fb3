using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DystoniaBot.BotFramework.Conformance.Tests;

/// <summary>One request a bot made to the channel's Connector service, exactly as it arrived (the path as sent, still escaped).</summary>
public sealed record ConnectorRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, int Status)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// A channel's Connector service on 127.0.0.1 that records every request (headers and body bytes) and answers each with
/// a resource id, or fails the next ones with a status when told to: what both our Connector client and the SDK's post to.
/// </summary>
public sealed class ConnectorRecorder : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _failures = new();

    private ConnectorRecorder(WebApplication app) => _app = app;

    public ConcurrentQueue<ConnectorRequest> Requests { get; } = new();

    public string ServiceUrl => _app.Urls.First() + "/";

    public static async Task<ConnectorRecorder> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var recorder = new ConnectorRecorder(app);
        app.Run(recorder.RecordAsync);
        await app.StartAsync();
        return recorder;
    }

    /// <summary>Answers the next <paramref name="count"/> requests with <paramref name="status"/> (Retry-After: 0).</summary>
    public void FailNext(int count, int status)
    {
        for (var i = 0; i < count; i++)
        {
            _failures.Enqueue(status);
        }
    }

    /// <summary>Waits until <paramref name="count"/> requests arrived; returns them.</summary>
    public async Task<IReadOnlyList<ConnectorRequest>> WaitForAsync(int count, Func<ConnectorRequest, bool>? which = null)
    {
        for (var i = 0; i < 200 && Requests.Count(which ?? (_ => true)) < count; i++)
        {
            await Task.Delay(50);
        }

        return [.. Requests.Where(which ?? (_ => true))];
    }

    private async Task RecordAsync(HttpContext http)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var status = _failures.TryDequeue(out var failure) ? failure : StatusCodes.Status200OK;
        var target = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget;
        Requests.Enqueue(new ConnectorRequest(http.Request.Method, target, headers, body.ToArray(), status));
        http.Response.StatusCode = status;
        if (status != StatusCodes.Status200OK)
        {
            http.Response.Headers.RetryAfter = "0";
            return;
        }

        await http.Response.WriteAsJsonAsync(new { id = "sent-" + Requests.Count });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
