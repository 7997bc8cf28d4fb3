using DystoniaBot.BotFramework.Serialization;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Newtonsoft.Json.Serialization;
using Ours = DystoniaBot.BotFramework.Schema;
using Sdk = Microsoft.Bot.Schema;

namespace DystoniaBot.BotFramework.Conformance.Tests.Schema;

/// <summary>
/// Our schema's wire names against the SDK's: a field we model has the SDK's exact name, so it never lands in the
/// unknown fields (which a round trip alone would not notice); a field we don't model is written down here, and
/// survives as an unknown field.
/// </summary>
public sealed class SchemaNamesTests
{
    /// <summary>The SDK's fields our schema does not model: the bot neither reads nor sends them.</summary>
    private static readonly Dictionary<Type, string[]> NotModelled = new()
    {
        [typeof(Sdk.Activity)] =
        [
            "localTimezone", "callerId", "valueType", "label", "relatesTo", "code", "expiration", "importance",
            "listenFor", "textHighlights", "semanticAction", "action", "historyDisclosed", "topicName",
            "reactionsAdded", "reactionsRemoved",
        ],
        [typeof(Sdk.ConversationAccount)] = ["aadObjectId", "role"],
        [typeof(Sdk.CardAction)] = ["channelData", "imageAltText"],
    };

    public static TheoryData<Type, Type> Pairs => new()
    {
        { typeof(Sdk.Activity), typeof(Ours.Activity) },
        { typeof(Sdk.ChannelAccount), typeof(Ours.ChannelAccount) },
        { typeof(Sdk.ConversationAccount), typeof(Ours.ConversationAccount) },
        { typeof(Sdk.ConversationReference), typeof(Ours.ConversationReference) },
        { typeof(Sdk.Attachment), typeof(Ours.Attachment) },
        { typeof(Sdk.CardAction), typeof(Ours.CardAction) },
        { typeof(Sdk.SuggestedActions), typeof(Ours.SuggestedActions) },
        { typeof(Sdk.Entity), typeof(Ours.Entity) },
    };

    /// <summary>The names the SDK's serializer writes for <paramref name="type"/> (its CloudAdapter's settings).</summary>
    private static string[] SdkNames(Type type) =>
        [.. ((JsonObjectContract)HttpHelper.BotMessageSerializerSettings.ContractResolver!.ResolveContract(type)).Properties
            .Where(p => !p.Ignored).Select(p => p.PropertyName!)];

    private static string[] OurNames(Type type) =>
        [.. ProtocolJson.Options.GetTypeInfo(type).Properties.Where(p => !p.IsExtensionData).Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Pairs))]
    public void OurFields_ShouldHaveTheSdksNames_AndEverySdkFieldBeModelledOrWrittenDown(Type sdk, Type ours)
    {
        var notModelled = NotModelled.GetValueOrDefault(sdk, []);

        var missing = SdkNames(sdk).Except(OurNames(ours), StringComparer.Ordinal).Except(notModelled, StringComparer.Ordinal);
        var unknownToTheSdk = OurNames(ours).Except(SdkNames(sdk), StringComparer.Ordinal);
        var modelledAfterAll = notModelled.Intersect(OurNames(ours), StringComparer.Ordinal);

        Assert.Empty(missing);
        Assert.Empty(unknownToTheSdk);
        Assert.Empty(modelledAfterAll);
    }

    [Fact]
    public void SdkFieldsWeDontModel_ShouldSurviveTheRoundTrip_AsUnknownFields()
    {
        var sdk = new Sdk.Activity
        {
            Type = Sdk.ActivityTypes.Message,
            Id = "1",
            Text = "hello",
            LocalTimezone = "Europe/London",
            CallerId = "urn:botframework:azure",
            ValueType = "string",
            Label = "a label",
            Expiration = new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero),
            Importance = "high",
            Conversation = new Sdk.ConversationAccount(id: "c-1", aadObjectId: "7f0e1d2c-0000-4000-8000-000000000001", role: Sdk.RoleTypes.User),
        };
        var json = SdkJson.Node(sdk);

        var ours = System.Text.Json.JsonSerializer.Deserialize<Ours.Activity>(json.ToJsonString(), ProtocolJson.Options)!;

        JsonDifferences.AssertSame(json, System.Text.Json.JsonSerializer.SerializeToNode(ours, ProtocolJson.Options));
        Assert.Equal("hello", ours.Text);
        Assert.Equal("c-1", ours.Conversation!.Id);
        Assert.Equal(["callerId", "expiration", "importance", "label", "localTimezone", "valueType"], ours.Properties!.Keys.Order(StringComparer.Ordinal));
    }
}
