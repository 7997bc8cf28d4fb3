using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.BotFramework.Serialization;

namespace DystoniaBot.DirectLine;

/// <summary>
/// Direct Line 3.0 on the bot's own host, as the official Web Chat client uses it, plus the two same-origin helpers of
/// the bot's page: a token for each visitor and the sources to credit.
/// </summary>
public static partial class DirectLineEndpoints
{
    /// <summary>The CORS policy of the Direct Line API (pages on other sites may embed Web Chat too).</summary>
    public const string CorsPolicy = "directline";

    /// <summary>The rate limit per token (or per address without one).</summary>
    public const string RateLimitPolicy = "directline";

    /// <summary>The rate limit of new conversations per address.</summary>
    public const string VisitorRateLimitPolicy = "directline-visitor";

    /// <summary>Maps /v3/directline/* and /api/directline/token.</summary>
    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/v3/directline").RequireCors(CorsPolicy).RequireRateLimiting(RateLimitPolicy);
        api.MapPost("/tokens/generate", GenerateToken);
        api.MapPost("/tokens/refresh", RefreshToken);
        api.MapPost("/conversations", StartConversation);
        api.MapGet("/conversations/{conversationId}", Reconnect);
        api.MapGet("/conversations/{conversationId}/activities", GetActivities);
        api.MapPost("/conversations/{conversationId}/activities", PostActivity);
        api.MapPost("/conversations/{conversationId}/upload", Upload);
        api.MapGet("/conversations/{conversationId}/stream", Stream);

