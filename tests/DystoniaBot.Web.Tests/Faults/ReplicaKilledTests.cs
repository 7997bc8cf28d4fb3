using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using DystoniaBot.Testing;
using DystoniaBot.Web.Tests.DirectLine;
using Xunit.Abstractions;

namespace DystoniaBot.Web.Tests.Faults;

/// <summary>
/// Two replicas of the host, real processes on two ports of 127.0.0.1, sharing one PostgreSQL database; one is killed
/// with SIGKILL in the middle of a Direct Line conversation. Nothing the user sent is lost: every message the service
/// acknowledged (200 with an id) is in the conversation's log afterwards, once; the ticket, the staff answer and the
/// conversation carry on through the other replica, and the killed one joins again when restarted.
/// </summary>
[Collection(UsesPostgres.Name)]
public sealed class ReplicaKilledTests(PostgresServer server, ITestOutputHelper output)
{
    // Generous: two hosts, PostgreSQL and the test share a small machine.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    // Asked one after another through the replica that is killed.
    private static readonly string[] Questions =
    [
        "Is dystonia hereditary?", "Can children get dystonia?", "Does stress make dystonia worse?", "What causes dystonia?",
        "How is dystonia treated?", "What is cervical dystonia?", "Does botulinum toxin help?", "Can dystonia be cured?",
    ];

