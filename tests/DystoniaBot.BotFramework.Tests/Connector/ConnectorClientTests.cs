using DystoniaBot.BotFramework.Connector;
using DystoniaBot.BotFramework.Schema;

namespace DystoniaBot.BotFramework.Tests.Connector;

public class ConnectorClientTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", "19:abc;messageid=1", "1763", "https://smba.trafficmanager.net/emea/v3/conversations/19%3Aabc%3Bmessageid%3D1/activities/1763")]
    [InlineData("http://127.0.0.1:5000", "c1", null, "http://127.0.0.1:5000/v3/conversations/c1/activities")]
    [InlineData("https://host/base", "../../x", "y/../z", "https://host/base/v3/conversations/..%2F..%2Fx/activities/y%2F..%2Fz")]
    public void ActivityUri_ShouldEscapeIds_AndKeepTheServicePath(string serviceUrl, string conversation, string? replyTo, string expected)
    {
        var activity = new Activity { ServiceUrl = serviceUrl, Conversation = new ConversationAccount { Id = conversation }, ReplyToId = replyTo };

        Assert.Equal(expected, ConnectorClient.ActivityUri(activity).AbsoluteUri);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not a url")]
    [InlineData("ftp://host/")]
    public void ActivityUri_ShouldRefuse_AnUnusableServiceUrl(string? serviceUrl)
    {
        var activity = new Activity { ServiceUrl = serviceUrl, Conversation = new ConversationAccount { Id = "c" } };

        Assert.Throws<ArgumentException>(() => ConnectorClient.ActivityUri(activity));
    }

    [Fact]
    public void Backoff_ShouldGrowExponentially()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(200), ConnectorClient.Backoff(1));
        Assert.Equal(TimeSpan.FromMilliseconds(400), ConnectorClient.Backoff(2));
    }
}
