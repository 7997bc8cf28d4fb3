using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using DystoniaBot.BotFramework.Builder;
using DystoniaBot.BotFramework.Connector;
using DystoniaBot.BotFramework.Connector.Authentication;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.BotFramework.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DystoniaBot.BotFramework.Integration.AspNetCore;

/// <summary>Processes the HTTP requests of /api/messages.</summary>
public interface IBotFrameworkHttpAdapter
{
    /// <summary>Reads the activity from <paramref name="request"/>, runs <paramref name="bot"/> and writes the response.</summary>
    Task ProcessAsync(HttpRequest request, HttpResponse response, IBot bot, CancellationToken cancellationToken = default);
}

/// <summary>
/// The /api/messages endpoint's adapter: POST only (405), a JSON activity with a type (400), within the size limit
/// (413), authenticated (401/403; the token is checked before the body is read), within its conversation's rate (429); then the bot's turn, with replies sent through the Connector API, or returned in
/// the body for <c>expectReplies</c>, or as the invoke response. A turn that fails is logged and apologised for
/// once, here, so no bot has to handle its own errors.
/// </summary>
public sealed partial class CloudAdapter : BotAdapter, IBotFrameworkHttpAdapter
{
    /// <summary>Largest activity accepted, in bytes (Bot Framework activities are far smaller).</summary>
    public const int MaxActivityBytes = 256 * 1024;

    private readonly BotFrameworkAuthentication _authentication;
    private readonly IConnectorClient _connector;
    private readonly ILogger<CloudAdapter> _logger;
    private readonly ServiceUrlPolicy _serviceUrls;
    private readonly PartitionedRateLimiter<Activity>? _turns;

