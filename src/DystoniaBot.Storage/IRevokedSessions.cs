namespace DystoniaBot.Storage;

/// <summary>
/// Staff console sessions ended before their cookie expires (signed out): shared through the database, so a cookie
/// signed out on one instance is refused by every instance.
/// </summary>
public interface IRevokedSessions
{
    /// <summary>Records that session <paramref name="sessionId"/> is over, until its cookie would have expired anyway.</summary>
    Task RevokeAsync(string sessionId, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Whether session <paramref name="sessionId"/> was ended.</summary>
    Task<bool> IsRevokedAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Forgets revocations whose cookie has expired by <paramref name="now"/>.</summary>
    Task<int> DeleteExpiredRevocationsAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
