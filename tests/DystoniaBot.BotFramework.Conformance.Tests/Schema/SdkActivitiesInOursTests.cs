using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json.Linq;
using Ours = DystoniaBot.BotFramework.Schema;
using OurTeams = DystoniaBot.BotFramework.Schema.Teams;
using ProtocolJson = DystoniaBot.BotFramework.Serialization.ProtocolJson;

namespace DystoniaBot.BotFramework.Conformance.Tests.Schema;

/// <summary>
/// Activities the SDK builds (MessageFactory, hero and Adaptive Card attachments, Teams mentions and channel data,
/// conversationUpdate, invoke) read with our schema and written again without losing or changing a field, read by our
/// helpers as the SDK's read them, and answered by our bot as the activity means.
/// </summary>
public sealed class SdkActivitiesInOursTests(OurBotAndChannel host) : IClassFixture<OurBotAndChannel>
{
    private const string BotId = "28:00000000-0000-4000-8000-000000000003";
    private const string UserId = "29:1abc-user";

    /// <summary>Fills in what a channel adds to an activity the SDK built: addressing, ids, times.</summary>
    private static Activity FromChannel(IActivity built, string channelId = Channels.Msteams, string conversationType = "personal")
    {
        var activity = (Activity)built;
        activity.Id = "1763633911456";
        activity.ChannelId = channelId;
        activity.ServiceUrl = "https://smba.trafficmanager.net/emea/";
        activity.Timestamp = new DateTimeOffset(2026, 11, 20, 10, 20, 11, 456, TimeSpan.Zero);
        activity.LocalTimestamp = new DateTimeOffset(2026, 11, 20, 11, 20, 11, 456, TimeSpan.FromHours(1));
        activity.From = new ChannelAccount(UserId, "Alex Example", RoleTypes.User, "7f0e1d2c-0000-4000-8000-000000000001");
        activity.Recipient = new ChannelAccount(BotId, "DystoniaBot", RoleTypes.Bot);
        activity.Conversation = new ConversationAccount(isGroup: conversationType != "personal", conversationType: conversationType,
            id: "a:conversation-" + Guid.NewGuid().ToString("N"), tenantId: "72f988bf-0000-4000-8000-000000000002");
        activity.Locale = "en-GB";
        return activity;
    }

    /// <summary>Reads the SDK's JSON with our schema, checks our JSON of it is the same, and returns ours.</summary>
    private static Ours.Activity RoundTrip(Activity sdk)
    {
        var json = SdkJson.Node(sdk);
        var ours = JsonSerializer.Deserialize<Ours.Activity>(json.ToJsonString(), ProtocolJson.Options)!;
        JsonDifferences.AssertSame(json, JsonSerializer.SerializeToNode(ours, ProtocolJson.Options));
        return ours;
    }

    public static TheoryData<string> Built => ["text", "suggestedActions", "hero", "carousel", "adaptive", "mention", "teamsChannelData", "typing", "event"];

