using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace DystoniaBot.Web.Tests.Bots;

public sealed class MessagesEndpointTests : IClassFixture<BotFactory>
{
    private readonly HttpClient _client;

    public MessagesEndpointTests(BotFactory factory) => _client = factory.CreateClient();

    private static object Message(string text, string deliveryMode = "expectReplies", string serviceUrl = "http://127.0.0.1:9", object? conversation = null) => new
    {
        type = "message",
        id = "act-1",
        channelId = "emulator",
        serviceUrl,
        from = new { id = "user-1", name = "User" },
        recipient = new { id = "bot-1", name = "DystoniaBot" },
        conversation = conversation ?? new { id = "conv-" + Guid.NewGuid() },
        text,
        locale = "en-US",
        deliveryMode,
    };

    private async Task<JsonElement[]> Replies(object activity)
    {
        var response = await _client.PostAsJsonAsync("/api/messages", activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("activities").EnumerateArray().ToArray();
    }

    [Fact]
    public async Task Message_ShouldBeAnsweredFirst_WithOneSourceAndOneDisclaimerLine_WhenRepliesAreExpected()
    {
        var reply = Assert.Single(await Replies(Message("is there a cure?")));

        // The sentence that answers, its citation, one line of disclaimer: nothing else to read before the answer.
        var text = reply.GetProperty("text").GetString()!;
        Assert.Equal("message", reply.GetProperty("type").GetString());
        Assert.Equal("markdown", reply.GetProperty("textFormat").GetString());
        Assert.StartsWith("**Dystonia has no cure.** [1]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Source:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("botulinum", text, StringComparison.Ordinal);
        Assert.Contains("neurologist", text, StringComparison.Ordinal);
        Assert.InRange(text.Split("\n\n")[..2].Sum(part => part.Split(' ').Length), 1, 40);
        Assert.Equal("user-1", reply.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("act-1", reply.GetProperty("replyToId").GetString());
        var citation = reply.GetProperty("entities")[0];
        Assert.Equal("https://schema.org/Message", citation.GetProperty("type").GetString());
        Assert.Equal("Claim", citation.GetProperty("citation")[0].GetProperty("@type").GetString());

        // The source, once: title, publisher, licence and link, in the citation.
        var source = citation.GetProperty("citation")[0].GetProperty("appearance");
        Assert.Equal("Dystonia — CCM Health, Creative Commons licence", source.GetProperty("name").GetString());
        Assert.Equal("https://health.ccm.net/", source.GetProperty("url").GetString());
        Assert.NotEmpty(reply.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray());
    }

    [Fact]
    public async Task RedFlag_ShouldGetOnlyTheEmergencyReply()
    {
        var reply = Assert.Single(await Replies(Message("I can't breathe")));

        Assert.Contains("911", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(reply.TryGetProperty("entities", out _));

        // The alert card is Teams': the Emulator (like Web Chat) shows the Markdown with its tel: links.
        Assert.False(reply.TryGetProperty("attachments", out _));
    }

    [Fact]
    public async Task TellMeMore_ShouldContinueTheSameConversation()
    {
        var conversation = new { id = "conv-more-" + Guid.NewGuid() };

        await Replies(Message("What is dystonia?", conversation: conversation));
        var more = Assert.Single(await Replies(Message("tell me more", conversation: conversation)));

        Assert.Contains("Symptoms vary", more.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsChannelMessage_ShouldIgnoreTheBotMention_AndOfferNoSuggestedActions()
    {
        var activity = new
        {
            type = "message",
            id = "t-1",
            channelId = "msteams",
            serviceUrl = "http://127.0.0.1:9",
            from = new { id = "29:user" },
            recipient = new { id = "28:bot", name = "DystoniaBot" },
            conversation = new { id = "19:channel;messageid=1", conversationType = "channel", isGroup = true },
            text = "<at>DystoniaBot</at> what causes dystonia?",
            entities = new object[] { new { type = "mention", mentioned = new { id = "28:bot", name = "DystoniaBot" }, text = "<at>DystoniaBot</at>" } },
            deliveryMode = "expectReplies",
        };

        var reply = Assert.Single(await Replies(activity));

        Assert.Contains("**The causes of this disease are essentially hereditary.**", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(reply.TryGetProperty("suggestedActions", out _));
    }

    [Fact]
    public async Task ConversationUpdate_ShouldWelcomeOnce_WhenTheUserJoins()
    {
        var join = new
        {
            type = "conversationUpdate",
            id = "cu-1",
            channelId = "emulator",
            serviceUrl = "http://127.0.0.1:9",
            from = new { id = "user-1" },
            recipient = new { id = "bot-1" },
            conversation = new { id = "conv-join" },
            membersAdded = new[] { new { id = "bot-1" }, new { id = "user-1" } },
            deliveryMode = "expectReplies",
        };
        var botOnly = new { join.type, id = "cu-2", join.channelId, join.serviceUrl, join.from, join.recipient, join.conversation, membersAdded = new[] { new { id = "bot-1" } }, join.deliveryMode };

        var welcome = Assert.Single(await Replies(join));
        var none = await Replies(botOnly);

        Assert.Contains("I'm DystoniaBot", welcome.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.InRange(welcome.GetProperty("suggestedActions").GetProperty("actions").GetArrayLength(), 3, 4);
        Assert.Empty(none);
    }

    [Fact]
    public async Task UnknownActivityType_ShouldBeIgnored()
    {
        var response = await _client.PostAsJsonAsync("/api/messages", new { type = "somethingNew", id = "x", conversation = new { id = "c" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UnhandledInvoke_ShouldAnswer501()
    {
        var response = await _client.PostAsJsonAsync("/api/messages", new { type = "invoke", name = "unknown/thing", id = "x", conversation = new { id = "c" } });

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task OtherMethods_ShouldGet405(string method)
    {
        var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/messages"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"text\": \"no type\"}")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"type\": 42}")]
    [InlineData("{\"type\": \"message\", \"text\": \"unterminated")]
    public async Task BadBodies_ShouldGet400WithAClearError(string body)
    {
        var response = await _client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(error.GetProperty("error").GetProperty("message").GetString()));
    }

    [Theory]
    [InlineData("{\"type\": \"message\", \"text\": \"hi\", \"conversation\": {\"id\": \"c\"}}")]
    [InlineData("{\"type\": \"message\", \"text\": \"hi\", \"serviceUrl\": \"not a url\", \"conversation\": {\"id\": \"c\"}}")]
    [InlineData("{\"type\": \"message\", \"text\": \"hi\", \"serviceUrl\": \"ftp://host/\", \"conversation\": {\"id\": \"c\"}}")]
    [InlineData("{\"type\": \"message\", \"text\": \"hi\", \"serviceUrl\": \"http://127.0.0.1:9\"}")]
    public async Task MessagesWhoseRepliesCannotBeAddressed_ShouldGet400(string body)
    {
        var response = await _client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task NullMembers_ShouldBeIgnored()
    {
        var response = await _client.PostAsync("/api/messages", new StringContent(
            "{\"type\":\"conversationUpdate\",\"membersAdded\":[null],\"deliveryMode\":\"expectReplies\",\"conversation\":{\"id\":\"c\"}}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UnreachableChannel_ShouldGet502_NotA500()
    {
        var response = await _client.PostAsJsonAsync("/api/messages", Message("is there a cure", deliveryMode: "normal", serviceUrl: "http://127.0.0.1:9"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
    }

    [Fact]
    public async Task DeeplyNestedJson_ShouldGet400()
    {
        var body = "{\"type\":\"message\",\"channelData\":" + new string('[', 5000) + new string(']', 5000) + "}";

        var response = await _client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task OversizedBodies_ShouldGet413()
    {
        var body = JsonSerializer.Serialize(new { type = "message", text = new string('a', 300_000) });

        var response = await _client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task NormalDelivery_ShouldPostTypingThenTheReplyToTheChannel()
    {
        await using var channel = await FakeChannel.StartAsync();

        var response = await _client.PostAsJsonAsync("/api/messages", Message("what is an EMG?", deliveryMode: "normal", serviceUrl: channel.ServiceUrl));
        var received = await channel.WaitForAsync(2);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["typing", "message"], received.Select(a => a.GetProperty("type").GetString()));
        Assert.All(channel.Received, r => Assert.EndsWith("/activities/act-1", r.Path, StringComparison.Ordinal));
        Assert.Contains("electromyogram", received[1].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task ThrottledChannel_ShouldBeRetried_WithoutDuplicates(int status)
    {
        await using var channel = await FakeChannel.StartAsync();
        channel.RefuseStatus = status;
        channel.RefuseNext(1);

        var response = await _client.PostAsJsonAsync("/api/messages", Message("is there a cure", deliveryMode: "normal", serviceUrl: channel.ServiceUrl));
        var received = await channel.WaitForAsync(2);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, received.Count);
        Assert.Equal(1, received.Count(a => a.GetProperty("type").GetString() == "message"));
        Assert.Equal(3, channel.Requests);
    }
}
