using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.Conversation.Persistence;
using DystoniaBot.Handoff;
using DystoniaBot.Storage;
using Npgsql;

using Activity = DystoniaBot.BotFramework.Schema.Activity;

using DystoniaBot.BotFramework.Serialization;
using DystoniaBot.Testing;

namespace DystoniaBot.Web.Tests.DirectLine;

/// <summary>Direct Line with its conversations in PostgreSQL, shared by two hosts as replicas would share it.</summary>
[Collection(UsesPostgres.Name)]
public sealed class PostgresDirectLineTests(PostgresServer server)
{
    [Fact]
    public async Task Conversation_ShouldCarryOnThroughAnotherHost_SharingTheDatabase()
    {
        var database = await server.CreateDatabaseAsync();
        using var first = Host(database);
        using var second = Host(database);
        var visitor = await DirectLineClient.VisitAsync(first.CreateClient());
        await visitor.StartAsync();
        await visitor.SayAsync("What is dystonia?");
        await visitor.WaitForAsync(a => DirectLineClient.Text(a)?.Contains("neurological disorder", StringComparison.Ordinal) == true);

        // The token the first host signed is good on the second, which reads the same log and knows where the
        // conversation stands ("tell me more" follows the first host's answer).
        var elsewhere = visitor.On(second.CreateClient());
        var (log, _) = await elsewhere.GetAsync();
        await elsewhere.SayAsync("tell me more");
        var more = await elsewhere.WaitForAsync(a => DirectLineClient.Text(a)?.Contains("Symptoms vary", StringComparison.Ordinal) == true);

        Assert.Contains(log, a => DirectLineClient.Text(a) == "What is dystonia?");
        Assert.Contains(log, a => DirectLineClient.Text(a)?.Contains("neurological disorder", StringComparison.Ordinal) == true);
        Assert.StartsWith(visitor.ConversationId + "|", more.GetProperty("id").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_ShouldReachASocketOnAnotherHost_AtOnce_ExactlyOnceAndInOrder()
    {
        using var replicas = await SocketOnTheSecondHostAsync();
        var (visitor, socket) = (replicas.Visitor, replicas.Socket);

        // Posted to the first host, which stores the message and the bot's reply; the socket is on the second.
        var received = await SayAndReceiveAsync(visitor, socket, "What is dystonia?", "neurological disorder");
        received.AddRange(await SayAndReceiveAsync(visitor, socket, "tell me more", "Symptoms vary"));

        Assert.Equal("What is dystonia?", DirectLineClient.Text(received[0]));
        Assert.Equal(visitor.UserId, DirectLineClient.From(received[0]));
        await AssertSentTheLogOnceInOrderAsync(visitor, received);
    }

    [Fact]
    public async Task Typing_ShouldReachTheSocketsOfEveryHost_Once()
    {
        using var replicas = await SocketOnTheSecondHostAsync();
        var (visitor, socket) = (replicas.Visitor, replicas.Socket);

        // Typing is never stored, so a host hears of it only while it listens: the hosts' listeners connect in the
        // background once they start, and stored activities are caught up from the log, typing never.
        await ListenersAsync(replicas.Database, []);
        using var socketOnFirst = await replicas.First.Server.CreateWebSocketClient().ConnectAsync(StreamUrl(visitor), CancellationToken.None);
        Assert.Equal("1", (await DirectLineClient.ReceiveAsync(socketOnFirst)).GetProperty("watermark").GetString());

        // The visitor types on the first host; then asks there, and the bot types (through the first host) before it answers.
        using (var typing = await visitor.SendAsync(HttpMethod.Post, $"conversations/{visitor.ConversationId}/activities",
                   new { type = "typing", from = new { id = visitor.UserId, name = "Visitor" }, text = "ignored" }))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, typing.StatusCode);
        }

        var onSecond = await SayAndReceiveAsync(visitor, socket, "What is dystonia?", "neurological disorder");
        var onFirst = await DirectLineClient.ReceiveUntilAsync(socketOnFirst, a => DirectLineClient.Text(a)?.Contains("neurological disorder", StringComparison.Ordinal) == true);

        foreach (var received in new[] { onSecond, onFirst })
        {
            var typings = received.Where(a => a.GetProperty("type").GetString() == "typing").ToList();
            var userTyping = Assert.Single(typings, a => DirectLineClient.From(a) == visitor.UserId);
            Assert.Single(typings, a => a.GetProperty("from").GetProperty("role").GetString() == "bot");
            Assert.Equal("Visitor", userTyping.GetProperty("from").GetProperty("name").GetString());
            Assert.False(userTyping.TryGetProperty("text", out _));
            Assert.Equal(visitor.ConversationId, userTyping.GetProperty("conversation").GetProperty("id").GetString());
            await AssertSentTheLogOnceInOrderAsync(visitor, received);
        }
    }

