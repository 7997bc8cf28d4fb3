using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DystoniaBot.Web.Tests.Security;

/// <summary>Large bodies to anonymous endpoints: refused before they are read, and the host stays up.</summary>
public sealed class BodyLimitTests
{
    [Theory]
    [InlineData("/staff/login")]
    [InlineData("/api/directline/token")]
    [InlineData("/api/messages")]
    public async Task ABodyOverTheLimit_ShouldBeRefusedUnread(string path)
    {
        using var factory = BotFactory.CreateLive([]);
        using var http = new HttpClient { BaseAddress = factory.StartLive() };

        // A few posts of 3 MB each, as an attacker would repeat them.
        for (var i = 0; i < 3; i++)
        {
            using var content = new ByteArrayContent(new byte[3 * 1024 * 1024]);
            content.Headers.ContentType = new("application/x-www-form-urlencoded");
            try
            {
                // 413, or 400 where antiforgery refuses the form it may not read.
                using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content);
                Assert.Contains(response.StatusCode, new[] { HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.BadRequest });
            }
            catch (HttpRequestException)
            {
                // Or the host answered and closed the connection before the body was all sent: refused unread too.
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        Assert.Equal(512 * 1024, factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestBodySize);
    }
}
