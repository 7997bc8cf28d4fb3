using DystoniaBot.BotFramework.Connector.Authentication;
using Microsoft.Extensions.Time.Testing;

namespace DystoniaBot.BotFramework.Tests.Connector.Authentication;

/// <summary>The service URLs the bot sends its token to: one spelling per URL, and trust that lapses.</summary>
public sealed class TrustedServiceUrlTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _metadata = new();
    private readonly ParameterizedBotFrameworkAuthentication _authentication;

    public TrustedServiceUrlTests() =>
        _authentication = new ParameterizedBotFrameworkAuthentication(new BotCredentialsSettings { AppId = "app", AppPassword = "secret" }, _metadata, _time);

    public void Dispose() => _metadata.Dispose();

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", "https://smba.trafficmanager.net/emea")]
    [InlineData("https://SMBA.TrafficManager.net:443/emea", "https://smba.trafficmanager.net/emea")]
    [InlineData(" https://smba.trafficmanager.net:8443/emea/ ", "https://smba.trafficmanager.net:8443/emea")]
    [InlineData("http://localhost:80/", "http://localhost")]
    public void NormalizeServiceUrl_ShouldGiveOneSpellingPerUrl(string serviceUrl, string expected)
    {
        Assert.Equal(expected, ParameterizedBotFrameworkAuthentication.NormalizeServiceUrl(serviceUrl));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    public void NormalizeServiceUrl_ShouldRefuseWhatIsNotAnAbsoluteUrl(string? serviceUrl)
    {
        Assert.Null(ParameterizedBotFrameworkAuthentication.NormalizeServiceUrl(serviceUrl));
    }

    [Fact]
    public void TrustedServiceUrl_ShouldBeTrustedUnderAnySpelling_ForADay()
    {
        _authentication.TrustServiceUrl("https://smba.trafficmanager.net/emea/");

        Assert.True(_authentication.IsTrustedServiceUrl("https://smba.trafficmanager.net:443/emea"));
        Assert.False(_authentication.IsTrustedServiceUrl("https://smba.trafficmanager.net/amer/"));

        _time.Advance(ParameterizedBotFrameworkAuthentication.ServiceUrlTrust - TimeSpan.FromMinutes(1));
        Assert.True(_authentication.IsTrustedServiceUrl("https://smba.trafficmanager.net/emea/"));

        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.False(_authentication.IsTrustedServiceUrl("https://smba.trafficmanager.net/emea/"));
    }

    [Fact]
    public void TrustingAgain_ShouldRenewTheTrust()
    {
        _authentication.TrustServiceUrl("https://smba.trafficmanager.net/emea/");
        _time.Advance(TimeSpan.FromHours(20));
        _authentication.TrustServiceUrl("https://smba.trafficmanager.net/emea");
        _time.Advance(TimeSpan.FromHours(20));

        Assert.True(_authentication.IsTrustedServiceUrl("https://smba.trafficmanager.net/emea/"));
    }
}
