using System.Net;
using System.Text.Json;
using DystoniaBot.BotFramework.Schema;

namespace DystoniaBot.DirectLine.Tests;

public sealed class VisitorActivityTests
{
    [Fact]
    public void Keep_ShouldKeepWhatTheBotReadsAndWebChatNeeds_AndDropTheRest()
    {
        var padding = new string('x', 30_000);
        var posted = new Activity
        {
            Type = "message",
            Text = "is there a cure?",
            TextFormat = "plain",
            Locale = "en-GB",
            Name = "ignored for messages",
            Summary = padding,
            InputHint = padding,
            Entities = [new Entity { Type = "ClientCapabilities", Properties = new Dictionary<string, JsonElement> { ["padding"] = JsonSerializer.SerializeToElement(padding) } }],
            ChannelData = JsonSerializer.SerializeToElement(new { clientActivityID = "c-1", padding }),
            Value = JsonSerializer.SerializeToElement(new { action = "feedback", helpful = true }),
        };

        var (kept, refusal) = VisitorActivity.Keep(posted);

        Assert.Null(refusal);
        Assert.NotNull(kept);
        Assert.Equal("is there a cure?", kept.Text);
        Assert.Equal("en-GB", kept.Locale);
        Assert.Equal("c-1", kept.ChannelData!.Value.GetProperty("clientActivityID").GetString());
        Assert.False(kept.ChannelData.Value.TryGetProperty("padding", out _));
        Assert.Null(kept.Entities);
        Assert.Null(kept.Summary);
        Assert.Null(kept.InputHint);
        Assert.True(JsonSerializer.SerializeToUtf8Bytes(kept).Length < 1024);
    }

    [Theory]
    [InlineData("en-GB", "en-GB")]
    [InlineData("zh-Hant-TW", "zh-Hant-TW")]
    [InlineData("<script>", null)]
    [InlineData("en_GB; drop table", null)]
    public void Keep_ShouldKeepOnlyALocaleTag(string locale, string? kept)
    {
        Assert.Equal(kept, VisitorActivity.Keep(new Activity { Type = "message", Locale = locale }).Activity!.Locale);
    }

    [Fact]
    public void Keep_ShouldRefuseAValueOverItsLimit()
    {
        var (kept, refusal) = VisitorActivity.Keep(new Activity { Type = "message", Value = JsonSerializer.SerializeToElement(new { comment = new string('x', 5000) }) });

        Assert.Null(kept);
        Assert.Equal((int)HttpStatusCode.RequestEntityTooLarge, refusal!.Status);
    }

    [Theory]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:1111:2222:3333:4444", "2001:db8:1:2::/64")]
    public void ClientAddressKey_ShouldCountAnIPv6ClientByIts64(string address, string key)
    {
        Assert.Equal(key, ClientAddress.Key(IPAddress.Parse(address)));
    }
}
