using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DystoniaBot.Web.Tests.DirectLine;
using Xunit.Abstractions;

namespace DystoniaBot.Web.Tests.BadInput;

/// <summary>
/// The hostile-input corpus against the real host on a Kestrel port of 127.0.0.1 (so HTTP parsing is Kestrel's): never a 5xx, never a crash, and the bot still answers afterwards.
/// Each test reports how many inputs it tried.
/// </summary>
public sealed class HostileInputTests
{
    private readonly ITestOutputHelper _output;

    public HostileInputTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task MessagesEndpoint_ShouldNeverAnswer5xx_AndKeepAnswering()
    {
        await using var channel = await FakeChannel.StartAsync();
        using var factory = BotFactory.CreateLive([]);
        using var http = new HttpClient { BaseAddress = factory.StartLive() };
        var tried = 0;
        foreach (var deliveryMode in new[] { "expectReplies", "normal" })
        {
            var valid = new JsonObject
            {
                ["type"] = "message", ["id"] = "1", ["channelId"] = "emulator", ["serviceUrl"] = channel.ServiceUrl,
                ["from"] = new JsonObject { ["id"] = "user" }, ["recipient"] = new JsonObject { ["id"] = "bot" },
                ["conversation"] = new JsonObject { ["id"] = "c-" + deliveryMode }, ["text"] = "is there a cure?", ["locale"] = "en-US",
                ["deliveryMode"] = deliveryMode,
            };
            foreach (var body in HostileInputCorpus.Variants(valid, "text"))
            {
                using var content = new ByteArrayContent(body.Bytes);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await http.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
                Assert.True((int)response.StatusCode < 500 || IsUnhandledInvoke(body, response), $"{body}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                tried++;
            }
        }

        _output.WriteLine($"{tried} hostile bodies posted to /api/messages");
        await AssertStillAnswersAsync(http);
    }

    [Fact]
    public async Task DirectLine_ShouldNeverAnswer5xx_ToHostileActivitiesTokensAndIds()
    {
        using var factory = BotFactory.CreateLive([]);
        using var http = new HttpClient { BaseAddress = factory.StartLive() };
        var client = await DirectLineClient.VisitAsync(http);
        await client.StartAsync();
        var other = await DirectLineClient.VisitAsync(http);
        await other.StartAsync();
        var tried = 0;

        async Task TryAsync(string what, HttpMethod method, string path, HttpContent? content, string? token)
        {
            using var response = await client.SendAsync(method, path, content, token);
            Assert.True((int)response.StatusCode < 500, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            tried++;
        }

        var valid = new JsonObject { ["type"] = "message", ["text"] = "is there a cure?", ["from"] = new JsonObject { ["id"] = client.UserId }, ["locale"] = "en-US" };
        foreach (var body in HostileInputCorpus.Variants(valid, "text"))
        {
            var content = new ByteArrayContent(body.Bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            await TryAsync(body.Name, HttpMethod.Post, $"conversations/{client.ConversationId}/activities", content, null);
        }

        // Forged, altered and foreign tokens; ids that look like paths; watermarks that aren't numbers.
        var parts = client.Token.Split('.');
        string[] tokens =
        [
            "", "x", "Bearer", "a.b.c", client.Token + "x", parts[0] + "." + parts[1] + ".", "eyJhbGciOiJub25lIn0." + parts[1] + ".",
            parts[0] + "." + Convert.ToBase64String("{\"conv\":\"other\"}"u8.ToArray()).TrimEnd('=') + "." + parts[2], other.Token, new string('A', 20_000),
        ];
        foreach (var token in tokens)
        {
            await TryAsync("token " + token[..Math.Min(token.Length, 20)], HttpMethod.Get, $"conversations/{client.ConversationId}/activities", null, token);
            await TryAsync("token " + token[..Math.Min(token.Length, 20)], HttpMethod.Post, "tokens/refresh", null, token);
        }

        string[] ids = ["..%2F..%2Fetc%2Fpasswd", "%00", "%2e%2e", "a%20b", new string('c', 10_000), other.ConversationId, "con", "%E2%80%AE", "null"];
        foreach (var id in ids)
        {
            await TryAsync("id " + id[..Math.Min(id.Length, 20)], HttpMethod.Get, $"conversations/{id}/activities", null, null);
            await TryAsync("id " + id[..Math.Min(id.Length, 20)], HttpMethod.Post, $"conversations/{id}/activities", JsonContent.Create(valid), null);
            await TryAsync("id " + id[..Math.Min(id.Length, 20)], HttpMethod.Get, $"conversations/{id}", null, null);
        }

        foreach (var watermark in new[] { "-1", "abc", "99999999999999999999", "1e9", "%00", "0x10", " 1" })
        {
            await TryAsync("watermark " + watermark, HttpMethod.Get, $"conversations/{client.ConversationId}/activities?watermark={watermark}", null, null);
        }

        await TryAsync("stream without a socket", HttpMethod.Get, $"conversations/{client.ConversationId}/stream", null, null);
        await TryAsync("upload", HttpMethod.Post, $"conversations/{client.ConversationId}/upload", new ByteArrayContent(new byte[1024]), null);
        _output.WriteLine($"{tried} hostile Direct Line requests");

        // Still serving: the visitor's conversation answers, and the other visitor's was never touched.
        await client.SayAsync("is there a cure?");
        Assert.Contains((await client.GetAsync()).Activities, a => DirectLineClient.Text(a)?.Contains("no cure", StringComparison.Ordinal) == true);
        Assert.DoesNotContain((await other.GetAsync()).Activities, a => DirectLineClient.From(a) == client.UserId);
        await AssertStillAnswersAsync(http);
    }

    // The protocol's answer to an invoke the bot doesn't handle is 501, as the Bot Framework SDK's: not a failure.
    private static bool IsUnhandledInvoke(HostileBody body, HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.NotImplemented && body.Name is "type invoke" or "duplicate members";

    private static async Task AssertStillAnswersAsync(HttpClient http) =>
        Assert.Contains("no cure", await new Conversation(http).AskAsync("is there a cure?"), StringComparison.Ordinal);
}
