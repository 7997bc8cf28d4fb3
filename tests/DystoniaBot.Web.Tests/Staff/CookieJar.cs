using System.Net;

namespace DystoniaBot.Web.Tests.Staff;

/// <summary>
/// Cookies kept by hand, as an attacker who copied them (or a second replica behind a load balancer) would hold them:
/// they can be copied, and sent to another host.
/// </summary>
public sealed class CookieJar
{
    public CookieJar(Dictionary<string, string>? cookies = null) => Cookies = new Dictionary<string, string>(cookies ?? []);

    public Dictionary<string, string> Cookies { get; }

    /// <summary>A jar holding the same cookies, kept apart from now on.</summary>
    public CookieJar Copy() => new(Cookies);

    /// <summary>GETs a page that must answer 200; returns its HTML.</summary>
    public async Task<string> GetAsync(HttpClient http, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        using var response = await SendAsync(http, request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>POSTs a form with these cookies.</summary>
    public async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, Dictionary<string, string> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
        return await SendAsync(http, request);
    }

    /// <summary>Signs in through the login form of the host behind <paramref name="http"/>; fails the test unless it worked.</summary>
    public async Task SignInAsync(HttpClient http, string name, string password)
    {
        var login = await GetAsync(http, "/staff/login");
        using var signedIn = await PostAsync(http, "/staff/login", new() { ["Name"] = name, ["Password"] = password,
            ["__RequestVerificationToken"] = StaffClient.AntiforgeryTokens(login)[0] });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    /// <summary>Sends <paramref name="request"/> with the cookies, and keeps what the response sets or clears.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(request);
        if (Cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => c.Key + "=" + c.Value)));
        }

        var response = await http.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [])
        {
            var pair = header.Split(';')[0].Split('=', 2);
            if (pair[1].Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                Cookies.Remove(pair[0]);
            }
            else
            {
                Cookies[pair[0]] = pair[1];
            }
        }

        return response;
    }
}
