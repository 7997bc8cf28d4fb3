using System.Text.Json;
using Stopwatch = System.Diagnostics.Stopwatch;
using System.Net;
using System.Net.Http.Json;
using DystoniaBot.BotFramework.Connector.Authentication;
using DystoniaBot.BotFramework.Schema;
using Microsoft.Extensions.Logging;

using DystoniaBot.BotFramework.Serialization;
namespace DystoniaBot.BotFramework.Connector;

/// <summary>Sends activities to a channel through the Connector REST API v3, retrying throttling and transient failures.</summary>
public interface IConnectorClient
{
    /// <summary>Posts <paramref name="activity"/> to its conversation (as a reply when it has a reply-to id).</summary>
    Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken);
}

/// <summary>The Connector client over a typed <see cref="HttpClient"/>.</summary>
/// <remarks>
/// Retry policy. A refusal (429, 503) and a refused connection leave nothing at the channel. A 500, a gateway's 502 or
/// 504, a connection dropped mid-request and a timeout are ambiguous: the channel may have taken the message and failed
/// afterwards. Not retrying them loses answers; retrying them blindly may show one twice. So every activity gets a
/// stable id before the first attempt (unless the caller gave one, as staff-answer delivery does to stay stable across
/// rounds and restarts) and every attempt sends the same body with that id, which lets a receiver that keeps the ids it
/// took recognise a repeat and answer it without posting again. Retries are bounded in number (<see cref="MaxAttempts"/>)
/// and in time (<see cref="Deadline"/>), with exponential backoff or the channel's Retry-After, whichever it gives.
/// Any other 4xx is the channel saying no to this message, and is never retried. A timeout is the HttpClient's own; a
/// cancellation by the caller stops at once.
/// </remarks>
public sealed partial class ConnectorClient : IConnectorClient
{
    private const int MaxAttempts = 4;

    /// <summary>
    /// The User-Agent in the shape of the SDK's (its ConnectorClient sends, after its REST runtime's products,
    /// <c>Microsoft-BotFramework/3.1 BotBuilder/4.23.1.0 .NETCoreAppVersion/v8.0</c>): the protocol's version, the
    /// client's, the runtime's.
    /// </summary>
    internal static readonly System.Net.Http.Headers.ProductInfoHeaderValue[] UserAgent =
    [
        new("Microsoft-BotFramework", "3.1"),
        new("DystoniaBot", typeof(ConnectorClient).Assembly.GetName().Version?.ToString(3) ?? "1.0.0"),
        new(".NETCoreAppVersion", "v" + Environment.Version.ToString(2)),
    ];
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(10);
    private readonly HttpClient _http;
    private readonly ServiceUrlPolicy _serviceUrls;
    private readonly IConnectorCredentials _credentials;
    private readonly ILogger<ConnectorClient> _logger;

    /// <summary>Creates the client.</summary>
    /// <param name="http">The client requests go through.</param>
    /// <param name="credentials">The bot's credentials for a service URL.</param>
    /// <param name="logger">Where failures are logged.</param>
    /// <param name="serviceUrls">The service URLs the bot may send to (by default the Bot Framework's and Teams' hosts).</param>
    public ConnectorClient(HttpClient http, IConnectorCredentials credentials, ILogger<ConnectorClient> logger, ServiceUrlPolicy? serviceUrls = null)
    {
        _serviceUrls = serviceUrls ?? new ServiceUrlPolicy();
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>No retry starts once this long has passed since the first attempt (each attempt is bounded by the HttpClient's timeout).</summary>
    internal TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Delay before retry <paramref name="attempt"/> (1-based) when the channel gives none.</summary>
    internal static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(200 * Math.Pow(2, attempt - 1));

    /// <summary>Whether a channel's answer may be retried: a refusal, or a failure that may or may not have taken the message.</summary>
    internal static bool IsRetryable(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError
        or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <inheritdoc />
    public async Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var uri = ActivityUri(activity);
        if (!_serviceUrls.Allows(activity.ChannelId, activity.ServiceUrl, out var refusal))
        {
            throw new UnauthorizedAccessException($"Not sent: {refusal}.");
        }

        // DYSTONIABOT: bots normally leave the id to the channel; ours carries one so that a repeat is recognisable.
        if (string.IsNullOrEmpty(activity.Id))
        {
            activity = activity with { Id = "dbot-" + Guid.NewGuid().ToString("N") };
        }

        var authorization = await _credentials.GetAuthorizationAsync(new Uri(activity.ServiceUrl!), cancellationToken);

        // Serialised once, with its length: a channel that reads the body by Content-Length gets all of it, and every
        // retry sends the same bytes.
        var body = JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Options);
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            TimeSpan delay;
            try
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
                request.Headers.Authorization = authorization;
                foreach (var product in UserAgent)
                {
                    request.Headers.UserAgent.Add(product);
                }

                response = await _http.SendAsync(request, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested
                && CanRetry(attempt, Backoff(attempt), started))
            {
                // A refused or dropped connection, or the HttpClient's timeout: the same id goes again.
                LogRetry(_logger, uri.Host, 0, attempt, activity.Id, e is TaskCanceledException ? "timed out" : e.Message);
                await Task.Delay(Backoff(attempt), cancellationToken);
                continue;
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    return await ReadResourceResponse(response, cancellationToken);
                }

                delay = RetryDelay(response, attempt);
                if (!IsRetryable(response.StatusCode) || !CanRetry(attempt, delay, started))
                {
                    throw new HttpRequestException(
                        $"The channel answered {(int)response.StatusCode} to {uri.GetLeftPart(UriPartial.Path)}", null, response.StatusCode);
                }

                LogRetry(_logger, uri.Host, (int)response.StatusCode, attempt, activity.Id, "retrying");
            }

            await Task.Delay(delay, cancellationToken);
        }
    }

    private bool CanRetry(int attempt, TimeSpan delay, long started) =>
        attempt < MaxAttempts && Stopwatch.GetElapsedTime(started) + delay < Deadline;

    private static TimeSpan RetryDelay(HttpResponseMessage response, int attempt)
    {
        var delay = response.Headers.RetryAfter?.Delta
            ?? (response.Headers.RetryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : Backoff(attempt));
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxRetryAfter ? MaxRetryAfter : delay;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Host} answered {Status} on attempt {Attempt} of activity {ActivityId}: {Detail}")]
    private static partial void LogRetry(ILogger logger, string host, int status, int attempt, string? activityId, string detail);
}
