using Newtonsoft.Json.Linq;

namespace DystoniaBot.BotFramework.Conformance.Tests;

/// <summary>The SDK runs here without AdaptiveCards, which the registry does not serve (tests/BotFrameworkSdk.props).</summary>
public sealed class SdkLoadsTests
{
    [Fact]
    public void Schema_ShouldReadAnAdaptiveCard_WhenAdaptiveCardsIsMissing()
    {
        var activity = Newtonsoft.Json.JsonConvert.DeserializeObject<Microsoft.Bot.Schema.Activity>(
            """{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","version":"1.5"}}]}""");

        var card = Assert.IsType<JObject>(activity!.Attachments[0].Content);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "AdaptiveCards");
    }
}
