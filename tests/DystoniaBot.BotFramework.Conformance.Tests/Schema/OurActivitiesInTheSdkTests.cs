using System.Net;
using System.Text.Json.Nodes;
using DystoniaBot.Conversation.Handoff;
using DystoniaBot.Handoff;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace DystoniaBot.BotFramework.Conformance.Tests.Schema;

/// <summary>
/// Every kind of activity our real bot sends, read with the SDK's Activity and its helpers: nothing lost when the SDK
/// writes it again, addressed as the SDK's own CreateReply addresses a reply, and each part (text, cards and their
/// content types, suggested actions, entities, channel data, reference) read as we mean it.
/// </summary>
public sealed class OurActivitiesInTheSdkTests(OurBotAndChannel host) : IClassFixture<OurBotAndChannel>
{
    private const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";
    private readonly ConnectorRecorder _channel = host.Channel;
    private readonly OurBot _bot = host.Bot;

    /// <summary>A Teams 1:1 message whose replies would go to the recorder.</summary>
    private JsonObject TeamsMessage(string text) => OurBot.Recorded("teams-personal-message", a =>
    {
        a["text"] = text;
        a["serviceUrl"] = _channel.ServiceUrl;
    });

    /// <summary>Reads our activity with the SDK, checks that writing it again loses nothing, and returns it.</summary>
    private static Activity ReadLosslessly(JsonObject ours)
    {
        var activity = SdkJson.Read<Activity>(ours.ToJsonString());
        JsonDifferences.AssertSame(ours, SdkJson.Node(activity));
        return activity;
    }

    /// <summary>Our reply carries the addressing the SDK's CreateReply gives a reply to <paramref name="incoming"/>.</summary>
    private static void AssertAddressedAsTheSdkWould(JsonObject incoming, Activity reply)
    {
        var expected = SdkJson.Read<Activity>(incoming.ToJsonString()).CreateReply();
        Assert.Equal(expected.Type, reply.Type);
        Assert.Equal(expected.ChannelId, reply.ChannelId);
        Assert.Equal(expected.ServiceUrl, reply.ServiceUrl);
        Assert.Equal(expected.Conversation.Id, reply.Conversation.Id);
        Assert.Equal(expected.From.Id, reply.From.Id);
        Assert.Equal(expected.From.Name, reply.From.Name);
        Assert.Equal(expected.Recipient.Id, reply.Recipient.Id);
        Assert.Equal(expected.Recipient.Name, reply.Recipient.Name);
        Assert.Equal(expected.ReplyToId, reply.ReplyToId);
        Assert.Equal(expected.Locale, reply.Locale);
    }

    private static string[] Buttons(Activity reply) =>
        [.. reply.SuggestedActions.Actions.Select(action =>
        {
            Assert.Equal(ActionTypes.ImBack, action.Type);
            Assert.Equal(action.Title, action.Value as string);
            return action.Title;
        })];

