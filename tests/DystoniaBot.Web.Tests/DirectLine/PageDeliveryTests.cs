using System.Net;
using System.Net.Http.Headers;

namespace DystoniaBot.Web.Tests.DirectLine;

/// <summary>How the page's files travel: scripts compressed, the Web Chat bundle cached for a day, the page's own files revalidated.</summary>
public sealed class PageDeliveryTests(BotFactory factory) : IClassFixture<BotFactory>
{
    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task TheWebChatBundle_ShouldBeCompressed_AndCachedForADay(string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/lib/botframework-webchat/webchat.js");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        using var response = await factory.CreateClient().SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.InRange(body.Length, 1, 2_000_000);
        Assert.Equal(TimeSpan.FromDays(1), response.Headers.CacheControl?.MaxAge);
        Assert.True(response.Headers.CacheControl?.Public);
    }

    [Theory]
    [InlineData("/app.js")]
    [InlineData("/app.css")]
    [InlineData("/")]
    public async Task ThePagesOwnFiles_ShouldBeRevalidatedOnEveryLoad(string path)
    {
        using var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoCache);
    }

    [Fact]
    public async Task ResponsesCarryingSecrets_ShouldNeverBeCompressed()
    {
        // BREACH: a token beside text an attacker chooses must not be compressed over TLS. The page and its token.
        using var page = new HttpRequestMessage(HttpMethod.Get, "/");
        page.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var token = new HttpRequestMessage(HttpMethod.Post, "/api/directline/token");
        token.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        var http = factory.CreateClient();

        using var pageResponse = await http.SendAsync(page);
        using var tokenResponse = await http.SendAsync(token);

        Assert.Empty(pageResponse.Content.Headers.ContentEncoding);
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        Assert.Empty(tokenResponse.Content.Headers.ContentEncoding);
    }
}
