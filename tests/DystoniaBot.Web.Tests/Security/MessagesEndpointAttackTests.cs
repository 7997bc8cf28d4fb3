using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DystoniaBot.Conversation.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace DystoniaBot.Web.Tests.Security;

/// <summary>
/// What someone on the network can do with /api/messages when the bot has no app id: they may not pose as our own
/// Direct Line, make the bot send requests anywhere, or talk to it from another machine unless it is opened on purpose.
/// All against the host on a real port of 127.0.0.1; "another machine" is a visitor a proxy on this one forwards.
/// </summary>
public sealed class MessagesEndpointAttackTests(LiveHost host) : IClassFixture<LiveHost>
{
    private static Dictionary<string, object?> Activity(string channelId, string serviceUrl, string text = "is there a cure?", string? deliveryMode = "expectReplies") => new()
    {
        ["type"] = "message",
        ["id"] = "attack-1",
        ["channelId"] = channelId,
        ["serviceUrl"] = serviceUrl,
        ["from"] = new { id = "user-1" },
        ["recipient"] = new { id = "bot" },
        ["conversation"] = new { id = "conv-" + Guid.NewGuid().ToString("N") },
        ["text"] = text,
        ["locale"] = "en-US",
        ["deliveryMode"] = deliveryMode,
    };