    [Fact]
    public async Task Answer_ShouldReadInTheSdk_AsMarkdownWithAnAdaptiveCardACitationAndSuggestedActions()
    {
        var incoming = TeamsMessage("is there a cure?");

        var reply = ReadLosslessly((await _bot.ExpectRepliesAsync(incoming))[^1]);

        AssertAddressedAsTheSdkWould(incoming, reply);
        var message = reply.AsMessageActivity();
        Assert.NotNull(message);
        Assert.Equal(TextFormatTypes.Markdown, message.TextFormat);
        Assert.Contains("no cure", message.Text, StringComparison.Ordinal);
        Assert.Contains("[1]", message.Text, StringComparison.Ordinal);
        Assert.Empty(reply.GetMentions());
        Assert.Null(reply.ChannelData);
        Assert.NotEmpty(Buttons(reply));

        var card = Assert.Single(reply.Attachments);
        Assert.Equal(AdaptiveCardContentType, card.ContentType);
        var content = Assert.IsType<JObject>(card.Content);
        Assert.Equal("AdaptiveCard", (string?)content["type"]);
        Assert.True(decimal.Parse((string)content["version"]!, System.Globalization.CultureInfo.InvariantCulture) <= 1.5m);
        var fullParagraph = content["actions"]!.Single(a => (string?)a["title"] == "Read the full paragraph");
        Assert.Equal("Action.Submit", (string?)fullParagraph["type"]);
        Assert.Equal("passage", (string?)fullParagraph["data"]!["action"]);

        // The citation is the schema.org Message entity that Teams and Web Chat render under the text.
        var citation = Assert.Single(reply.Entities);
        Assert.Equal("https://schema.org/Message", citation.Type);
        var claim = citation.Properties["citation"]![0]!;
        Assert.Equal("Claim", (string?)claim["@type"]);
        Assert.Equal(1, (int)claim["position"]!);
        Assert.Equal("DigitalDocument", (string?)claim["appearance"]!["@type"]);
        Assert.StartsWith("https://", (string?)claim["appearance"]!["url"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerInATeamsChannel_ShouldOfferFollowUpsAsCardButtons_NotSuggestedActions()
    {
        var incoming = OurBot.Recorded("teams-channel-message", a => a["serviceUrl"] = _channel.ServiceUrl);

        var reply = ReadLosslessly((await _bot.ExpectRepliesAsync(incoming))[^1]);

        AssertAddressedAsTheSdkWould(incoming, reply);
        Assert.Null(reply.SuggestedActions);
        var card = (JObject)Assert.Single(reply.Attachments).Content;
        Assert.Contains(card["actions"]!, a => (string?)a["type"] == "Action.Submit");
    }

    [Fact]
    public async Task NoAnswer_ShouldReadInTheSdk_AsAPlainMarkdownReply()
    {
        var incoming = TeamsMessage("how do I bake sourdough bread");

        var reply = ReadLosslessly((await _bot.ExpectRepliesAsync(incoming))[^1]);

        AssertAddressedAsTheSdkWould(incoming, reply);
        Assert.Equal(TextFormatTypes.Markdown, reply.TextFormat);
        Assert.Contains("neurologist", reply.Text, StringComparison.Ordinal);
        Assert.True(reply.Attachments is null || reply.Attachments.Count == 0);
        Assert.True(reply.Entities is null || reply.Entities.Count == 0);
    }

    [Fact]
    public async Task EmergencyInTeams_ShouldReadInTheSdk_AsMarkdownWithAnAlertCardOfNumbersToDial()
    {
        var incoming = TeamsMessage("my son can't breathe and his throat is closing after the injection");

        var reply = ReadLosslessly((await _bot.ExpectRepliesAsync(incoming))[^1]);

        AssertAddressedAsTheSdkWould(incoming, reply);
        Assert.Equal(TextFormatTypes.Markdown, reply.TextFormat);
        Assert.Contains("999", reply.Text, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(reply.Speak));
        Assert.True(reply.Entities is null || reply.Entities.Count == 0);
        var attachment = Assert.Single(reply.Attachments);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        var alert = ((JObject)attachment.Content)["body"]![0]!;
        Assert.Equal("attention", (string?)alert["style"]);
        Assert.Equal("tel:999", (string?)alert["items"]![1]!["actions"]![0]!["url"]);
    }

    [Fact]
    public async Task Welcome_ShouldReadInTheSdk_AsAReplyToTheConversationUpdate()
    {
        var incoming = OurBot.Recorded("emulator-conversation-update");

        var reply = ReadLosslessly(Assert.Single(await _bot.ExpectRepliesAsync(incoming)));

        AssertAddressedAsTheSdkWould(incoming, reply);
        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Contains("dystonia", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(Buttons(reply));
    }

    [Fact]
    public async Task HandoffConsentConfirmationAndStaffAnswer_ShouldReadInTheSdk()
    {
        var question = "Can dystonia affect my voice?";
        var first = TeamsMessage(question);
        Activity Say(IReadOnlyList<JsonObject> replies) => ReadLosslessly(replies[^1]);
        JsonObject Next(string text) => TeamsMessage(text).Also(a => a["conversation"] = first["conversation"]!.DeepClone());

        Assert.Contains("Ask a question", Buttons(Say(await _bot.ExpectRepliesAsync(first))));
        var consent = Say(await _bot.ExpectRepliesAsync(Next("Ask a question")));
        Assert.Contains(question, consent.Text, StringComparison.Ordinal);
        Assert.Equal(["Send it", "Edit", "Cancel"], Buttons(consent));
        var sendIt = Next("Send it");
        var confirmation = Say(await _bot.ExpectRepliesAsync(sendIt));
        AssertAddressedAsTheSdkWould(sendIt, confirmation);
        var ticket = Assert.Single(await _bot.Services.GetRequiredService<ITicketStore>().ListAsync(TicketStatus.Open, 10, CancellationToken.None));
        Assert.Contains(ticket.Reference, confirmation.Text, StringComparison.Ordinal);

        // The staff's answer reaches the chat later, through the Connector, as a new message in the conversation.
        var (_, problem) = await _bot.Services.GetRequiredService<TicketDesk>().AnswerAsync(ticket.Reference, "Yes: it is called spasmodic dysphonia.", "Nurse Ada", CancellationToken.None);
        Assert.Null(problem);
        var delivered = Assert.Single(await _channel.WaitForAsync(1, r => r.Text.Contains("spasmodic dysphonia", StringComparison.Ordinal)));

        var answer = ReadLosslessly(JsonNode.Parse(delivered.Text)!.AsObject());
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(answer.Conversation.Id)}/activities", delivered.Path);
        Assert.Equal(first["conversation"]!["id"]!.GetValue<string>(), answer.Conversation.Id);
        Assert.Equal(first["recipient"]!["id"]!.GetValue<string>(), answer.From.Id);
        Assert.Equal(first["from"]!["id"]!.GetValue<string>(), answer.Recipient.Id);
        Assert.Equal(TextFormatTypes.Markdown, answer.TextFormat);
        Assert.Equal(AdaptiveCardContentType, Assert.Single(answer.Attachments).ContentType);
    }

    [Fact]
    public async Task TypingThenReply_ShouldReachTheChannel_AsTheSdkReadsThem()
    {
        var incoming = TeamsMessage("what is dystonia?");
        incoming["deliveryMode"] = "normal";

        using var response = await _bot.PostAsync(incoming);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversation = Uri.EscapeDataString(incoming["conversation"]!["id"]!.GetValue<string>());
        var sent = await _channel.WaitForAsync(2, r => r.Path.Contains(conversation, StringComparison.Ordinal));
        var typing = ReadLosslessly(JsonNode.Parse(sent[0].Text)!.AsObject());
        Assert.Equal(ActivityTypes.Typing, typing.Type);
        Assert.NotNull(typing.AsTypingActivity());
        var reply = ReadLosslessly(JsonNode.Parse(sent[1].Text)!.AsObject());
        AssertAddressedAsTheSdkWould(incoming, reply);
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(reply.Conversation.Id)}/activities/{Uri.EscapeDataString(reply.ReplyToId)}", sent[1].Path);

        // The reference the bot keeps for proactive messages is the one the SDK takes from the same activity.
        var sdkReference = SdkJson.Read<Activity>(incoming.ToJsonString()).GetConversationReference();
        var ours = SdkJson.Read<ConversationReference>(OurReference(incoming).ToJsonString());
        JsonDifferences.AssertSame(SdkJson.Node(sdkReference), SdkJson.Node(ours));
    }

    private static JsonNode OurReference(JsonObject incoming)
    {
        var activity = System.Text.Json.JsonSerializer.Deserialize<DystoniaBot.BotFramework.Schema.Activity>(incoming.ToJsonString(), DystoniaBot.BotFramework.Serialization.ProtocolJson.Options)!;
        return System.Text.Json.JsonSerializer.SerializeToNode(activity.GetConversationReference(), DystoniaBot.BotFramework.Serialization.ProtocolJson.Options)!;
    }

    [Fact]
    public async Task SearchExtensionResult_ShouldReadInTheSdk_AsAMessagingExtensionResponse()
    {
        using var response = await _bot.PostAsync(OurBot.Recorded("teams-compose-extension-query"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var result = SdkJson.Read<MessagingExtensionResponse>(json.ToJsonString());
        JsonDifferences.AssertSame(json, SdkJson.Node(result));
        Assert.Equal("result", result.ComposeExtension.Type);
        Assert.Equal(AttachmentLayoutTypes.List, result.ComposeExtension.AttachmentLayout);
        Assert.NotEmpty(result.ComposeExtension.Attachments);
        foreach (var attachment in result.ComposeExtension.Attachments)
        {
            Assert.Equal(AdaptiveCardContentType, attachment.ContentType);
            Assert.Equal(ThumbnailCard.ContentType, attachment.Preview.ContentType);
            var preview = ((JObject)attachment.Preview.Content).ToObject<ThumbnailCard>()!;
            Assert.False(string.IsNullOrWhiteSpace(preview.Title));
        }
    }

    [Theory]
    [InlineData("an/unknownInvoke", """{"anything":1}""")]
    [InlineData("adaptiveCard/action", """{"action":{"type":"Action.Execute","verb":"refresh","data":{}},"trigger":"manual"}""")]
    public async Task UnhandledInvoke_ShouldGetTheSdksStatus(string name, string value)
    {
        var invoke = OurBot.Recorded("teams-compose-extension-query", a =>
        {
            a["name"] = name;
            a["value"] = JsonNode.Parse(value);
        });
        await using var sdk = await SdkBotProcess.StartAsync(new Dictionary<string, string?>());
        using var client = new HttpClient { BaseAddress = sdk.BaseAddress };

        using var ours = await _bot.PostAsync(invoke);
        using var theirs = await client.PostAsync("/api/messages", new StringContent(invoke.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotImplemented, theirs.StatusCode);
        Assert.Equal(theirs.StatusCode, ours.StatusCode);
    }
}

internal static class JsonObjectExtensions
{
    /// <summary>Changes <paramref name="node"/> and returns it.</summary>
    public static JsonObject Also(this JsonObject node, Action<JsonObject> change)
    {
        change(node);
        return node;
    }
}
