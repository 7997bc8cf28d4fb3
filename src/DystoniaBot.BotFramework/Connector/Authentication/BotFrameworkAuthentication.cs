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
}

/// <summary>Checks that an incoming activity comes from a channel the bot trusts.</summary>
public abstract class BotFrameworkAuthentication
{
    /// <summary>Checks the request's <c>Authorization</c> header against <paramref name="activity"/>.</summary>
    public abstract Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string? authorizationHeader, CancellationToken cancellationToken);
}

/// <summary>
/// Accepts every request, as the SDK does when no MicrosoftAppId is configured: local development and the
/// Emulator in anonymous mode. The host logs this at startup.
/// </summary>
public sealed class AnonymousBotFrameworkAuthentication : BotFrameworkAuthentication
{
    /// <inheritdoc />
    public override Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string? authorizationHeader, CancellationToken cancellationToken) =>
        Task.FromResult(AuthenticateRequestResult.Accepted);
}
