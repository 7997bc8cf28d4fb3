using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DystoniaBot.BotFramework.Connector.Authentication;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.BotFramework.Serialization;

namespace DystoniaBot.DirectLine;

/// <summary>
/// Answers the bot's Connector requests addressed to our Direct Line (<see cref="DirectLineChannel.ServiceUrl"/>)
/// inside this process, so replies take the same Connector path as for any channel without an HTTP endpoint anyone
/// else could post to; every other request goes out over the network.
/// </summary>
public sealed class DirectLineConnectorHandler : DelegatingHandler
{
    private readonly IServiceProvider _services;

    /// <summary>Creates the handler; the channel is looked up per request (it depends on the Connector itself).</summary>
    public DirectLineConnectorHandler(IServiceProvider services) => _services = services ?? throw new ArgumentNullException(nameof(services));

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is not { } uri || !IsDirectLine(uri))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        // v3/conversations/{conversationId}/activities[/{replyToId}]
        var segments = uri.AbsolutePath.Trim('/').Split('/');
        if (request.Method != HttpMethod.Post || segments.Length is < 4 or > 5 || segments[0] != "v3" || segments[1] != "conversations" || segments[3] != "activities")
        {
            return Error(request, HttpStatusCode.NotFound, "Our Direct Line takes new activities only.");
        }

        Activity? activity;
        try
        {
            // The Connector client's body is the activity itself, not yet serialized: taken as it is, the reply is
            // not written to JSON and parsed back on every turn (measured: about a tenth of a Direct Line turn's CPU).
            activity = request.Content switch
            {
                null => null,
                JsonContent { Value: Activity sent } => sent,
                var content => await content.ReadFromJsonAsync<Activity>(ProtocolJson.Options, cancellationToken),
            };
        }
        catch (JsonException)
        {
            activity = null;
        }

        if (activity?.Type is null)
        {
            return Error(request, HttpStatusCode.BadRequest, "The body is not an activity.");
        }

        var channel = _services.GetRequiredService<DirectLineChannel>();
        var (response, error) = await channel.ReceiveFromBotAsync(Uri.UnescapeDataString(segments[2]), activity, cancellationToken);
        return error is not null
            ? Error(request, (HttpStatusCode)error.Status, error.Message)
            : new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = JsonContent.Create(response, options: ProtocolJson.Options) };
    }

    /// <summary>Whether <paramref name="serviceUrl"/> is our Direct Line's.</summary>
    public static bool IsDirectLine(Uri serviceUrl) =>
        serviceUrl is not null && string.Equals(serviceUrl.Host, DirectLineChannel.ServiceUrl.Host, StringComparison.OrdinalIgnoreCase);

    private static HttpResponseMessage Error(HttpRequestMessage request, HttpStatusCode status, string message) =>
        new(status) { RequestMessage = request, Content = JsonContent.Create(new { error = new { code = (int)status, message } }) };
}

/// <summary>No token for our own Direct Line (its replies never leave the process); the bot's credentials elsewhere.</summary>
public sealed class DirectLineAwareCredentials : IConnectorCredentials
{
    private readonly IConnectorCredentials _inner;

    /// <summary>Wraps the credentials used for every other channel.</summary>
    public DirectLineAwareCredentials(IConnectorCredentials inner) => _inner = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public Task<AuthenticationHeaderValue?> GetAuthorizationAsync(Uri serviceUrl, CancellationToken cancellationToken) =>
        DirectLineConnectorHandler.IsDirectLine(serviceUrl) ? Task.FromResult<AuthenticationHeaderValue?>(null) : _inner.GetAuthorizationAsync(serviceUrl, cancellationToken);
}