    [Theory]
    [InlineData("directline", "https://directline.localhost/")]
    [InlineData("directline", "https://smba.trafficmanager.net/emea/")]
    [InlineData("emulator", "https://directline.localhost/")]
    [InlineData("DirectLine", "http://127.0.0.1:9")]
    public async Task PosingAsOurDirectLine_ShouldBeRefused(string channelId, string serviceUrl)
    {
        using var client = host.CreateClient();
        var response = await client.PostAsJsonAsync("/api/messages", Activity(channelId, serviceUrl));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("hosted by this bot", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("msteams", "https://attacker.example/")]
    [InlineData("msteams", "http://smba.trafficmanager.net/emea/")]
    [InlineData("msteams", "https://smba.trafficmanager.net.attacker.example/")]
    [InlineData("webchat", "http://10.0.0.7:8080/")]
    [InlineData("emulator", "http://169.254.169.254/latest/")]
    public async Task AServiceUrlThatIsNotAChannels_ShouldBeRefused_BeforeAnyTurn(string channelId, string serviceUrl)
    {
        using var client = host.CreateClient();
        var response = await client.PostAsJsonAsync("/api/messages", Activity(channelId, serviceUrl, deliveryMode: null));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("serviceUrl is refused", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALoopbackServiceUrl_ShouldBeTheEmulatorsOnly_UnlessItsHostIsListed()
    {
        await using var channel = await FakeChannel.StartAsync();

        // Not listed: a Teams activity may not send the bot's replies (or the staff's answer) to a local port.
        await using (var strict = BotFactory.CreateLive(new() { ["ChannelServiceHosts:0"] = "" }))
        {
            using var client = LiveHost.Client(strict.StartLive());
            var refused = await client.PostAsJsonAsync("/api/messages", Activity("msteams", channel.ServiceUrl, deliveryMode: null));
            var emulator = await client.PostAsJsonAsync("/api/messages", Activity("emulator", channel.ServiceUrl, deliveryMode: null));

            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal(HttpStatusCode.OK, emulator.StatusCode);
        }

        // Listed (as the tests' fake channels are): any channel id.
        using var listed = host.CreateClient();
        var accepted = await listed.PostAsJsonAsync("/api/messages", Activity("msteams", channel.ServiceUrl, deliveryMode: null));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(2, channel.Received.Count(r => r.Activity.GetProperty("type").GetString() == "message"));

        // Every reply came with its length, never chunked: a channel that reads by Content-Length gets all of it.
        Assert.NotEmpty(channel.Framing);
        Assert.All(channel.Framing, f => Assert.Equal((f.BytesRead, (string?)null), (f.ContentLength!.Value, f.TransferEncoding)));
    }

    [Fact]
    public async Task AnonymousMessages_ShouldComeFromThisMachineOnly_UnlessOpenedOnPurpose()
    {
        var logs = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var opened = BotFactory.CreateLive(new() { ["AllowAnonymousMessagesFromAnyAddress"] = "true" },
            services: services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(new ApiKeyExpiryTests.CapturingLogs(logs)));
        var openedAddress = opened.StartLive();

        var fromAfar = await Post(host.Address, "203.0.113.9");
        var fromHere = await Post(host.Address, null);
        var fromAfarWhenOpened = await Post(openedAddress, "203.0.113.9");

        Assert.Equal(HttpStatusCode.Forbidden, fromAfar.StatusCode);
        Assert.Contains("from this machine only", await fromAfar.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, fromHere.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fromAfarWhenOpened.StatusCode);

        // Opened, the host says so at startup.
        Assert.Contains("Warning: No MicrosoftAppId configured: /api/messages accepts unauthenticated requests from any address (AllowAnonymousMessagesFromAnyAddress is set)"
            + " (local development and the Emulator)", logs);
    }

    [Fact]
    public async Task AnonymousMessagesFromAfar_ShouldBeLimitedPerAddress_WhateverConversationTheyClaim()
    {
        await using var opened = BotFactory.CreateLive(new() { ["AllowAnonymousMessagesFromAnyAddress"] = "true", ["DirectLine:RequestsPerMinute"] = "3" });
        var address = opened.StartLive();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            // A new conversation id each time (Activity makes one): only the address can be counted.
            statuses.Add((await Post(address, "203.0.113.9")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await Post(address, "198.51.100.7")).StatusCode);
    }

    [Fact]
    public async Task AMessageOverTheLimit_ShouldGetARequestForAShorterOne_ButAnEmergencyInItItsReply()
    {
        using var client = host.CreateClient();
        var question = "Please could you tell me whether my neck will get better, my quokka asks. " + new string('x', 234 * 1024 / 2);

        var replies = await Replies(client, Activity("emulator", "http://127.0.0.1:9", question));
        var emergency = await Replies(client, Activity("emulator", "http://127.0.0.1:9", "I took the whole bottle of my pills and I can't stay awake. " + new string('x', 3000)));

        var reply = Assert.Single(replies);
        Assert.Contains("characters long, and I can read up to 2,000", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("911", Assert.Single(emergency).GetProperty("text").GetString(), StringComparison.Ordinal);

        // Nothing of the long message is kept: not a word of it in the database's files.
        foreach (var file in new[] { host.Factory.DatabasePath, host.Factory.DatabasePath + "-wal" }.Where(File.Exists))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            Assert.DoesNotContain("my quokka asks", await reader.ReadToEndAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AForgedRating_ShouldKeepOnlyAPassageTheIndexHas_AndTextsNoLongerThanAMessage()
    {
        using var client = host.CreateClient();
        var rating = Activity("emulator", "http://127.0.0.1:9");
        rating.Remove("text");
        rating["value"] = new { action = "feedback", helpful = false, passageId = "made-up#99", question = new string('q', 60_000), comment = new string('c', 60_000) };
        var conversation = JsonSerializer.SerializeToElement(rating["conversation"]).GetProperty("id").GetString();

        Assert.Single(await Replies(client, rating));

        var stored = Assert.Single(await host.Factory.Services.GetRequiredService<IFeedbackStore>().ListAsync(100, default), f => f.ConversationKey == "emulator/" + conversation);
        Assert.Null(stored.PassageId);
        Assert.Equal(2_000, stored.Question!.Length);
        Assert.Equal(2_000, stored.Comment!.Length);
    }

    /// <summary>An Emulator message, from this machine or from a visitor at <paramref name="forwardedFor"/> behind a proxy on it.</summary>
    private static async Task<HttpResponseMessage> Post(Uri host, string? forwardedFor)
    {
        using var client = LiveHost.Client(host, forwardedFor);
        return await client.PostAsJsonAsync("/api/messages", Activity("emulator", "http://127.0.0.1:9"));
    }

    private static async Task<JsonElement[]> Replies(HttpClient client, object activity)
    {
        var response = await client.PostAsJsonAsync("/api/messages", activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("activities").EnumerateArray().ToArray();
    }
}
