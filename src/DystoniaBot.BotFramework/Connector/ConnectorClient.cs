using System.Net;
using System.Net.Http.Json;
using DystoniaBot.BotFramework.Connector.Authentication;
using DystoniaBot.BotFramework.Schema;
using Microsoft.Extensions.Logging;

namespace DystoniaBot.BotFramework.Connector;

/// <summary>Sends activities to a channel through the Connector REST API v3, retrying throttling and transient failures.</summary>
public interface IConnectorClient
{
    /// <summary>Posts <paramref name="activity"/> to its conversation (as a reply when it has a reply-to id).</summary>
    Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken);
}

/// <summary>The Connector client over a typed <see cref="HttpClient"/>.</summary>
public sealed partial class ConnectorClient : IConnectorClient
{
    private const int MaxAttempts = 3;
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(10);
    private readonly HttpClient _http;
    private readonly IConnectorCredentials _credentials;
    private readonly ILogger<ConnectorClient> _logger;

    /// <summary>Creates the client.</summary>
    public ConnectorClient(HttpClient http, IConnectorCredentials credentials, ILogger<ConnectorClient> logger)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Delay before retry <paramref name="attempt"/> (1-based) when the channel gives none.</summary>
    internal static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(200 * Math.Pow(2, attempt - 1));

    /// <inheritdoc />
    public async Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var uri = ActivityUri(activity);
        var authorization = await _credentials.GetAuthorizationAsync(new Uri(activity.ServiceUrl!), cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = JsonContent.Create(activity, options: ProtocolJson.Options) };
                request.Headers.Authorization = authorization;
                response = await _http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException e) when (attempt < MaxAttempts)
            {
                // Nothing reached the channel, so sending again cannot duplicate the message.
                LogRetry(_logger, uri.Host, 0, attempt, e.Message);
                await Task.Delay(Backoff(attempt), cancellationToken);
                continue;
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    return await ReadResourceResponse(response, cancellationToken);
                }

                // 429 and 503 mean the channel refused the message; retrying them cannot duplicate it.
                var retryable = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
                    or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;
                if (!retryable || attempt >= MaxAttempts)
                {
                    throw new HttpRequestException(
                        $"The channel answered {(int)response.StatusCode} to {uri.GetLeftPart(UriPartial.Path)}", null, response.StatusCode);
                }

                var delay = response.Headers.RetryAfter?.Delta
                    ?? (response.Headers.RetryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : Backoff(attempt));
                LogRetry(_logger, uri.Host, (int)response.StatusCode, attempt, "retrying");
                await Task.Delay(delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxRetryAfter ? MaxRetryAfter : delay, cancellationToken);
            }
        }
    }

    /// <summary>{serviceUrl}/v3/conversations/{conversationId}/activities[/{replyToId}].</summary>
    internal static Uri ActivityUri(Activity activity)
    {
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
            || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The activity has no usable serviceUrl.", nameof(activity));
        }

        var conversation = activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity));
        var path = $"v3/conversations/{Uri.EscapeDataString(conversation)}/activities";
        if (!string.IsNullOrEmpty(activity.ReplyToId))
        {
            path += "/" + Uri.EscapeDataString(activity.ReplyToId);
        }

        return new Uri(new Uri(serviceUrl.AbsoluteUri.TrimEnd('/') + "/"), path);
    }

    private static async Task<ResourceResponse> ReadResourceResponse(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<ResourceResponse>(ProtocolJson.Options, cancellationToken) ?? new ResourceResponse(null);
        }
        catch (System.Text.Json.JsonException)
        {
            // Some channels answer 200 with an empty body; the message was delivered all the same.
            return new ResourceResponse(null);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Host} answered {Status} on attempt {Attempt}: {Detail}")]
    private static partial void LogRetry(ILogger logger, string host, int status, int attempt, string detail);
}