    private static Activity Build(string kind) => kind switch
    {
        "text" => FromChannel(MessageFactory.Text("is there a cure?", "is there a cure?", InputHints.ExpectingInput)),
        "suggestedActions" => FromChannel(MessageFactory.SuggestedActions(["Yes", "No"], "Did that help?", null, InputHints.ExpectingInput)),
        "hero" => FromChannel(MessageFactory.Attachment(new HeroCard("Dystonia", "CCM Health", "What it is", [new CardImage("https://example.org/a.png", "A picture")],
            [new CardAction(ActionTypes.OpenUrl, "Read", value: "https://health.ccm.net/"), new CardAction(ActionTypes.ImBack, "More", value: "tell me more")]).ToAttachment())),
        "carousel" => FromChannel(MessageFactory.Carousel([new ThumbnailCard("One", text: "first").ToAttachment(), new ThumbnailCard("Two", text: "second").ToAttachment()], "Pick one")),
        "adaptive" => FromChannel(MessageFactory.Attachment(new Attachment("application/vnd.microsoft.card.adaptive", content: JObject.Parse(
            """{"type":"AdaptiveCard","version":"1.5","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","body":[{"type":"TextBlock","text":"Hello","wrap":true}],"actions":[{"type":"Action.Submit","title":"Helpful","data":{"action":"feedback","helpful":true,"weight":1.50}}]}""")))),
        "mention" => Mention(FromChannel(MessageFactory.Text("<at>DystoniaBot</at> is there a cure?"), conversationType: "channel")),
        "teamsChannelData" => WithTeamsChannelData(FromChannel(MessageFactory.Text("hello"), conversationType: "channel")),
        "typing" => FromChannel(Activity.CreateTypingActivity()),
        "event" => FromChannel(new Activity(ActivityTypes.Event, name: "webchat/join", value: JObject.Parse("""{"language":"en-GB"}"""))),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static Activity Mention(Activity activity)
    {
        activity.Entities = [new Mention(new ChannelAccount(BotId, "DystoniaBot"), "<at>DystoniaBot</at>"), new Entity("clientInfo") { Properties = JObject.Parse("""{"locale":"en-GB","platform":"Web"}""") }];
        activity.Properties["localTimezone"] = "Europe/London";
        return activity;
    }

    private static Activity WithTeamsChannelData(Activity activity)
    {
        activity.ChannelData = new TeamsChannelData
        {
            Channel = new ChannelInfo("19:abc@thread.tacv2", "General"),
            EventType = "teamMemberAdded",
            Team = new TeamInfo("19:team@thread.tacv2", "Health line"),
            Tenant = new TenantInfo("72f988bf-0000-4000-8000-000000000002"),
        };
        return activity;
    }

    [Theory]
    [MemberData(nameof(Built))]
    public void SdkActivity_ShouldRoundTripThroughOurSchema_WithoutLosingAField(string kind)
    {
        var ours = RoundTrip(Build(kind));

        Assert.NotNull(ours.Type);
    }

    [Fact]
    public void SdkMessageParts_ShouldReadInOurSchema_AsTheSdkWroteThem()
    {
        var hero = RoundTrip(Build("hero"));
        var suggested = RoundTrip(Build("suggestedActions"));

        var attachment = Assert.Single(hero.Attachments!);
        Assert.Equal(HeroCard.ContentType, attachment.ContentType);
        var content = Assert.IsType<JsonElement>(attachment.Content);
        Assert.Equal("Dystonia", content.GetProperty("title").GetString());
        Assert.Equal(ActionTypes.OpenUrl, content.GetProperty("buttons")[0].GetProperty("type").GetString());
        Assert.Equal(["Yes", "No"], suggested.SuggestedActions!.Actions!.Select(a => a.Title));
        Assert.All(suggested.SuggestedActions.Actions!, a => Assert.Equal(Ours.ActionTypes.ImBack, a.Type));
        Assert.Equal(["Yes", "No"], suggested.SuggestedActions.Actions!.Select(a => a.Value!.Value.GetString()));
    }

    [Fact]
    public void TeamsChannelData_ShouldReadInOurSchema_AsTheSdksTeamsChannelData()
    {
        var sdk = Build("teamsChannelData");

        var ours = RoundTrip(sdk);

        var channelData = ours.ChannelData!.Value;
        var expected = sdk.GetChannelData<TeamsChannelData>();
        Assert.Equal(expected.EventType, channelData.GetProperty("eventType").GetString());
        Assert.Equal(expected.Team.Id, channelData.GetProperty("team").GetProperty("id").GetString());
        Assert.Equal(expected.Tenant.Id, channelData.GetProperty("tenant").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("<at>DystoniaBot</at> is there a cure?", "<at>DystoniaBot</at>")]
    [InlineData("<at>DystoniaBot</at> is there a cure?", null)]
    [InlineData("<AT>DystoniaBot</AT> is there a cure?", "<at>DystoniaBot</at>")]
    [InlineData("is there a cure <at>DystoniaBot</at>", "<at>DystoniaBot</at>")]
    [InlineData("<at>Someone Else</at> is there a cure?", "<at>DystoniaBot</at>")]
    public void RecipientMention_ShouldBeRemovedAsTheSdkRemovesIt(string text, string? mentionText)
    {
        var sdk = FromChannel(MessageFactory.Text(text), conversationType: "channel");
        sdk.Entities = [new Mention(new ChannelAccount(BotId, "DystoniaBot"), mentionText)];
        var ours = RoundTrip(sdk);

        // As the bot receives it: the SDK's entities read from JSON (an entity built in code keeps its fields elsewhere).
        var expected = SdkJson.Read<Activity>(SdkJson.Write(sdk)).AsMessageActivity().RemoveRecipientMention();

        Assert.Equal(expected, Ours.ActivityExtensions.RemoveRecipientMention(ours));
    }

    [Fact]
    public void ConversationUpdate_ShouldReadInOurSchema_WithItsMembers()
    {
        var sdk = FromChannel(Activity.CreateConversationUpdateActivity());
        sdk.MembersAdded = [new ChannelAccount(BotId, "DystoniaBot"), new ChannelAccount(UserId, "Alex Example")];
        sdk.MembersRemoved = [new ChannelAccount("29:gone", "Gone")];

        var ours = RoundTrip(sdk);

        Assert.Equal(Ours.ActivityTypes.ConversationUpdate, ours.Type);
        Assert.Equal([BotId, UserId], ours.MembersAdded!.Select(m => m.Id));
        Assert.Equal("29:gone", Assert.Single(ours.MembersRemoved!).Id);
    }

    [Fact]
    public void Invoke_ShouldReadInOurSchema_WithTheSdksMessagingExtensionQuery()
    {
        var query = new MessagingExtensionQuery("searchKnowledge", [new MessagingExtensionParameter("query", "is there a cure")], new MessagingExtensionQueryOptions(5, 10), "state-1");
        var sdk = FromChannel(new Activity(ActivityTypes.Invoke, name: "composeExtension/query", value: query), conversationType: "groupChat");

        var ours = RoundTrip(sdk);

        var read = ours.Value!.Value.Deserialize<OurTeams.MessagingExtensionQuery>(ProtocolJson.Options)!;
        Assert.Equal("composeExtension/query", ours.Name);
        Assert.Equal(query.CommandId, read.CommandId);
        Assert.Equal("query", Assert.Single(read.Parameters!).Name);
        Assert.Equal("is there a cure", read.Parameters![0].Value!.Value.GetString());
        Assert.Equal(5, read.QueryOptions!.Skip);
        Assert.Equal(10, read.QueryOptions.Count);
        Assert.Equal("state-1", read.State);
    }

    [Fact]
    public void Reply_ShouldBeAddressedAsTheSdksTurnContextAddressesIt()
    {
        var sdk = Build("mention");
        var ours = RoundTrip(sdk);

        // The SDK's turn context completes a reply from the incoming activity's reference (its older CreateReply helper
        // copies only the conversation's id, name and isGroup; ours, like the turn context, copies the whole account).
        var expected = SdkJson.Node(MessageFactory.Text("hi").ApplyConversationReference(sdk.GetConversationReference()));
        var actual = JsonSerializer.SerializeToNode(ours.CreateReply("hi"), ProtocolJson.Options)!.AsObject();

        foreach (var field in new[] { "type", "channelId", "serviceUrl", "conversation", "from", "recipient", "replyToId", "locale", "text" })
        {
            JsonDifferences.AssertSame(expected[field], actual[field]);
        }

        JsonDifferences.AssertSame(SdkJson.Node(sdk.GetConversationReference()), JsonSerializer.SerializeToNode(ours.GetConversationReference(), ProtocolJson.Options));
    }

    [Fact]
    public async Task TeamsChannelMessageBuiltByTheSdk_ShouldBeAnswered_MentionAndAll()
    {
        var sdk = Build("mention");
        sdk.DeliveryMode = DeliveryModes.ExpectReplies;

        var replies = await host.Bot.ExpectRepliesAsync(SdkJson.Node(sdk).AsObject());

        Assert.Contains("no cure", replies[^1]["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchInvokeBuiltByTheSdk_ShouldBeAnsweredWithResults()
    {
        var query = new MessagingExtensionQuery("searchKnowledge", [new MessagingExtensionParameter("query", "botox")], new MessagingExtensionQueryOptions(0, 5));
        var sdk = FromChannel(new Activity(ActivityTypes.Invoke, name: "composeExtension/query", value: query), conversationType: "groupChat");

        using var response = await host.Bot.PostAsync(SdkJson.Node(sdk));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = SdkJson.Read<MessagingExtensionResponse>(await response.Content.ReadAsStringAsync());
        Assert.InRange(result.ComposeExtension.Attachments.Count, 1, 5);
    }
}
