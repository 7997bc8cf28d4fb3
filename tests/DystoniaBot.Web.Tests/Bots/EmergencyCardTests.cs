using System.Text.Json;
using DystoniaBot.BotFramework.Serialization;
using DystoniaBot.Conversation.Policy;
using DystoniaBot.Conversation.Safety;
using DystoniaBot.Web.Bots;

namespace DystoniaBot.Web.Tests.Bots;

public sealed class EmergencyCardTests
{
    private const string CrisisText = "I'm really sorry you're going through this. Please call or text 116 123 (Samaritans) now to talk to someone. If you are in danger or have hurt yourself, call 999 right away.";

    private static BotReply Crisis() => new(ReplyKind.Emergency, CrisisText, null, [], null, true, [], null,
        RedFlag: new RedFlag(RedFlagKind.Crisis, "suicidal thoughts"),
        NumbersToCall: [new NumberToCall("116 123", "Samaritans"), new NumberToCall("999", "emergency services")]);

    private static BotReply MedicalEmergency() => new(ReplyKind.Emergency, "This may be a medical emergency. Call 911 now.", null, [], null, true, [], null,
        RedFlag: new RedFlag(RedFlagKind.Emergency, "cannot breathe"), NumbersToCall: [new NumberToCall("911", "emergency services")]);

    private static JsonElement Content(BotReply reply) =>
        JsonSerializer.SerializeToElement(EmergencyCard.Create(reply), ProtocolJson.Options).GetProperty("content");

    [Fact]
    public void Create_ShouldPutTheCrisisLineFirst_ThenTheEmergencyNumber_AsButtonsThatDialThem()
    {
        var card = Content(Crisis());

        var alert = Assert.Single(card.GetProperty("body").EnumerateArray());
        Assert.Equal("Container", alert.GetProperty("type").GetString());
        Assert.Equal("attention", alert.GetProperty("style").GetString());
        var items = alert.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(EmergencyCard.CrisisHeading, items[0].GetProperty("text").GetString());
        var actions = items[1].GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(["Action.OpenUrl", "Action.OpenUrl"], actions.Select(a => a.GetProperty("type").GetString()));
        Assert.Equal(["tel:116123", "tel:999"], actions.Select(a => a.GetProperty("url").GetString()));
        Assert.Equal(["Call 116 123 — Samaritans", "Call 999 — emergency services"], actions.Select(a => a.GetProperty("title").GetString()));
    }

    [Fact]
    public void Create_ShouldSayItInPlainWords_ForClientsWithoutCards_AndForAVoice()
    {
        var card = Content(Crisis());

        Assert.Equal("1.5", card.GetProperty("version").GetString());
        Assert.Equal(CrisisText, card.GetProperty("fallbackText").GetString());
        Assert.Equal(CrisisText, card.GetProperty("speak").GetString());
    }

    [Fact]
    public void Create_ShouldOfferOnlyTheEmergencyNumber_ForAMedicalEmergency()
    {
        var alert = Content(MedicalEmergency()).GetProperty("body")[0];

        Assert.Equal(EmergencyCard.EmergencyHeading, alert.GetProperty("items")[0].GetProperty("text").GetString());
        var action = Assert.Single(alert.GetProperty("items")[1].GetProperty("actions").EnumerateArray());
        Assert.Equal("tel:911", action.GetProperty("url").GetString());
    }

    [Fact]
    public void Create_ShouldRefuse_AReplyThatIsNotAnEmergency()
    {
        var answer = new BotReply(ReplyKind.SmallTalk, "Hello!", null, [], null, false, [], null);

        Assert.Throws<ArgumentException>(() => EmergencyCard.Create(answer));
    }

    [Theory]
    [InlineData("msteams", true)]
    [InlineData("directline", false)]
    [InlineData("webchat", false)]
    [InlineData("emulator", false)]
    public void ReplyActivities_ShouldAttachTheCard_InTeamsOnly_AndKeepTheTextAndSpeech(string channelId, bool card)
    {
        var activity = ReplyActivities.From(MedicalEmergency(), oneToOne: true, channelId: channelId);

        Assert.Contains("[911](tel:911)", activity.Text, StringComparison.Ordinal);
        Assert.Equal("This may be a medical emergency. Call 911 now.", activity.Speak);
        Assert.Equal(card, activity.Attachments is { Count: 1 });
    }
}