    /// <summary>Creates the adapter.</summary>
    /// <param name="authentication">Checks each request's token.</param>
    /// <param name="connector">Sends the replies.</param>
    /// <param name="logger">Where refusals and turn errors are logged.</param>
    /// <param name="serviceUrls">The service URLs an activity may name (by default the Bot Framework's and Teams' hosts).</param>
    /// <param name="turns">How many turns an activity's conversation may have (429 past it); none: no limit.</param>
    public CloudAdapter(BotFrameworkAuthentication authentication, IConnectorClient connector, ILogger<CloudAdapter> logger,
        ServiceUrlPolicy? serviceUrls = null, PartitionedRateLimiter<Activity>? turns = null)
    {
        _serviceUrls = serviceUrls ?? new ServiceUrlPolicy();
        _turns = turns;
        _authentication = authentication ?? throw new ArgumentNullException(nameof(authentication));
        _connector = connector ?? throw new ArgumentNullException(nameof(connector));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <inheritdoc />
    public async Task ProcessAsync(HttpRequest request, HttpResponse response, IBot bot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(bot);
        if (!HttpMethods.IsPost(request.Method))
        {
            response.Headers.Allow = "POST";
            await WriteError(response, StatusCodes.Status405MethodNotAllowed, "Only POST is accepted.", cancellationToken);
            return;
        }

        // The token first, on its own: a caller without a valid one never gets its body read, let alone parsed.
        var header = await _authentication.AuthenticateHeaderAsync(request.Headers.Authorization.ToString(), cancellationToken);
        if (!header.IsAuthenticated)
        {
            LogRefused(_logger, header.FailureStatus, header.Failure ?? "unauthenticated");
            await WriteError(response, header.FailureStatus, "Unauthorized.", cancellationToken);
            return;
        }

        var (activity, status, problem) = await ReadActivity(request, cancellationToken);
        if (activity is null)
        {
            await WriteError(response, status, problem!, cancellationToken);
            return;
        }

        var authentication = _authentication.AuthorizeActivity(header, activity);
        if (!authentication.IsAuthenticated)
        {
            LogRefused(_logger, authentication.FailureStatus, authentication.Failure ?? "unauthenticated");
            await WriteError(response, authentication.FailureStatus, "Unauthorized.", cancellationToken);
            return;
        }

        // Replies, and later the staff's answer, go to the serviceUrl the activity names: only a channel's, and never
        // one this process hosts (its activities come from its own endpoints).
        if (!_serviceUrls.AllowsIncoming(activity.ChannelId, activity.ServiceUrl, out var refusal))
        {
            LogRefused(_logger, StatusCodes.Status403Forbidden, refusal!);
            await WriteError(response, StatusCodes.Status403Forbidden, $"The activity's serviceUrl is refused: {refusal}.", cancellationToken);
            return;
        }

        // A valid token is no licence to flood: a conversation that posts faster than people type waits.
        using var turn = _turns?.AttemptAcquire(activity);
        if (turn is { IsAcquired: false })
        {
            var retryAfter = turn.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            LogRefused(_logger, StatusCodes.Status429TooManyRequests, "too many activities for the conversation");
            await WriteError(response, StatusCodes.Status429TooManyRequests, "Too many messages in this conversation; try again shortly.", cancellationToken);
            return;
        }

        // With an app id every accepted request has a validated caller; without one nothing vouches for the sender.
        var context = new TurnContext(this, activity) { IsAnonymous = authentication.Caller is null };
        var failure = await RunTurnAsync(context, bot, cancellationToken);
        if (cancellationToken.IsCancellationRequested)
        {
            return;
        }

        if (failure is not null)
        {
            // The channel could not be reached at its serviceUrl: a gateway failure, not ours.
            var failureStatus = failure is HttpRequestException ? StatusCodes.Status502BadGateway : StatusCodes.Status500InternalServerError;
            await WriteError(response, failureStatus, "The reply could not be delivered to the channel.", cancellationToken);
            return;
        }

        if (activity.Type == ActivityTypes.Invoke)
        {
            var invoke = context.InvokeResponse ?? new InvokeResponse(StatusCodes.Status501NotImplemented);
            response.StatusCode = invoke.Status;
            if (invoke.Body is not null)
            {
                await response.WriteAsJsonAsync(invoke.Body, invoke.Body.GetType(), ProtocolJson.Options, cancellationToken);
            }

            return;
        }

        if (activity.DeliveryMode == DeliveryModes.ExpectReplies)
        {
            response.StatusCode = StatusCodes.Status200OK;
            await response.WriteAsJsonAsync(new ExpectedReplies(context.BufferedReplies), ProtocolJson.Options, cancellationToken);
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>
    /// Runs the bot's turn for an activity from a channel hosted in this process (our Direct Line), which has
    /// authenticated its user itself; replies go through the Connector API like any channel's.
    /// </summary>
    /// <returns>False when the turn failed and not even the apology reached the channel.</returns>
    // DYSTONIABOT: the SDK's ProcessActivityAsync takes the caller's ClaimsIdentity and a callback; an in-process
    // channel has no token to present, so it hands over the activity and the bot.
    public async Task<bool> ProcessActivityAsync(Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(bot);
        return await RunTurnAsync(new TurnContext(this, activity), bot, cancellationToken) is null;
    }

    /// <inheritdoc />
    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            responses[i] = await _connector.SendAsync(activities[i], cancellationToken);
        }

        return responses;
    }

    private static async Task<(Activity? Activity, int Status, string? Problem)> ReadActivity(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxActivityBytes)
        {
            return (null, StatusCodes.Status413PayloadTooLarge, $"The activity is larger than {MaxActivityBytes} bytes.");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxActivityBytes)
            {
                return (null, StatusCodes.Status413PayloadTooLarge, $"The activity is larger than {MaxActivityBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var activity = JsonSerializer.Deserialize<Activity>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), ProtocolJson.Options);
            if (string.IsNullOrWhiteSpace(activity?.Type))
            {
                return (null, StatusCodes.Status400BadRequest, "The body is not an activity: it needs a \"type\".");
            }

            // Replies go to the serviceUrl unless they come back in the response (expectReplies, invoke).
            var repliesAreSent = activity.DeliveryMode != DeliveryModes.ExpectReplies && activity.Type is ActivityTypes.Message or ActivityTypes.ConversationUpdate;
            if (repliesAreSent && (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
                || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp) || string.IsNullOrEmpty(activity.Conversation?.Id)))
            {
                return (null, StatusCodes.Status400BadRequest, "The activity needs an absolute http(s) \"serviceUrl\" and a \"conversation\" id for the replies.");
            }

            return (activity, StatusCodes.Status200OK, null);
        }
        catch (JsonException e)
        {
            return (null, StatusCodes.Status400BadRequest, $"The body is not a JSON activity: {e.Message}");
        }
    }

    /// <summary>Runs the turn; a failure is logged and apologised for. Returns the failure the apology could not cover.</summary>
    private async Task<Exception?> RunTurnAsync(TurnContext context, IBot bot, CancellationToken cancellationToken)
    {
        try
        {
            await bot.OnTurnAsync(context, cancellationToken);
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
#pragma warning disable CA1031 // One place handles every turn error: log it and tell the user, never crash the host.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogTurnError(_logger, context.Activity.Type ?? "?", context.Activity.ChannelId ?? "?", e);
            return await TryApologise(context, cancellationToken) ? null : e;
        }
    }

    private async Task<bool> TryApologise(TurnContext context, CancellationToken cancellationToken)
    {
        if (context.Activity.Type != ActivityTypes.Message)
        {
            return true;
        }

        try
        {
            await context.SendActivityAsync(MessageFactory.Text("Sorry, something went wrong on my side. Please try again in a moment."), cancellationToken);
            return true;
        }
#pragma warning disable CA1031 // The channel may be what failed; the HTTP status then says so.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogTurnError(_logger, "apology", context.Activity.ChannelId ?? "?", e);
            return false;
        }
    }

    private static Task WriteError(HttpResponse response, int status, string message, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        return response.WriteAsJsonAsync(new { error = new { code = status, message } }, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request refused with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, int status, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed for a {ActivityType} activity from {ChannelId}")]
    private static partial void LogTurnError(ILogger logger, string activityType, string channelId, Exception exception);
}
