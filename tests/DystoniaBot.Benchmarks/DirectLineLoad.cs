using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;

namespace DystoniaBot.Benchmarks;

/// <summary>
/// Direct Line under load, as Web Chat uses it: opens many conversations, each with its WebSocket, checks each gets
/// its welcome, then has several visitors ask questions one after another and times each from the POST to the bot's
/// reply arriving on that conversation's socket.
/// </summary>
internal static class DirectLineLoad
{
    public static async Task<int> RunAsync(Uri baseUrl, int conversations, TimeSpan duration, int senders)
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        var opened = new ConcurrentBag<Visitor>();
        var opening = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, conversations), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, token) =>
        {
            try
            {
                opened.Add(await Visitor.OpenAsync(http, token));
            }
            catch (Exception e) when (e is HttpRequestException or WebSocketException or TaskCanceledException)
            {
                Console.Error.WriteLine($"could not open a conversation: {e.Message}");
            }
        });
        var visitors = opened.ToArray();
        var welcomed = await Task.WhenAll(visitors.Select(v => v.Welcomed.Task.WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default)));
        Console.WriteLine($"conversations: {visitors.Length} of {conversations} open with a socket, {welcomed.Count(w => w)} welcomed over it, in {opening.Elapsed.TotalSeconds:F1} s");

        // Measured at the bot's steady rate: the runtime recompiles hot code with what it learns under load (tiered
        // compilation), which on two cores takes tens of seconds. Rounds of 5 s, at least three, until two in a row
        // agree within 5% (at most 60 s).
        var previous = 0.0;
        var warming = Stopwatch.StartNew();
        for (var round = 1; round <= 12; round++)
        {
            var rate = (await LoadAsync(http, visitors, senders, TimeSpan.FromSeconds(5))).Latencies.Length / 5.0;
            if (round >= 3 && Math.Abs(rate - previous) / previous < 0.05)
            {
                break;
            }

            previous = rate;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warmed up for {warming.Elapsed.TotalSeconds:F0} s"));

        var (sorted, errors) = await LoadAsync(http, visitors, senders, duration);
        double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"post -> reply on socket: {sorted.Length} replies in {duration.TotalSeconds:F0} s ({sorted.Length / duration.TotalSeconds:F0}/s) from {senders} visitors at once; median {Percentile(0.5):F1} ms, p99 {Percentile(0.99):F1} ms, max {sorted.LastOrDefault():F1} ms; errors {errors}"));
        var stillOpen = visitors.Count(v => v.IsOpen);
        Console.WriteLine($"sockets still open after the run: {stillOpen} of {visitors.Length}");
        foreach (var visitor in visitors)
        {
            await visitor.DisposeAsync();
        }

        return stillOpen == conversations && welcomed.All(w => w) && errors == 0 ? 0 : 1;
    }

    /// <summary>
    /// Has <paramref name="senders"/> visitors ask one question after another for <paramref name="duration"/>, each
    /// time in another conversation; returns the latencies in ms, sorted, and how many questions failed.
    /// </summary>
    private static async Task<(double[] Latencies, int Errors)> LoadAsync(HttpClient http, Visitor[] visitors, int senders, TimeSpan duration)
    {
        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        using var stop = new CancellationTokenSource(duration);
        var load = Enumerable.Range(0, senders).Select(sender => Task.Run(async () =>
        {
            for (var turn = 0; !stop.IsCancellationRequested; turn++)
            {
                var visitor = visitors[(sender + turn * senders) % visitors.Length];
                var question = Questions.Mixed[(sender + turn) % Questions.Mixed.Length];
                try
                {
                    latencies.Add(await visitor.AskAsync(http, question));
                }
                catch (Exception e) when (e is HttpRequestException or TimeoutException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })).ToArray();
        await Task.WhenAll(load);
        return (latencies.Order().ToArray(), errors);
    }

    private sealed class Visitor : IAsyncDisposable
    {
        private readonly ClientWebSocket _socket = new();
        private readonly ConcurrentDictionary<string, string> _clientIdOf = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _waiting = new(StringComparer.Ordinal);
        private readonly CancellationTokenSource _closing = new();
        private string _token = string.Empty;
        private string _conversationId = string.Empty;
        private Task _receiving = Task.CompletedTask;

        public TaskCompletionSource Welcomed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool IsOpen => _socket.State == WebSocketState.Open;

        public static async Task<Visitor> OpenAsync(HttpClient http, CancellationToken cancellationToken)
        {
            var visitor = new Visitor();
            using var tokenResponse = await http.PostAsync(new Uri("/api/directline/token", UriKind.Relative), null, cancellationToken);
            tokenResponse.EnsureSuccessStatusCode();
            var token = await tokenResponse.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            visitor._token = token.GetProperty("token").GetString()!;
            visitor._conversationId = token.GetProperty("conversationId").GetString()!;
            using var start = new HttpRequestMessage(HttpMethod.Post, new Uri("/v3/directline/conversations", UriKind.Relative));
            start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", visitor._token);
            using var started = await http.SendAsync(start, cancellationToken);
            started.EnsureSuccessStatusCode();
            var streamUrl = (await started.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("streamUrl").GetString()!;
            await visitor._socket.ConnectAsync(new Uri(streamUrl), cancellationToken);
            visitor._receiving = visitor.ReceiveAsync();
            return visitor;
        }

        /// <summary>Posts <paramref name="question"/>; returns the milliseconds until the bot's reply came on the socket.</summary>
        public async Task<double> AskAsync(HttpClient http, string question)
        {
            var clientId = Guid.NewGuid().ToString("N");
            var reply = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting[clientId] = reply;
            var started = Stopwatch.GetTimestamp();
            using var post = new HttpRequestMessage(HttpMethod.Post, new Uri($"/v3/directline/conversations/{_conversationId}/activities", UriKind.Relative))
            {
                Content = JsonContent.Create(new { type = "message", text = question, locale = "en-US", channelData = new { clientActivityID = clientId } }),
            };
            post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            using var response = await http.SendAsync(post);
            response.EnsureSuccessStatusCode();
            var arrived = await reply.Task.WaitAsync(TimeSpan.FromSeconds(10));
            _waiting.TryRemove(clientId, out _);
            return Stopwatch.GetElapsedTime(started, arrived).TotalMilliseconds;
        }

        private async Task ReceiveAsync()
        {
            var buffer = new byte[512 * 1024];
            try
            {
                while (!_closing.IsCancellationRequested)
                {
                    var count = 0;
                    ValueWebSocketReceiveResult result;
                    do
                    {
                        result = await _socket.ReceiveAsync(buffer.AsMemory(count), _closing.Token);
                        count += result.Count;
                    }
                    while (!result.EndOfMessage && count < buffer.Length);

                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    if (count > 0)
                    {
                        Handle(JsonDocument.Parse(buffer.AsMemory(0, count)).RootElement, Stopwatch.GetTimestamp());
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                // Closed.
            }
        }

        private void Handle(JsonElement set, long arrived)
        {
            foreach (var activity in set.GetProperty("activities").EnumerateArray())
            {
                var fromBot = activity.GetProperty("from").TryGetProperty("role", out var role) && role.GetString() == "bot";
                if (!fromBot)
                {
                    // The echo of the visitor's message ties the service's id to the client's.
                    if (activity.TryGetProperty("channelData", out var data) && data.TryGetProperty("clientActivityID", out var clientId))
                    {
                        _clientIdOf[activity.GetProperty("id").GetString()!] = clientId.GetString()!;
                    }
                }
                else if (activity.GetProperty("type").GetString() == "message")
                {
                    if (!activity.TryGetProperty("replyToId", out var replyTo))
                    {
                        Welcomed.TrySetResult();
                    }
                    else if (_clientIdOf.TryGetValue(replyTo.GetString()!, out var clientId) && _waiting.TryGetValue(clientId, out var waiting))
                    {
                        waiting.TrySetResult(arrived);
                    }
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                // Already gone.
            }

            await _closing.CancelAsync();
            await _receiving;
            _socket.Dispose();
            _closing.Dispose();
        }
    }
}
