using System.Net;
using System.Net.WebSockets;
using DystoniaBot.Web.Tests.DirectLine;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DystoniaBot.Web.Tests.Security;

/// <summary>
/// Opening WebSockets until the host falls over: each conversation, each address and the host have a cap; what is
/// over it gets a 429, and the host keeps serving. Bounded loops against the real Kestrel host on 127.0.0.1.
/// </summary>
public sealed class StreamFloodTests
{
    [Fact]
    public async Task StreamsOfOneConversation_ShouldBeCapped_AndAPlaceFreedWhenOneCloses()
    {
        using var factory = BotFactory.CreateLive([]);
        var address = factory.StartLive();
        using var http = new HttpClient { BaseAddress = address };
        var visitor = await DirectLineClient.VisitAsync(http);
        var streamUrl = new Uri((await visitor.StartAsync()).GetProperty("streamUrl").GetString()!);

        var open = new List<ClientWebSocket>();
        for (var i = 0; i < 4; i++)
        {
            open.Add(await ConnectAsync(streamUrl));
        }

        // A bounded flood on the same conversation: every one refused, none kept.
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, await RefusedWithAsync(streamUrl));
        }

        await open[0].CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await Eventually(async () => await TryConnectAsync(streamUrl) is { } again && Close(again));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        open.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task StreamsOfOneAddress_AndOfTheHost_ShouldBeCapped_AndTheHostStayUp()
    {
        using var factory = BotFactory.CreateLive(new() { ["DirectLine:MaxStreamsPerAddress"] = "5", ["DirectLine:MaxStreams"] = "8" });
        var address = factory.StartLive();
        using var http = new HttpClient { BaseAddress = address };

        // Five from this address, over three conversations; the sixth is over the address's cap.
        var urls = new List<Uri>();
        for (var i = 0; i < 3; i++)
        {
            var visitor = await DirectLineClient.VisitAsync(http);
            urls.Add(new Uri((await visitor.StartAsync()).GetProperty("streamUrl").GetString()!));
        }

        var open = new List<ClientWebSocket>();
        foreach (var url in urls.Concat(urls).Take(5))
        {
            open.Add(await ConnectAsync(url));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await RefusedWithAsync(urls[2]));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);

        // Other visitors (each at its own address, forwarded by a proxy on this machine) up to the host's cap of 8;
        // then one more is refused, though its address and conversation are under theirs.
        for (var i = 1; i <= 3; i++)
        {
            open.Add(await ConnectAsync(urls[2], $"198.51.100.{i}"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await RefusedWithAsync(urls[0], "198.51.100.9"));

        // Behind the host's cap, Kestrel's own bound on upgraded connections.
        Assert.Equal(8 + 16, factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxConcurrentUpgradedConnections);

        // The page still hands out tokens and answers over HTTP while the sockets are held.
        var late = await DirectLineClient.VisitAsync(http);
        await late.StartAsync();
        await late.SayAsync("is there a cure?");
        await late.WaitForAsync(a => DirectLineClient.From(a) == "dystoniabot" && (DirectLineClient.Text(a) ?? "").Contains("no cure", StringComparison.Ordinal));
        open.ForEach(s => s.Dispose());
    }

    private static bool Close(ClientWebSocket socket)
    {
        socket.Dispose();
        return true;
    }

    private static async Task<ClientWebSocket> ConnectAsync(Uri url, string? forwardedFor = null) =>
        await TryConnectAsync(url, forwardedFor) ?? throw new InvalidOperationException("the stream was refused");

    private static async Task<ClientWebSocket?> TryConnectAsync(Uri url, string? forwardedFor = null)
    {
        var socket = new ClientWebSocket();
        if (forwardedFor is not null)
        {
            socket.Options.SetRequestHeader("X-Forwarded-For", forwardedFor);
        }

        try
        {
            await socket.ConnectAsync(url, CancellationToken.None);
            return socket;
        }
        catch (WebSocketException)
        {
            socket.Dispose();
            return null;
        }
    }

    private static async Task<HttpStatusCode> RefusedWithAsync(Uri url, string? forwardedFor = null)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (forwardedFor is not null)
        {
            socket.Options.SetRequestHeader("X-Forwarded-For", forwardedFor);
        }

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(url, CancellationToken.None));
        return socket.HttpStatusCode;
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 50; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the condition never held");
    }
}
