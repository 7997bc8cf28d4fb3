using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DystoniaBot.DirectLine;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace DystoniaBot.BotFramework.Conformance.Tests.Connector;

/// <summary>
/// Our Connector client as a channel's Connector service sees it, beside the SDK's sending the same reply: a body with
/// Content-Length (never chunked), the SDK's User-Agent shape, the same path; the same activity id and bytes on every
/// retry. And the SDK's ConnectorClient calling the Connector-shaped endpoint we host (our Direct Line's).
/// </summary>
public sealed class ConnectorPeerTests(OurBotAndChannel host) : IClassFixture<OurBotAndChannel>
{
    private JsonObject TeamsMessage(string text) => OurBot.Recorded("teams-personal-message", a =>
    {
        a["text"] = text;
        a["serviceUrl"] = host.Channel.ServiceUrl;
        a["deliveryMode"] = "normal";
    });

    private async Task<IReadOnlyList<ConnectorRequest>> OursAsync(JsonObject incoming, int count)
    {
        using var response = await host.Bot.PostAsync(incoming);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversation = Uri.EscapeDataString(incoming["conversation"]!["id"]!.GetValue<string>());
        return await host.Channel.WaitForAsync(count, r => r.Path.Contains(conversation, StringComparison.Ordinal));
    }

    private async Task<ConnectorRequest> TheSdksAsync(JsonObject incoming)
    {
        var activity = SdkJson.Read<Activity>(incoming.ToJsonString());
        using var client = new ConnectorClient(new Uri(host.Channel.ServiceUrl), MicrosoftAppCredentials.Empty);
        await client.Conversations.ReplyToActivityAsync(activity.CreateReply("is there a cure?"));
        var conversation = Uri.EscapeDataString(activity.Conversation.Id);
        return (await host.Channel.WaitForAsync(1, r => r.Path.Contains(conversation, StringComparison.Ordinal) && r.Header("User-Agent")?.Contains("BotBuilder", StringComparison.Ordinal) == true))[0];
    }

    [Fact]
    public async Task Reply_ShouldBeSentAsTheSdkSendsIt()
    {
        var incoming = TeamsMessage("is there a cure?");

        var ours = (await OursAsync(incoming, 2))[^1];
        var theirs = await TheSdksAsync(incoming);

        foreach (var request in new[] { ours, theirs })
        {
            Assert.Equal("POST", request.Method);
            Assert.Equal(request.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Header("Content-Length"));
            Assert.Null(request.Header("Transfer-Encoding"));
            Assert.Equal("application/json; charset=utf-8", request.Header("Content-Type"));
        }

        Assert.Equal(theirs.Path, ours.Path);

        // The SDK's: its REST runtime's products (FxVersion, OSName…), then the Bot Framework's version, its own and the
        // runtime's. Ours: the same three, with our name.
        var (ourProducts, sdkProducts) = (Products(ours), Products(theirs));
        var protocol = Array.IndexOf(sdkProducts, "Microsoft-BotFramework/3.1");
        Assert.True(protocol >= 0, "The SDK's User-Agent: " + theirs.Header("User-Agent"));
        Assert.StartsWith("BotBuilder/", sdkProducts[protocol + 1], StringComparison.Ordinal);
        Assert.Matches(@"^\.NETCoreAppVersion/v[\d.]+$", sdkProducts[protocol + 2]);
        Assert.Equal(3, ourProducts.Length);
        Assert.Equal(sdkProducts[protocol], ourProducts[0]);
        Assert.Matches(@"^DystoniaBot/\d+\.\d+\.\d+$", ourProducts[1]);
        Assert.Matches(@"^\.NETCoreAppVersion/v[\d.]+$", ourProducts[2]);
    }

    /// <summary>The products of a User-Agent, in order.</summary>
    private static string[] Products(ConnectorRequest request)
    {
        var header = request.Header("User-Agent");
        Assert.False(string.IsNullOrEmpty(header));
        using var probe = new HttpRequestMessage();
        Assert.True(probe.Headers.UserAgent.TryParseAdd(header), "Not a User-Agent: " + header);
        return [.. probe.Headers.UserAgent.Where(p => p.Product is not null).Select(p => p.Product!.ToString())];
    }

    [Fact]
    public async Task Retries_ShouldSendTheSameActivityIdAndBytes_UntilTheChannelTakesIt()
    {
        var incoming = TeamsMessage("what causes dystonia");
        host.Channel.FailNext(2, StatusCodes.Status503ServiceUnavailable);

        var requests = await OursAsync(incoming, 4);

        // The typing indicator takes the two refusals and goes again; then the reply goes once.
        foreach (var attempts in requests.GroupBy(r => JsonNode.Parse(r.Text)!["id"]!.GetValue<string>()))
        {
            Assert.Single(attempts.Select(a => Convert.ToBase64String(a.Body)).Distinct());
            Assert.Equal(StatusCodes.Status200OK, attempts.Last().Status);
        }

        Assert.Equal(3, requests.Count(r => JsonNode.Parse(r.Text)!["type"]!.GetValue<string>() == "typing"));
    }

    [Fact]
    public async Task SdkConnectorClient_ShouldPostToOurDirectLine_AsToAnyChannel()
    {
        using var token = await host.Bot.Client.PostAsync(new Uri("/api/directline/token", UriKind.Relative), null);
        var visitor = await token.Content.ReadFromJsonAsync<JsonElement>();
        var bearer = new AuthenticationHeaderValue("Bearer", visitor.GetProperty("token").GetString());
        var conversationId = visitor.GetProperty("conversationId").GetString()!;
        using (var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Headers = { Authorization = bearer } })
        {
            using var started = await host.Bot.Client.SendAsync(start);
            Assert.True(started.IsSuccessStatusCode);
        }

        // The bot's Connector client reaches our Direct Line through this handler, in process: so does the SDK's.
        using var http = new HttpClient(new DirectLineConnectorHandler(host.Bot.Services) { InnerHandler = new HttpClientHandler() });
        using var client = new ConnectorClient(DirectLineChannel.ServiceUrl, MicrosoftAppCredentials.Empty, http);
        var sent = await client.Conversations.SendToConversationAsync(conversationId, MessageFactory.Text("Sent by the SDK's ConnectorClient"));

        Assert.False(string.IsNullOrEmpty(sent.Id));
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities") { Headers = { Authorization = bearer } };
        using var activities = await host.Bot.Client.SendAsync(read);
        var body = await activities.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(body.GetProperty("activities").EnumerateArray(), a => a.GetProperty("id").GetString() == sent.Id
            && a.GetProperty("text").GetString() == "Sent by the SDK's ConnectorClient");
    }
}