    [Fact]
    public async Task KilledReplica_ShouldLoseNothingTheUserSent_AndTheConversationShouldGoOnThroughTheOther()
    {
        var database = await server.CreateDatabaseAsync();
        var (hostA, started) = await StartTwoAsync(database);
        using var hostB = started;
        using (hostA)
        {
            // Acknowledged by the service: each has its id; none may be missing from the log in the end.
            var acknowledged = new List<(string Id, string Text)>();
            var visitor = await DirectLineClient.VisitAsync(hostA.Http);
            await visitor.StartAsync();
            var onA = visitor;
            var onB = visitor.On(hostB.Http);

            // A socket on B, as Web Chat would open it through B; its backlog (the welcome) read.
            using var socketOnB = await OpenStreamAsync(onB, watermark: null);
            await DirectLineClient.ReceiveUntilAsync(socketOnB, IsFromBot, Patience);

            // Questions answered through A, by polling; the reply A stores reaches B's socket (LISTEN/NOTIFY).
            var question = await SayAsync(onA, "What is dystonia?", acknowledged);
            await onA.WaitForAsync(ReplyTo(question), Patience);
            var pushed = await DirectLineClient.ReceiveUntilAsync(socketOnB, ReplyTo(question), Patience);
            Assert.Contains(pushed, a => Id(a) == question);

            // The same conversation through B: B knows where it stands ("tell me more" follows A's answer).
            var more = await SayAsync(onB, "tell me more", acknowledged);
            Assert.Contains("Symptoms vary", DirectLineClient.Text(await onB.WaitForAsync(ReplyTo(more), Patience)), StringComparison.Ordinal);

            // A question for a specialist, sent through A: a ticket in the shared database.
            await SayAsync(onA, "ask a specialist: can dystonia affect my voice?", acknowledged);
            await SayAsync(onA, "Send it", acknowledged);
            var reference = Assert.Single(await OpenTicketsAsync(hostB));

            // The visitor also has a socket on A, its backlog read up to now.
            using var socketOnA = await OpenStreamAsync(onA, watermark: null);
            var seenOnA = await DirectLineClient.ReceiveUntilAsync(socketOnA, ReplyTo(acknowledged[^1].Id), Patience);

            // Killed mid-conversation: the visitor keeps asking through A, each message as soon as the last is
            // answered, so that a message is on its way (being stored, or answered) when A gets SIGKILL, once the
            // third is in the log (read through B).
            var typed = new List<string>();
            var typedAcknowledged = new List<(string Id, string Text)>();
            var typist = Task.Run(async () =>
            {
                for (var i = 0; ; i++)
                {
                    var text = Questions[i % Questions.Length] + (i < Questions.Length ? "" : $" ({i})");
                    lock (typed)
                    {
                        typed.Add(text);
                    }

                    if (await PostAsync(onA, text) is not { } id)
                    {
                        return;
                    }

                    lock (typed)
                    {
                        typedAcknowledged.Add((id, text));
                    }
                }
            });
            var storedBeforeKill = await onB.WaitForAsync(a => DirectLineClient.Text(a) == Questions[2], Patience);
            hostA.Kill();
            await typist.WaitAsync(Patience);
            acknowledged.AddRange(typedAcknowledged);

            // A's socket breaks; Web Chat reconnects through B from the last watermark it had and gets what it missed.
            await Assert.ThrowsAnyAsync<Exception>(() => DirectLineClient.ReceiveUntilAsync(socketOnA, _ => false, Patience));
            var watermark = seenOnA.Where(IsStored).Select(Sequence).Max();
            using var reconnected = await OpenStreamAsync(onB, watermark.ToString(CultureInfo.InvariantCulture));
            var missed = await DirectLineClient.ReceiveUntilAsync(reconnected, a => Id(a) == Id(storedBeforeKill), Patience);
            Assert.Equal(watermark + 1, Sequence(missed.First(IsStored)));

            // The ticket is B's to see and answer; the answer reaches the visitor's sockets on B and its polling.
            Assert.Equal([reference], await OpenTicketsAsync(hostB));
            using (var answered = await hostB.Staff.PostAsJsonAsync($"/api/staff/questions/{reference}/answer", new { answer = "Yes: spasmodic dysphonia is dystonia of the voice." }))
            {
                Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            }

            static bool IsStaffAnswer(JsonElement a) => DirectLineClient.Text(a)?.Contains("spasmodic dysphonia", StringComparison.Ordinal) == true;
            await DirectLineClient.ReceiveUntilAsync(reconnected, IsStaffAnswer, Patience);
            await DirectLineClient.ReceiveUntilAsync(socketOnB, IsStaffAnswer, Patience);
            await onB.WaitForAsync(IsStaffAnswer, Patience);

            // The visitor goes on chatting through B.
            var after = await SayAsync(onB, "How is dystonia diagnosed?", acknowledged);
            await onB.WaitForAsync(ReplyTo(after), Patience);
            await DirectLineClient.ReceiveUntilAsync(reconnected, ReplyTo(after), Patience);

            // A restarts on its port and joins again: it reads the whole conversation, its socket gets what B
            // stores, and what it stores reaches B's socket.
            using var restarted = await HostProcess.StartOnPostgresAsync(database, hostA.Port);
            var onRestarted = visitor.On(restarted.Http);
            using var socketOnRestarted = await OpenStreamAsync(onRestarted, watermark: (await onB.GetAsync()).Watermark);
            var throughB = await SayAsync(onB, "What are the symptoms?", acknowledged);
            await DirectLineClient.ReceiveUntilAsync(socketOnRestarted, ReplyTo(throughB), Patience);
            var throughRestarted = await SayAsync(onRestarted, "Is there a cure for dystonia?", acknowledged);
            await onRestarted.WaitForAsync(ReplyTo(throughRestarted), Patience);
            await DirectLineClient.ReceiveUntilAsync(socketOnB, ReplyTo(throughRestarted), Patience);
            await DirectLineClient.ReceiveUntilAsync(reconnected, ReplyTo(throughRestarted), Patience);

            // Nothing the user sent is lost: each acknowledged message is in the log read through B, once, as sent;
            // the log is whole (sequence numbers 1, 2, 3…) and holds no user message twice.
            var log = await ReadLogAsync(onB);
            output.WriteLine($"{acknowledged.Count} messages acknowledged, {log.Count} activities in the log:");
            foreach (var activity in log)
            {
                output.WriteLine($"  {Sequence(activity)} {DirectLineClient.From(activity)}: {DirectLineClient.Text(activity)?.Split('\n')[0]}");
            }

            Assert.All(acknowledged, sent => Assert.Equal(sent.Text, DirectLineClient.Text(Assert.Single(log, a => Id(a) == sent.Id))));
            Assert.Contains(log, a => Id(a) == Id(storedBeforeKill));

            // What was typed through A is in the log in order: all that was acknowledged, then perhaps the message
            // cut off by the kill (stored, but its answer never acknowledged), never twice.
            var typedInLog = log.Where(a => DirectLineClient.From(a) == visitor.UserId && typed.Contains(DirectLineClient.Text(a)!)).Select(DirectLineClient.Text).ToList();
            Assert.Equal(typed.Take(typedInLog.Count), typedInLog);
            Assert.InRange(typedInLog.Count, typedAcknowledged.Count, typed.Count);
            output.WriteLine($"Through A until it was killed: {typed.Count} messages posted, {typedAcknowledged.Count} acknowledged; the one cut off, " +
                $"\"{typed[^1]}\", is {(typedInLog.Count == typed.Count ? "in the log" : "not in the log (never stored)")}.");
            Assert.Equal(Enumerable.Range(1, log.Count).Select(i => (long)i), log.Select(Sequence));
            var fromUser = log.Where(a => DirectLineClient.From(a) == visitor.UserId).ToList();
            Assert.Equal(fromUser.Count, fromUser.Select(ClientActivityId).Distinct().Count());
            Assert.Equal(log.Select(Id), (await ReadLogAsync(onRestarted)).Select(Id));
        }
    }

