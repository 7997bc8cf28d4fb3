using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DystoniaBot.Web.DirectLine;

/// <summary>What a valid token grants: one conversation, as one user, until it expires.</summary>
/// <param name="ConversationId">The only conversation the token can read or post to.</param>
/// <param name="UserId">The user every activity posted with the token comes from.</param>
/// <param name="Expires">When the token stops working.</param>
public sealed record DirectLineGrant(string ConversationId, string UserId, DateTimeOffset Expires);

/// <summary>
/// Issues and checks Direct Line tokens: the grant, signed with HMAC-SHA256 under a key every replica shares (kept in
/// the storage), so no token table is needed and a token can't be altered to reach another conversation.
/// </summary>
public sealed class DirectLineTokens
{
    private readonly byte[] _key;
    private readonly TimeProvider _time;

    /// <summary>Creates the issuer with the signing key (at least 32 bytes).</summary>
    public DirectLineTokens(byte[] key, TimeSpan lifetime, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException("The signing key needs at least 32 bytes.", nameof(key));
        }

        _key = key;
        Lifetime = lifetime;
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>How long a new token lives.</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>A new token for <paramref name="conversationId"/> and <paramref name="userId"/>.</summary>
    public string Issue(string conversationId, string userId)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new TokenPayload(conversationId, userId, _time.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds()));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key, payload));
    }

    /// <summary>The grant of <paramref name="token"/>, or null when it is malformed, forged or expired.</summary>
    public DirectLineGrant? Validate(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1024 || token.Split('.') is not [var encodedPayload, var encodedSignature])
        {
            return null;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(encodedPayload);
            var signature = Base64Url.DecodeFromChars(encodedSignature);
            if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(_key, payload)))
            {
                return null;
            }

            var grant = JsonSerializer.Deserialize<TokenPayload>(payload);
            var expires = DateTimeOffset.FromUnixTimeSeconds(grant!.E);
            return expires > _time.GetUtcNow() ? new DirectLineGrant(grant.C, grant.U, expires) : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>A random id of <paramref name="bytes"/> bytes, URL-safe.</summary>
    public static string NewId(int bytes = 16) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>Reads the bearer token of an Authorization header value.</summary>
    public static string? Bearer(string? authorization) =>
        authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;

    // Short names: the payload travels in every request.
    private sealed record TokenPayload(string C, string U, long E);

    /// <summary>Compares a presented secret with the configured one in constant time.</summary>
    public static bool SecretMatches(string? presented, string? configured) =>
        !string.IsNullOrEmpty(presented) && !string.IsNullOrEmpty(configured)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(configured));
}