    [Fact]
    public async Task TypingFromAnotherHost_ShouldReachTheSocketBeforeTheReplyStoredAfterIt_WhenTheLogAlreadyHoldsTheReply()
    {
        using var replicas = await SocketOnTheSecondHostAsync();
        var (database, visitor, socket) = (replicas.Database, replicas.Visitor, replicas.Socket);
        await ListenersAsync(database, []);

        // A turn on another host, as the second host's listener hears it when the bot answers quickly: the question
        // stored, the bot typing, the reply stored, announced in that order, with the reply in the log already by
        // the time the socket reads the log for the question.
        var conversation = new ConversationAccount { Id = visitor.ConversationId };
        var bot = new ChannelAccount { Id = "bot", Name = "DystoniaBot", Role = "bot" };
        var question = new Activity
        {
            Type = ActivityTypes.Message, Id = DirectLineNotices.Format(visitor.ConversationId, 2), Text = "What is dystonia?",
            From = new ChannelAccount { Id = visitor.UserId, Role = "user" }, Conversation = conversation,
        };
        var typing = new Activity { Type = ActivityTypes.Typing, Id = "typing1", From = bot, Conversation = conversation };
        var reply = new Activity
        {
            Type = ActivityTypes.Message, Id = DirectLineNotices.Format(visitor.ConversationId, 3), Text = "Dystonia is a neurological disorder.",
            From = bot, Conversation = conversation, ReplyToId = question.Id,
        };
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var (sql, values) in new (string, object[])[]
                     {
                         ("UPDATE directline_conversation SET next_sequence = 3 WHERE id = $1", [visitor.ConversationId]),
                         ("INSERT INTO directline_activity VALUES ($1, 2, $2), ($1, 3, $3)",
                             [visitor.ConversationId, JsonSerializer.Serialize(question, ProtocolJson.Options), JsonSerializer.Serialize(reply, ProtocolJson.Options)]),
                         ("SELECT pg_notify($1, $2)", [DirectLineNotices.Channel, DirectLineNotices.Format(visitor.ConversationId, 2)]),
                         ("SELECT pg_notify($1, $2)", [DirectLineNotices.Channel, DirectLineNotices.FormatTyping("another-host", visitor.ConversationId, typing)]),
                         ("SELECT pg_notify($1, $2)", [DirectLineNotices.Channel, DirectLineNotices.Format(visitor.ConversationId, 3)]),
                     })
            {
#pragma warning disable CA2100 // Constant statements; every value is a parameter.
                await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
                foreach (var value in values)
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = value });
                }

                await command.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        var received = await DirectLineClient.ReceiveUntilAsync(socket, a => Id(a) == reply.Id);

        Assert.Equal([question.Id, typing.Id, reply.Id], received.Select(Id));
    }

    [Fact]
    public async Task Notices_ForNoOnesConversationOrAlreadySent_ShouldBeHarmless()
    {
        using var replicas = await SocketOnTheSecondHostAsync();
        var (database, visitor, socket) = (replicas.Database, replicas.Visitor, replicas.Socket);
        await ListenersAsync(database, []);

        // Nobody's conversation, payloads that are no notice, one the socket sent already and one not stored yet.
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            foreach (var payload in new[]
                     {
                         DirectLineNotices.Format("no-such-conversation", 5), "nonsense", "", "|7", "x|-1",
                         DirectLineNotices.Format(visitor.ConversationId, 1), DirectLineNotices.Format(visitor.ConversationId, 99),
                         "{", "{}", """{"origin":"x","conversation":"no-such-conversation","typing":{"type":"typing"}}""",
                         """{"origin":"x","conversation":"c","typing":{"type":"message","text":"not typing"}}""",
                     })
            {
                await using var notify = new NpgsqlCommand("SELECT pg_notify($1, $2)", connection)
                {
                    Parameters = { new() { Value = DirectLineNotices.Channel }, new() { Value = payload } },
                };
                await notify.ExecuteNonQueryAsync();
            }
        }

        var received = await SayAndReceiveAsync(visitor, socket, "What is dystonia?", "neurological disorder");

        await AssertSentTheLogOnceInOrderAsync(visitor, received);
    }

    [Fact]
    public async Task Listener_ShouldRecover_WhenItsConnectionIsKilled()
    {
        using var replicas = await SocketOnTheSecondHostAsync();
        var (database, visitor, socket) = (replicas.Database, replicas.Visitor, replicas.Socket);
        var killed = await ListenersAsync(database, []);

        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()", connection)
            {
                Parameters = { new() { Value = PostgresStore.ListenerApplicationName } },
            };
            Assert.Equal(2L, await kill.ExecuteScalarAsync());
        }

        // Stored while the listeners are down or reconnecting: caught up from the log once they listen again.
        var received = await SayAndReceiveAsync(visitor, socket, "What is dystonia?", "neurological disorder");
        var listening = await ListenersAsync(database, killed);
        received.AddRange(await SayAndReceiveAsync(visitor, socket, "tell me more", "Symptoms vary"));

        Assert.Empty(listening.Intersect(killed));
        await AssertSentTheLogOnceInOrderAsync(visitor, received);
    }

    private static BotFactory Host(string database) => BotFactory.Create(new() { ["Storage:PostgresConnectionString"] = database });

    /// <summary>
    /// Two hosts on a new database; a visitor who talks to the first and whose stream is open on the second, its
    /// backlog (the welcome) read: from then on the socket listens.
    /// </summary>
    private async Task<Replicas> SocketOnTheSecondHostAsync()
    {
        var database = await server.CreateDatabaseAsync();
        var first = Host(database);
        var second = Host(database);
        var visitor = await DirectLineClient.VisitAsync(first.CreateClient());
        await visitor.StartAsync();
        var socket = await second.Server.CreateWebSocketClient().ConnectAsync(StreamUrl(visitor), CancellationToken.None);
        Assert.Equal("1", (await DirectLineClient.ReceiveAsync(socket)).GetProperty("watermark").GetString());
        return new Replicas(database, first, second, visitor, socket);
    }

    private static Uri StreamUrl(DirectLineClient visitor) =>
        new($"ws://localhost/v3/directline/conversations/{visitor.ConversationId}/stream?t={Uri.EscapeDataString(visitor.Token)}");

    /// <summary>Posts through the visitor's host; returns what the socket got up to the reply, which must come within seconds.</summary>
    private static async Task<List<JsonElement>> SayAndReceiveAsync(DirectLineClient visitor, WebSocket socket, string text, string replyContains)
    {
        // The post returns once the turn is over, the reply stored.
        await visitor.SayAsync(text);
        var clock = Stopwatch.StartNew();
        var received = await DirectLineClient.ReceiveUntilAsync(socket, a => DirectLineClient.Text(a)?.Contains(replyContains, StringComparison.Ordinal) == true);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"The reply took {clock.Elapsed} to reach the other host's socket.");
        return received;
    }

    /// <summary>The socket sent the log after the welcome: every activity once, in order, nothing else (but typing, never stored).</summary>
    private static async Task AssertSentTheLogOnceInOrderAsync(DirectLineClient visitor, List<JsonElement> received)
    {
        received = [.. received.Where(a => a.GetProperty("type").GetString() != "typing")];
        var log = (await visitor.GetAsync("1")).Activities;
        Assert.Equal(log.Select(Id), received.Select(Id));
        Assert.Equal(Enumerable.Range(2, received.Count).Select(i => (long)i), received.Select(a => long.Parse(Id(a).Split('|')[^1], CultureInfo.InvariantCulture)));
    }

    private static string Id(JsonElement activity) => activity.GetProperty("id").GetString()!;

    /// <summary>
    /// Waits until both hosts listen on connections other than <paramref name="not"/>; returns their backends' ids. A
    /// listener's connection is open a moment before its LISTEN has run, and a notice sent in that moment (typing,
    /// which is never stored) is lost: a backend counts once its last statement was the LISTEN (or the heartbeat that
    /// follows it) and it is idle, waiting for notices.
    /// </summary>
    private static async Task<int[]> ListenersAsync(string database, IReadOnlyCollection<int> not)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        for (var i = 0; i < 100; i++)
        {
            await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database() AND state = 'idle' AND (query LIKE 'LISTEN %' OR query = 'SELECT 1')", connection)
            {
                Parameters = { new() { Value = PostgresStore.ListenerApplicationName } },
            };
            var pids = new List<int>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    pids.Add(reader.GetInt32(0));
                }
            }

            if (pids.Except(not).Count() == 2)
            {
                return [.. pids.Except(not)];
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The hosts' Direct Line listeners never connected.");
    }

    private sealed record Replicas(string Database, BotFactory First, BotFactory Second, DirectLineClient Visitor, WebSocket Socket) : IDisposable
    {
        public void Dispose()
        {
            Socket.Dispose();
            Second.Dispose();
            First.Dispose();
        }
    }
}
