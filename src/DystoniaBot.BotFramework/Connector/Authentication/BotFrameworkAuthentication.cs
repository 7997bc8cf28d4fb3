using System.Security.Claims;
using DystoniaBot.BotFramework.Schema;

namespace DystoniaBot.BotFramework.Connector.Authentication;

/// <summary>The outcome of checking an incoming request's credentials.</summary>
/// <param name="IsAuthenticated">Whether the request may be processed.</param>
/// <param name="FailureStatus">401 or 403 when it may not.</param>
/// <param name="Failure">Why, for the log (never the token).</param>
public sealed record AuthenticateRequestResult(bool IsAuthenticated, int FailureStatus = 401, string? Failure = null)
{
    /// <summary>An accepted request.</summary>
    public static AuthenticateRequestResult Accepted { get; } = new(true, 0);

    /// <summary>Who presented the token, once it is accepted (null for anonymous requests).</summary>
    public AuthenticatedCaller? Caller { get; init; }
}

/// <summary>Who a valid token says the caller is, and what it may vouch for.</summary>
/// <param name="Kind">Which kind of token it was.</param>
/// <param name="Identity">The token's claims.</param>
/// <param name="Endorsements">The channels the signing key may sign for (channel tokens).</param>
public sealed record AuthenticatedCaller(CallerKind Kind, ClaimsIdentity Identity, IReadOnlyList<string> Endorsements);

/// <summary>The kinds of token a bot accepts.</summary>
public enum CallerKind
{
    /// <summary>From a channel through the Bot Connector (issuer api.botframework.com).</summary>
    Channel,

    /// <summary>From the Bot Framework Emulator (Microsoft Entra, the Bot Framework's tenants).</summary>
    Emulator,

    /// <summary>From the Bot Service for a single-tenant bot (Microsoft Entra, the bot's own tenant).</summary>
    Tenant,
}

/// <summary>
/// Checks that an incoming activity comes from a channel the bot trusts, in two steps: the token alone, before the body
/// is read (so a stranger can't make the bot parse a large body), then what the token says against the activity.
/// </summary>
public abstract class BotFrameworkAuthentication
{
    /// <summary>Checks the request's <c>Authorization</c> header on its own: signature, issuer, audience, lifetime.</summary>
    public abstract Task<AuthenticateRequestResult> AuthenticateHeaderAsync(string? authorizationHeader, CancellationToken cancellationToken);

    /// <summary>Checks an accepted token's claims against the activity it came with.</summary>
    public abstract AuthenticateRequestResult AuthorizeActivity(AuthenticateRequestResult header, Activity activity);

    /// <summary>Checks the request's <c>Authorization</c> header against <paramref name="activity"/>: both steps.</summary>
    public async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string? authorizationHeader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var header = await AuthenticateHeaderAsync(authorizationHeader, cancellationToken);
        return header.IsAuthenticated ? AuthorizeActivity(header, activity) : header;
    }
}

/// <summary>
/// Accepts every request, as the SDK does when no MicrosoftAppId is configured: local development and the
/// Emulator in anonymous mode. The host logs this at startup and serves such requests from loopback only unless told.
/// </summary>
public sealed class AnonymousBotFrameworkAuthentication : BotFrameworkAuthentication
{
    /// <inheritdoc />
    public override Task<AuthenticateRequestResult> AuthenticateHeaderAsync(string? authorizationHeader, CancellationToken cancellationToken) =>
        Task.FromResult(AuthenticateRequestResult.Accepted);

    /// <inheritdoc />
    public override AuthenticateRequestResult AuthorizeActivity(AuthenticateRequestResult header, Activity activity) => AuthenticateRequestResult.Accepted;
}