        endpoints.MapPost("/api/directline/token", VisitorToken).RequireRateLimiting(VisitorRateLimitPolicy);
        endpoints.MapPost("/api/directline/forget", ForgetConversation).RequireRateLimiting(VisitorRateLimitPolicy);
        return endpoints;
    }

    /// <summary>The conversation a request's token grants, for rate limiting; null without a valid token.</summary>
    public static string? GrantedConversation(HttpContext context, DirectLineTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(tokens);
        return tokens.ValidateForStream(DirectLineTokens.Bearer(context.Request.Headers.Authorization) ?? StreamQueryToken(context.Request))?.ConversationId;
    }

    private static async Task<IResult> GenerateToken(HttpRequest request, DirectLineChannel channel, CancellationToken cancellationToken)
    {
        if (!DirectLineTokens.SecretMatches(DirectLineTokens.Bearer(request.Headers.Authorization), channel.Options.Secret))
        {
            return Error(StatusCodes.Status403Forbidden, "Forbidden", "A valid Direct Line secret is required.");
        }

        if (!channel.MayStartConversation())
        {
            return TooManyConversations();
        }

        var (conversationId, _, token) = await channel.CreateConversationAsync(cancellationToken);
        return Results.Ok(new TokenJson(conversationId, token, (int)channel.Tokens.Lifetime.TotalSeconds));
    }

    private static async Task<IResult> RefreshToken(HttpRequest request, DirectLineChannel channel, CancellationToken cancellationToken)
    {
        if (Authorize(request, channel, null) is not { } grant)
        {
            return Refusal(request);
        }

        if (await channel.Store.FindConversationAsync(grant.ConversationId, cancellationToken) is null)
        {
            return NotFound();
        }

        return channel.Tokens.Refresh(grant) is { } refreshed
            ? Results.Ok(new TokenJson(grant.ConversationId, refreshed, ExpiresIn(channel, refreshed)))
            : SessionOver();
    }

    private static async Task<IResult> StartConversation(HttpRequest request, DirectLineChannel channel, CancellationToken cancellationToken)
    {
        string token;
        DirectLineGrant? grant;
        if (DirectLineTokens.SecretMatches(DirectLineTokens.Bearer(request.Headers.Authorization), channel.Options.Secret))
        {
            // A secret starts a brand-new conversation, as the hosted service does.
            (_, _, token) = await channel.CreateConversationAsync(cancellationToken);
            grant = channel.Tokens.Validate(token);
        }
        else
        {
            token = PresentedToken(request) ?? string.Empty;
            grant = Authorize(request, channel, null);
        }

        if (grant is null)
        {
            return Refusal(request);
        }

        if (await channel.Store.FindConversationAsync(grant.ConversationId, cancellationToken) is not { } conversation)
        {
            return NotFound();
        }

        await channel.StartAsync(conversation, cancellationToken);
        var body = new ConversationJson(grant.ConversationId, token, ExpiresIn(channel, token), StreamUrl(request, channel, grant, null));
        return conversation.Started ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> Reconnect(HttpRequest request, string conversationId, string? watermark, DirectLineChannel channel, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        if (Authorize(request, channel, conversationId) is not { } grant)
        {
            return Refusal(request);
        }

        try
        {
            if (await channel.Store.FindConversationAsync(conversationId, cancellationToken) is not { } conversation)
            {
                return NotFound();
            }

            await channel.StartAsync(conversation, cancellationToken);
            var token = PresentedToken(request)!;
            return Results.Ok(new ConversationJson(conversationId, token, ExpiresIn(channel, token),
                StreamUrl(request, channel, grant, ParseWatermark(watermark))));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Never a 5xx on a GET: Web Chat retries this one after a 429 but gives up for good after a 500.
            LogGetFailed(logs.CreateLogger(nameof(DirectLineEndpoints)), e);
            return Error(StatusCodes.Status429TooManyRequests, "Unavailable", "Please try again in a moment.", retryAfterSeconds: 5);
        }
    }

    private static async Task<IResult> GetActivities(HttpRequest request, string conversationId, string? watermark, DirectLineChannel channel, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        if (Authorize(request, channel, conversationId) is null)
        {
            return Refusal(request);
        }

        if (!TryParseWatermark(watermark, out var after))
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "The watermark is not one this service gave out.");
        }

        try
        {
            if (await channel.Store.FindConversationAsync(conversationId, cancellationToken) is null)
            {
                return NotFound();
            }

            var set = await channel.Store.ReadAsync(conversationId, after, channel.Options.PageSize, cancellationToken);
            return Results.Json(new ActivitySetJson(set.Activities, set.Watermark.ToString(CultureInfo.InvariantCulture)), ProtocolJson.Options);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Any GET error but 403/404 stops Web Chat's polling for good: say "nothing new" and let it ask again.
            LogGetFailed(logs.CreateLogger(nameof(DirectLineEndpoints)), e);
            return Results.Json(new ActivitySetJson([], after.ToString(CultureInfo.InvariantCulture)), ProtocolJson.Options);
        }
    }

    private static async Task<IResult> PostActivity(HttpRequest request, string conversationId, DirectLineChannel channel, CancellationToken cancellationToken)
    {
        if (Authorize(request, channel, conversationId) is not { } grant)
        {
            return Refusal(request);
        }

        if (await channel.Store.FindConversationAsync(conversationId, cancellationToken) is null)
        {
            return NotFound();
        }

        var (activity, problem) = await ReadActivity(request, channel.Options.MaxActivityBytes, cancellationToken);
        if (activity is null)
        {
            return problem!;
        }

        var (id, error) = await channel.PostFromUserAsync(grant, activity, request.HttpContext.Connection.RemoteIpAddress, cancellationToken);
        return error is not null ? Error(error.Status, error.Code, error.Message) : Results.Ok(new ResourceResponse(id ?? string.Empty));
    }

    private static ErrorResult Upload(HttpRequest request, string conversationId, DirectLineChannel channel) =>
        Authorize(request, channel, conversationId) is null
            ? Refusal(request)
            : Error(StatusCodes.Status415UnsupportedMediaType, "BadArgument", "This bot does not accept files or attachments; please type your question.");

    private static async Task<IResult> VisitorToken(HttpRequest request, DirectLineChannel channel, CancellationToken cancellationToken)
    {
        // A fresh conversation (with a resume secret for coming back), a token to come back to one with that secret, or
        // (with the visitor's current token) the next token of the same session.
        VisitorTokenRequest? body = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            IResult? problem;
            (body, problem) = await ReadJson<VisitorTokenRequest>(request, 4096, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }
        }

        if (body?.Resume is { } resume)
        {
            if (await channel.FindResumableAsync(resume, cancellationToken) is not { } resumed)
            {
                return Error(StatusCodes.Status403Forbidden, "ResumeRevoked", "That conversation can no longer be resumed; start a new one.");
            }

            var token = channel.Tokens.Issue(resumed.Id, resumed.UserId);
            return Results.Ok(new VisitorTokenJson(token, resumed.Id, resumed.UserId, ExpiresIn(channel, token), null) { MaxTextLength = channel.Options.MaxTextLength });
        }

        if (body?.Token is { } previous)
        {
            if (channel.Tokens.Validate(previous) is not { } grant
                || await channel.Store.FindConversationAsync(grant.ConversationId, cancellationToken) is null)
            {
                return Error(StatusCodes.Status403Forbidden, "TokenExpired", "That conversation can no longer be resumed; start a new one.");
            }

            return channel.Tokens.Refresh(grant) is { } refreshed
                ? Results.Ok(new VisitorTokenJson(refreshed, grant.ConversationId, grant.UserId, ExpiresIn(channel, refreshed), null) { MaxTextLength = channel.Options.MaxTextLength })
                : SessionOver();
        }

        if (!channel.MayStartConversation())
        {
            return TooManyConversations();
        }

        var (conversationId, userId, fresh) = await channel.CreateConversationAsync(cancellationToken);
        var secret = await channel.CreateResumeSecretAsync(conversationId, cancellationToken);
        return Results.Ok(new VisitorTokenJson(fresh, conversationId, userId, ExpiresIn(channel, fresh), secret) { MaxTextLength = channel.Options.MaxTextLength });
    }

    /// <summary>
    /// "Forget this conversation": with its resume secret, the conversation and its log are deleted and every secret of
    /// it revoked, so neither the secret nor any token for it opens it again. 204 whether or not there was one to forget.
    /// </summary>
    private static async Task<IResult> ForgetConversation(HttpRequest request, DirectLineChannel channel, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadJson<VisitorTokenRequest>(request, 4096, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrEmpty(body?.Resume))
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "Send the conversation's resume secret as {\"resume\": \"…\"}.");
        }

        await channel.ForgetAsync(body.Resume, cancellationToken);
        return Results.NoContent();
    }

    private static async Task Stream(HttpContext context, string conversationId, string? watermark, DirectLineChannel channel, DirectLineHub hub,
        StreamLimits limits, ILoggerFactory logs, IHostApplicationLifetime lifetime, TimeProvider time)
    {
        // WebSockets can't send headers, so here alone the token may come in the query (a stream-only one, as the
        // stream URL carries, or a full one).
        var presented = DirectLineTokens.Bearer(context.Request.Headers.Authorization) ?? StreamQueryToken(context.Request);
        if (channel.Tokens.ValidateForStream(presented) is not { } grant || grant.ConversationId != conversationId)
        {
            await (presented is null ? Unauthorized() : Forbidden()).ExecuteAsync(context);
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Error(StatusCodes.Status400BadRequest, "BadArgument", "The stream is a WebSocket.").ExecuteAsync(context);
            return;
        }

        if (!TryParseWatermark(watermark, out var after) || await channel.Store.FindConversationAsync(conversationId, context.RequestAborted) is null)
        {
            await NotFound().ExecuteAsync(context);
            return;
        }

        var (lease, refusal) = limits.TryOpen(conversationId, context.Connection.RemoteIpAddress);
        if (lease is null)
        {
            await Error(StatusCodes.Status429TooManyRequests, "TooManyStreams", refusal!, retryAfterSeconds: 10).ExecuteAsync(context);
            return;
        }

        using var open = lease;
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        // The socket closes when its token expires; Web Chat then reconnects with the token it has refreshed meanwhile.
        using var expired = new CancellationTokenSource(grant.Expires - time.GetUtcNow() is { Ticks: > 0 } left ? left : TimeSpan.Zero, time);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping, expired.Token);
        var stream = new DirectLineStream(socket, channel, hub, conversationId, logs.CreateLogger<DirectLineStream>());
        await stream.RunAsync(after, stopping.Token);
    }

    /// <summary>The token of the request: the bearer header only (a token in a query string ends up in access logs).</summary>
    private static string? PresentedToken(HttpRequest request) => DirectLineTokens.Bearer(request.Headers.Authorization);

    /// <summary>The token in a stream URL's query (<c>t</c>), accepted on the stream alone.</summary>
    private static string? StreamQueryToken(HttpRequest request) =>
        request.Path.Value?.EndsWith("/stream", StringComparison.Ordinal) == true && request.Query.TryGetValue("t", out var t) ? t.ToString() : null;

    /// <summary>The grant of the request's token when it is valid and (if given) for <paramref name="conversationId"/>.</summary>
    private static DirectLineGrant? Authorize(HttpRequest request, DirectLineChannel channel, string? conversationId) =>
        channel.Tokens.Validate(PresentedToken(request)) is { } grant && (conversationId is null || grant.ConversationId == conversationId) ? grant : null;

    /// <summary>401 without a token; 403 for an expired or forged one, or one for another conversation.</summary>
    private static ErrorResult Refusal(HttpRequest request) => PresentedToken(request) is null ? Unauthorized() : Forbidden();

    private static ErrorResult Unauthorized() =>
        Error(StatusCodes.Status401Unauthorized, "Unauthorized", "A Direct Line token is required (Authorization: Bearer <token>).");

    private static ErrorResult Forbidden() =>
        Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token is expired, invalid or not for this conversation.");

    private static ErrorResult SessionOver() =>
        Error(StatusCodes.Status403Forbidden, "TokenExpired", "This session is too old to refresh its token; the page will reconnect.");

    private static int ExpiresIn(DirectLineChannel channel, string token) => channel.Tokens.SecondsLeft(token);

    private static ErrorResult TooManyConversations() =>
        Error(StatusCodes.Status429TooManyRequests, "TooManyConversations", "Too many conversations are starting right now; please try again in a minute.", retryAfterSeconds: 60);

    private static ErrorResult NotFound() => Error(StatusCodes.Status404NotFound, "BadArgument", "Conversation not found.");

    private static ErrorResult Error(int status, string code, string message, int? retryAfterSeconds = null) =>
        new ErrorResult(status, new ErrorJson(new ErrorBody(code, message)), retryAfterSeconds);

    private static long ParseWatermark(string? watermark) => TryParseWatermark(watermark, out var value) ? value : 0;

    private static bool TryParseWatermark(string? watermark, out long value)
    {
        value = 0;
        return string.IsNullOrEmpty(watermark) || watermark == "-"
            || (long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 0);
    }

    private static string StreamUrl(HttpRequest request, DirectLineChannel channel, DirectLineGrant grant, long? watermark)
    {
        var scheme = request.IsHttps ? "wss" : "ws";
        var query = $"t={Uri.EscapeDataString(channel.Tokens.IssueForStream(grant))}" + (watermark is { } w ? $"&watermark={w.ToString(CultureInfo.InvariantCulture)}" : string.Empty);
        return $"{scheme}://{request.Host}{request.PathBase}/v3/directline/conversations/{Uri.EscapeDataString(grant.ConversationId)}/stream?{query}";
    }

    private static async Task<(Activity? Activity, IResult? Problem)> ReadActivity(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var (activity, problem) = await ReadJson<Activity>(request, maxBytes, cancellationToken);
        return problem is not null ? (null, problem)
            : string.IsNullOrWhiteSpace(activity?.Type) ? (null, Error(StatusCodes.Status400BadRequest, "BadArgument", "The body is not an activity: it needs a \"type\"."))
            : (activity, null);
    }

    private static async Task<(T? Value, IResult? Problem)> ReadJson<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (default, Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"The body is larger than {maxBytes} bytes."));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (default, Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"The body is larger than {maxBytes} bytes."));
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return (JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), ProtocolJson.Options), null);
        }
        catch (JsonException e)
        {
            return (default, Error(StatusCodes.Status400BadRequest, "BadArgument", $"The body is not valid JSON for this request: {e.Message}"));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A Direct Line GET failed; the client was told to try again")]
    private static partial void LogGetFailed(ILogger logger, Exception exception);

    internal sealed record TokenJson(string ConversationId, string Token, [property: JsonPropertyName("expires_in")] int ExpiresIn);

    internal sealed record ConversationJson(string ConversationId, string Token, [property: JsonPropertyName("expires_in")] int ExpiresIn, string StreamUrl);

    internal sealed record VisitorTokenJson(string Token, string ConversationId, string UserId, [property: JsonPropertyName("expires_in")] int ExpiresIn,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Resume)
    {
        /// <summary>The longest message the page may send (DirectLine:MaxTextLength), so it can say so before sending.</summary>
        public int? MaxTextLength { get; init; }
    }

    internal sealed record VisitorTokenRequest(string? Token, string? Resume);

    internal sealed record ErrorJson(ErrorBody Error);

    internal sealed record ErrorBody(string Code, string Message);

    /// <summary>A Direct Line error body with its status (and Retry-After when given).</summary>
    internal sealed class ErrorResult(int status, ErrorJson body, int? retryAfterSeconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            if (retryAfterSeconds is { } seconds)
            {
                httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            return httpContext.Response.WriteAsJsonAsync(body, ProtocolJson.Options);
        }
    }
}

/// <summary>Activities after a watermark, as Direct Line sends them.</summary>
/// <param name="Activities">The activities.</param>
/// <param name="Watermark">Where to continue from; absent for typing, which is not in the log.</param>
public sealed record ActivitySetJson(IReadOnlyList<Activity> Activities, string? Watermark);
