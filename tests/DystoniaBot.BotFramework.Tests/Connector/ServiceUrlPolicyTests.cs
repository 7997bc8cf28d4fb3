using DystoniaBot.BotFramework.Connector;

namespace DystoniaBot.BotFramework.Tests.Connector;

public class ServiceUrlPolicyTests
{
    private static readonly ServiceUrlPolicy Policy = new(["channel.example.org"], [new InProcessChannel("directline", new Uri("https://directline.localhost/"))]);

    [Theory]
    [InlineData("msteams", "https://smba.trafficmanager.net/emea/")]
    [InlineData("webchat", "https://webchat.botframework.com/")]
    [InlineData("msteams", "https://smba.infra.gcc.teams.microsoft.com/")]
    [InlineData("slack", "https://channel.example.org/api/")]
    [InlineData("slack", "https://eu.channel.example.org/")]
    [InlineData("emulator", "http://localhost:52431")]
    [InlineData("emulator", "http://127.0.0.1:9")]
    [InlineData("emulator", "http://[::1]:9")]
    [InlineData("directline", "https://directline.localhost/")]
    public void Allows_ShouldAcceptChannelServices(string channelId, string serviceUrl)
    {
        Assert.True(Policy.Allows(channelId, serviceUrl, out var refusal), refusal);
    }

    [Theory]
    [InlineData("msteams", "http://smba.trafficmanager.net/emea/", "https")]
    [InlineData("msteams", "https://trafficmanager.net.evil.example/", "not a channel service")]
    [InlineData("msteams", "https://eviltrafficmanager.net/", "not a channel service")]
    [InlineData("msteams", "http://127.0.0.1:9", "only the emulator channel")]
    [InlineData("webchat", "http://localhost:3978", "only the emulator channel")]
    [InlineData("emulator", "http://10.1.2.3/", "not a channel service")]
    [InlineData("msteams", "https://user:pw@smba.trafficmanager.net/", "absolute http(s)")]
    [InlineData("msteams", "file:///etc/passwd", "absolute http(s)")]
    [InlineData("msteams", "not a url", "absolute http(s)")]
    public void Allows_ShouldRefuseAnyOtherHost_SayingWhy(string channelId, string serviceUrl, string why)
    {
        Assert.False(Policy.Allows(channelId, serviceUrl, out var refusal));
        Assert.Contains(why, refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("directline", "https://smba.trafficmanager.net/emea/")]
    [InlineData("emulator", "https://directline.localhost/")]
    [InlineData("DIRECTLINE", null)]
    public void AllowsIncoming_ShouldRefuseAChannelThisProcessHosts(string channelId, string? serviceUrl)
    {
        Assert.False(Policy.AllowsIncoming(channelId, serviceUrl, out var refusal));
        Assert.Contains("hosted by this bot", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void AllowsIncoming_ShouldAcceptAnActivityWithoutServiceUrl_FromAnotherChannel()
    {
        Assert.True(Policy.AllowsIncoming("msteams", null, out _));
    }
}
