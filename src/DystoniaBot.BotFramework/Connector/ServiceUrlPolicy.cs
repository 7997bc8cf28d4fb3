using System.Net;

namespace DystoniaBot.BotFramework.Connector;

/// <summary>
/// Which service URLs the bot talks to: the hosts of the Bot Framework's and Teams' Connector services (and any the
/// configuration adds), over https. An activity names the URL its replies go to, so without this list anyone who can
/// post an activity could make the bot send requests (and, with a trusted reference, its token) anywhere.
/// </summary>
/// <remarks>
/// A loopback URL is the Bot Framework Emulator's, so it is allowed for the <c>emulator</c> channel only; a loopback
/// host listed explicitly (a test's fake channel, an in-process channel) is allowed for any channel.
/// </remarks>
public sealed class ServiceUrlPolicy
{
    /// <summary>The Connector services' hosts (and their subdomains): Azure Bot Service, Teams, their sovereign clouds.</summary>
    public static readonly IReadOnlyList<string> ChannelHosts =
        ["botframework.com", "trafficmanager.net", "teams.microsoft.com", "botframework.azure.us", "teams.microsoft.us", "botframework.azure.cn"];

    private readonly string[] _hosts;
    private readonly InProcessChannel[] _inProcess;

    /// <summary>Allows <see cref="ChannelHosts"/>, <paramref name="extraHosts"/> and, for replies only, the channels hosted in this process.</summary>
    public ServiceUrlPolicy(IEnumerable<string>? extraHosts = null, IEnumerable<InProcessChannel>? inProcess = null)
    {
        _inProcess = [.. inProcess ?? []];
        _hosts = [.. ChannelHosts.Concat(extraHosts ?? []).Concat(_inProcess.Select(c => c.ServiceUrl.IdnHost))
            .Select(h => h.Trim().TrimStart('.').ToLowerInvariant()).Where(h => h.Length > 0).Distinct()];
    }

    /// <summary>
    /// Whether an activity received over HTTP may name <paramref name="channelId"/> and <paramref name="serviceUrl"/>:
    /// never a channel hosted in this process (its activities never come over HTTP), otherwise as <see cref="Allows"/>.
    /// </summary>
    public bool AllowsIncoming(string? channelId, string? serviceUrl, out string? refusal)
    {
        var host = Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url) ? url.IdnHost.ToLowerInvariant() : null;
        if (_inProcess.Any(c => string.Equals(c.ChannelId, channelId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(c.ServiceUrl.IdnHost, host, StringComparison.OrdinalIgnoreCase)))
        {
            refusal = $"the {channelId} channel is hosted by this bot: its activities come from its own endpoints only";
            return false;
        }

        refusal = null;
        return string.IsNullOrEmpty(serviceUrl) || Allows(channelId, serviceUrl, out refusal);
    }

    /// <summary>Whether replies for channel <paramref name="channelId"/> may go to <paramref name="serviceUrl"/>; if not, why.</summary>
    public bool Allows(string? channelId, string? serviceUrl, out string? refusal)
    {
        refusal = null;
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(url.UserInfo))
        {
            refusal = "the serviceUrl is not an absolute http(s) URL";
            return false;
        }

        var host = url.IdnHost.ToLowerInvariant();
        if (_hosts.Any(h => host == h || (host.EndsWith("." + h, StringComparison.Ordinal) && !IsLoopback(h))))
        {
            if (url.Scheme == Uri.UriSchemeHttps || IsLoopback(host))
            {
                return true;
            }

            refusal = "a channel's serviceUrl must use https";
            return false;
        }

        if (IsLoopback(host))
        {
            if (string.Equals(channelId, Channels.Emulator, StringComparison.Ordinal))
            {
                return true;
            }

            refusal = "a loopback serviceUrl is the Emulator's: only the emulator channel may use it";
            return false;
        }

        refusal = $"the serviceUrl's host ({host}) is not a channel service this bot talks to";
        return false;
    }

    private static bool IsLoopback(string host) =>
        host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}

/// <summary>A channel hosted in the bot's own process, whose Connector endpoint is answered in-process.</summary>
/// <param name="ChannelId">Its channel id.</param>
/// <param name="ServiceUrl">The service URL its activities carry.</param>
public sealed record InProcessChannel(string ChannelId, Uri ServiceUrl);
