using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DystoniaBot.Conversation.Persistence;
using DystoniaBot.Handoff;
using DystoniaBot.Storage;
using DystoniaBot.Web.Staff;
using DystoniaBot.Web.Tests.DirectLine;
using DystoniaBot.Web.Tests.Staff;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task StaffApi_ShouldNeverAnswer5xx_AndShowInjectedTextAsText()
    {
        using var factory = BotFactory.CreateLive(StaffClient.Settings());
        var address = factory.StartLive();
        using var http = new HttpClient { BaseAddress = address };
        var asker = await AskStaffAsync(http, "<script>alert(2)</script> can **dystonia** [affect](javascript:alert(3)) my voice?");
        var other = await AskStaffAsync(http, "does dystonia run in families?");
        var tickets = await factory.Services.GetRequiredService<ITicketStore>().ListAsync(null, 5, CancellationToken.None);
        var mine = tickets.Single(t => t.ConversationKey.EndsWith(asker.ConversationId, StringComparison.Ordinal)).Reference;
        var theirs = tickets.Single(t => t.ConversationKey.EndsWith(other.ConversationId, StringComparison.Ordinal)).Reference;
        var tried = 0;

        async Task TryAsync(string what, HttpMethod method, string path, HttpContent? content = null, string? authorization = "Bearer " + StaffClient.StaffKey)
        {
            using var request = new HttpRequestMessage(method, new Uri("api/staff/" + path, UriKind.Relative)) { Content = content };
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            Assert.True(status < 500, $"{what}: {status} {body}");
            if (status >= 400 && response.Headers.Contains("X-Frame-Options"))
            {
                // Every refusal of the API says why, in the same shape. (Kestrel refuses some requests itself before any
                // middleware — a NUL in the path, a URI too long — with a bare status: those lack the staff headers.)
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{what}: {status} answered {response.Content.Headers.ContentType} {body}");
                Assert.Equal(status, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
            }

            tried++;
        }

        // Hostile answer bodies, to a question that doesn't exist (every body is read and checked) and to one that does.
        foreach (var reference in new[] { "Q-ZZZZZZ", theirs })
        {
            foreach (var body in HostileInputCorpus.Variants(new JsonObject { ["answer"] = "It can: see a neurologist." }, "answer"))
            {
                var content = new ByteArrayContent(body.Bytes);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                await TryAsync($"answer {reference} {body.Name}", HttpMethod.Post, $"questions/{reference}/answer", content);
            }

            foreach (var type in new[] { "text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "application/json; charset=utf-16", "application/xml" })
            {
                var content = new StringContent("{\"answer\":\"x\"}");
                content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
                await TryAsync($"answer {reference} as {type}", HttpMethod.Post, $"questions/{reference}/answer", content);
            }

            await TryAsync($"answer {reference} without a body", HttpMethod.Post, $"questions/{reference}/answer");
            foreach (var body in HostileInputCorpus.Variants(new JsonObject { ["reason"] = "spam", ["note"] = "junk" }, "note"))
            {
                var content = new ByteArrayContent(body.Bytes);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                await TryAsync($"close {reference} {body.Name}", HttpMethod.Post, reference == theirs ? "questions/Q-ZZZZZZ/close" : $"questions/{reference}/close", content);
            }
        }

        foreach (var body in new[] { "{}", "[]", "null", "{\"references\": \"Q-ZZZZZZ\", \"reason\": \"spam\"}", "{\"references\": [null], \"reason\": \"spam\"}",
            "{\"references\": [\"../audit\"], \"reason\": \"spam\"}", "{\"references\": [" + string.Join(',', Enumerable.Repeat("\"Q-ZZZZZZ\"", 101)) + "], \"reason\": \"spam\"}",
            "{\"references\": [\"Q-ZZZZZZ\"], \"reason\": \"spam\"}" })
        {
            await TryAsync("bulk close " + body[..Math.Min(body.Length, 24)], HttpMethod.Post, "questions/close", new StringContent(body, Encoding.UTF8, "application/json"));
        }

        // Ids that look like paths, are too long or too odd, and another asker's question (staff may see every question).
        string[] ids =
        [
            "..", "..%2F..%2Faudit", "%2e%2e", "%2e%2e%2faudit", "..%5C..%5Caudit", "%00", "Q-ZZZZZZ%00", "q-zzzzzz", "Q-%C3%84BCDEF", "%E2%80%AE",
            new string('Q', 10_000), "Q-" + new string('A', 5_000), "Q-ABCDEF%3Fx%3D1", "%20Q-ABCDEF%20", "null", "-1", theirs, theirs.ToLowerInvariant(),
        ];
        foreach (var id in ids)
        {
            var what = "id " + id[..Math.Min(id.Length, 24)];
            await TryAsync(what, HttpMethod.Get, $"questions/{id}");
            await TryAsync(what, HttpMethod.Post, $"questions/{id}/answer", JsonContent.Create(new { answer = "x" }));
            await TryAsync(what, HttpMethod.Post, $"questions/{id}/close");
        }

        // Query strings.
        foreach (var q in new[] { "", " ", "<script>alert(1)</script>", "cure\"; DROP TABLE ticket; --", "*:*", "title:(a OR b)", "a~0.5^9", "\\", "[* TO *]",
            "%00", new string('a', 600), "\u202e\u0000\u001b" })
        {
            await TryAsync("search " + q[..Math.Min(q.Length, 24)], HttpMethod.Get, "search?q=" + Uri.EscapeDataString(q));
        }

        foreach (var max in new[] { "-1", "0", "abc", "99999999999999999999", "1e3", " 5", "5&max=6", "%00" })
        {
            await TryAsync("max " + max, HttpMethod.Get, "search?q=cure&max=" + max);
        }

        foreach (var status in new[] { "0", "1", "OPEN", "Answered", "unknown", "open;drop", "open&status=closed", new string('o', 5_000) })
        {
            await TryAsync("status " + status[..Math.Min(status.Length, 24)], HttpMethod.Get, "questions?status=" + status);
        }

        foreach (var paging in new[] { "page=0", "page=-1", "page=2147483647", "page=99999999999999999999", "page=1e3", "page=%00", "page= 1", "pageSize=0", "pageSize=101",
            "pageSize=-5", "pageSize=1&pageSize=2", "sort=oldest;drop", "sort=NEWEST", "sort=" + new string('n', 5_000), "page=2147483647&pageSize=100" })
        {
            await TryAsync("paging " + paging[..Math.Min(paging.Length, 24)], HttpMethod.Get, "questions?" + paging);
        }

        // Forged, altered, malformed and wrong-role keys.
        string[] keys =
        [
            "", "Bearer", "Bearer ", "Bearer x", "Bearer " + StaffClient.StaffKey + "x", "Bearer " + StaffClient.StaffKey[..^1], "Bearer " + StaffClient.StaffKey.ToUpperInvariant(),
            "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("tool:" + StaffClient.StaffKey)), StaffClient.StaffKey, "Bearer " + StaffClient.StaffKey + ", Bearer x",
            "Bearer " + new string('A', 20_000), "Bearer " + ApiKeyAuthenticationHandler.Hash(StaffClient.StaffKey), "Bearer\t" + StaffClient.StaffKey, "Bearer %00",
        ];
        foreach (var key in keys)
        {
            await TryAsync("key " + key[..Math.Min(key.Length, 24)], HttpMethod.Get, "questions", authorization: key);
            await TryAsync("key " + key[..Math.Min(key.Length, 24)], HttpMethod.Post, $"questions/{theirs}/close", authorization: key);
        }

        await TryAsync("staff key on the admin audit", HttpMethod.Get, "audit");
        await TryAsync("no key on the admin audit", HttpMethod.Get, "audit", authorization: null);
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
        {
            await TryAsync($"{method} on a question", method, $"questions/{theirs}");
            await TryAsync($"{method} on an answer", method, $"questions/{theirs}/answer");
        }

        await TryAsync("GET on an answer", HttpMethod.Get, $"questions/{theirs}/answer");
        await TryAsync("unknown endpoint", HttpMethod.Get, "questions/" + theirs + "/asker");
        _output.WriteLine($"{tried} hostile staff API requests");

        // Script and Markdown in a staff answer reach the asker as text, and the console shows them escaped.
        const string Injected = "<script>alert(1)</script> **bold** [click](javascript:alert(1)) <img src=x onerror=alert(1)>";
        using var api = new HttpClient { BaseAddress = address };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StaffClient.StaffKey);
        using (var answered = await api.PostAsJsonAsync(new Uri($"/api/staff/questions/{mine}/answer", UriKind.Relative), new { answer = Injected }))
        {
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        await factory.Services.GetRequiredService<StaffAnswerDelivery>().DeliverDueAsync(CancellationToken.None);
        var delivered = DirectLineClient.Text((await asker.GetAsync()).Activities.Last(a => DirectLineClient.Text(a)?.Contains("alert(1)", StringComparison.Ordinal) == true))!;
        // Markdown's escapes: every '<', '[' and '*' of the answer is a literal character, none starts a tag, link or emphasis.
        Assert.DoesNotMatch(@"(?<!\\)<", delivered);
        Assert.Contains("\\<img src=x onerror=alert(1)\\>", delivered, StringComparison.Ordinal);
        Assert.Contains("\\<script\\>alert(1)\\</script\\>", delivered, StringComparison.Ordinal);
        Assert.Contains("\\[click\\](javascript:alert(1))", delivered, StringComparison.Ordinal);
        Assert.Contains("\\*\\*bold\\*\\*", delivered, StringComparison.Ordinal);

        using var console = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = address };
        var login = await console.GetStringAsync(new Uri("/staff/login", UriKind.Relative));
        using (var signIn = await console.PostAsync(new Uri("/staff/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = StaffClient.NurseName, ["Password"] = StaffClient.NursePassword, ["__RequestVerificationToken"] = StaffClient.AntiforgeryTokens(login)[0],
        })))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        var page = await console.GetStringAsync(new Uri($"/staff/questions/{mine}", UriKind.Relative));
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(2)&lt;/script&gt;", page, StringComparison.Ordinal);

        // The API and the bot still work; the other asker's question was only ever touched by the staff key.
        using (var list = await api.GetAsync(new Uri("/api/staff/questions", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            var listed = await list.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal((2, 2), (listed.GetProperty("questions").GetArrayLength(), listed.GetProperty("total").GetInt32()));
        }

        await AssertStillAnswersAsync(http);
    }

    private static async Task<DirectLineClient> AskStaffAsync(HttpClient http, string question)
    {
        var client = await DirectLineClient.VisitAsync(http);
        await client.StartAsync();
        await client.SayAsync("ask a specialist: " + question);
        await client.SayAsync("Send it");
        return client;
    }

    // The protocol's answer to an invoke the bot doesn't handle is 501, as the Bot Framework SDK's: not a failure.
    private static bool IsUnhandledInvoke(HostileBody body, HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.NotImplemented && body.Name is "type invoke" or "duplicate members";

    private static async Task AssertStillAnswersAsync(HttpClient http) =>
        Assert.Contains("no cure", await new Conversation(http).AskAsync("is there a cure?"), StringComparison.Ordinal);
}
