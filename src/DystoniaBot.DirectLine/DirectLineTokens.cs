using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DystoniaBot.DirectLine;

/// <summary>What a valid token grants: one conversation, as one user, until it expires.</summary>
/// <param name="ConversationId">The only conversation the token can read or post to.</param>
/// <param name="UserId">The user every activity posted with the token comes from.</param>
/// <param name="Expires">When the token stops working.</param>
public sealed record DirectLineGrant(string ConversationId, string UserId, DateTimeOffset Expires);

/// <summary>
/// Issues and checks Direct Line tokens: the grant as a JWT signed with HMAC-SHA256 under a key every replica shares
/// (kept in the storage), so no token table is needed and a token can't be altered to reach another conversation.
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
    /// <remarks>
    /// A JWT (HS256): Web Chat reads the <c>user</c> claim, unverified, to know which messages are the visitor's;
    /// only this service can check the signature.
    /// </remarks>
    public string Issue(string conversationId, string userId)
    {
        var now = _time.GetUtcNow();
        var payload = JsonSerializer.SerializeToUtf8Bytes(new TokenPayload(conversationId, userId, now.ToUnixTimeSeconds(), now.Add(Lifetime).ToUnixTimeSeconds()));
        var signed = Header + "." + Base64Url.EncodeToString(payload);
        return signed + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signed)));
    }

    /// <summary>The grant of <paramref name="token"/>, or null when it is malformed, forged or expired.</summary>
    public DirectLineGrant? Validate(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048 || token.Split('.') is not [Header, var encodedPayload, var encodedSignature])
        {
            return null;
        }

        try
        {
            var signature = Base64Url.DecodeFromChars(encodedSignature);
            if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(Header + "." + encodedPayload))))
            {
                return null;
            }

            var grant = JsonSerializer.Deserialize<TokenPayload>(Base64Url.DecodeFromChars(encodedPayload));
            var expires = DateTimeOffset.FromUnixTimeSeconds(grant!.Exp);
            return expires > _time.GetUtcNow() ? new DirectLineGrant(grant.Conv, grant.User, expires) : null;
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

    // {"alg":"HS256","typ":"JWT"}: the only header this service issues or accepts.
    private const string Header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

    private sealed record TokenPayload(
        [property: JsonPropertyName("conv")] string Conv,
        [property: JsonPropertyName("user")] string User,
        [property: JsonPropertyName("iat")] long Iat,
        [property: JsonPropertyName("exp")] long Exp);

    /// <summary>Compares a presented secret with the configured one in constant time.</summary>
    public static bool SecretMatches(string? presented, string? configured) =>
        !string.IsNullOrEmpty(presented) && !string.IsNullOrEmpty(configured)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(configured));
}