    /// <summary>Starts two hosts on the database at once, as a deployment rolls out replicas (one migrates, the other waits for it).</summary>
    private static async Task<(HostProcess A, HostProcess B)> StartTwoAsync(string database)
    {
        var starting = new[] { HostProcess.StartOnPostgresAsync(database), HostProcess.StartOnPostgresAsync(database) };
        try
        {
            await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
            {
                started.Result.Dispose();
            }

            throw;
        }

        return (starting[0].Result, starting[1].Result);
    }

    /// <summary>Says <paramref name="text"/> and keeps the id the service acknowledged it with.</summary>
    private static async Task<string> SayAsync(DirectLineClient visitor, string text, List<(string Id, string Text)> acknowledged)
    {
        var id = await visitor.SayAsync(text);
        acknowledged.Add((id, text));
        return id;
    }

    /// <summary>Posts a message as Web Chat does; its id if the service acknowledged it, null if the host died first.</summary>
    private static async Task<string?> PostAsync(DirectLineClient visitor, string text)
    {
        try
        {
            using var response = await visitor.SendAsync(HttpMethod.Post, $"conversations/{visitor.ConversationId}/activities", new
            {
                type = "message",
                text,
                from = new { id = visitor.UserId, name = "Visitor" },
                channelData = new { clientActivityID = Guid.NewGuid().ToString("N") },
            });
            return response.StatusCode == HttpStatusCode.OK ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString() : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>Opens the conversation's stream as Web Chat does on (re)connecting: GET the conversation with the watermark, then its streamUrl.</summary>
    private static async Task<ClientWebSocket> OpenStreamAsync(DirectLineClient visitor, string? watermark)
    {
        using var response = await visitor.SendAsync(HttpMethod.Get, $"conversations/{visitor.ConversationId}?watermark={watermark}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var streamUrl = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamUrl").GetString()!;
        var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(new Uri(streamUrl), timeout.Token);
        return socket;
    }

    /// <summary>The whole log, page after page.</summary>
    private static async Task<List<JsonElement>> ReadLogAsync(DirectLineClient visitor)
    {
        var log = new List<JsonElement>();
        string? watermark = null;
        while (true)
        {
            var (activities, next) = await visitor.GetAsync(watermark);
            if (activities.Count == 0)
            {
                return log;
            }

            log.AddRange(activities);
            watermark = next;
        }
    }

    private static async Task<List<string>> OpenTicketsAsync(HostProcess host)
    {
        var tickets = await host.Staff.GetFromJsonAsync<JsonElement>("/api/staff/questions?status=open");
        return [.. tickets.GetProperty("questions").EnumerateArray().Select(t => t.GetProperty("reference").GetString()!)];
    }

    private static bool IsFromBot(JsonElement activity) => activity.GetProperty("from").TryGetProperty("role", out var role) ? role.GetString() == "bot" : false;

    private static Func<JsonElement, bool> ReplyTo(string id) =>
        a => a.TryGetProperty("replyToId", out var replyTo) && replyTo.GetString() == id && DirectLineClient.Text(a) is { Length: > 0 };

    /// <summary>Stored activities have ids "{conversation}|{sequence}"; typing, never stored, has none.</summary>
    private static bool IsStored(JsonElement activity) => Id(activity).Contains('|', StringComparison.Ordinal);

    private static string Id(JsonElement activity) => activity.GetProperty("id").GetString()!;

    private static long Sequence(JsonElement activity) => long.Parse(Id(activity).Split('|')[^1], CultureInfo.InvariantCulture);

    private static string ClientActivityId(JsonElement activity) => activity.GetProperty("channelData").GetProperty("clientActivityID").GetString()!;
}
