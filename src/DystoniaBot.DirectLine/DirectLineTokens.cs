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
/// <param name="SessionStart">
/// When the chain of tokens it belongs to began (a new conversation, or a resume): refreshing carries it over, and
/// stops once the session is older than its maximum age.
/// </param>
/// <param name="StreamOnly">A token that opens the WebSocket stream and nothing else (the one a stream URL carries).</param>
public sealed record DirectLineGrant(string ConversationId, string UserId, DateTimeOffset Expires, DateTimeOffset SessionStart, bool StreamOnly = false);

/// <summary>
/// Issues and checks Direct Line tokens: the grant as a JWT signed with HMAC-SHA256 under a key every replica shares
/// (kept in the storage), so no token table is needed and a token can't be altered to reach another conversation.
/// </summary>
public sealed class DirectLineTokens
{
    private const string StreamScope = "stream";
    private readonly byte[] _key;
    private readonly TimeProvider _time;

    /// <summary>Creates the issuer with the signing key (at least 32 bytes).</summary>
    public DirectLineTokens(byte[] key, TimeSpan lifetime, TimeProvider time, TimeSpan? maxSessionAge = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException("The signing key needs at least 32 bytes.", nameof(key));
        }

        _key = key;
        Lifetime = lifetime;
        MaxSessionAge = maxSessionAge ?? TimeSpan.FromDays(1);
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>How long a new token lives.</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>How long a chain of refreshed tokens may go on; after it, the visitor's page resumes with its secret.</summary>
    public TimeSpan MaxSessionAge { get; }

    /// <summary>A new token for <paramref name="conversationId"/> and <paramref name="userId"/>, starting a session.</summary>
    /// <remarks>
    /// A JWT (HS256): Web Chat reads the <c>user</c> claim, unverified, to know which messages are the visitor's;
    /// only this service can check the signature.
    /// </remarks>
    public string Issue(string conversationId, string userId) => Sign(conversationId, userId, _time.GetUtcNow(), _time.GetUtcNow().Add(Lifetime), null);

    /// <summary>
    /// The next token of <paramref name="grant"/>'s session, for as long as the session may last (never past its maximum
    /// age); null once the session is over.
    /// </summary>
    public string? Refresh(DirectLineGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var now = _time.GetUtcNow();
        var sessionEnds = grant.SessionStart + MaxSessionAge;
        if (grant.StreamOnly || now >= sessionEnds)
        {
            return null;
        }

        var expires = now.Add(Lifetime) < sessionEnds ? now.Add(Lifetime) : sessionEnds;
        return Sign(grant.ConversationId, grant.UserId, grant.SessionStart, expires, null);
    }

    /// <summary>
    /// A token that opens <paramref name="grant"/>'s stream and nothing else, expiring with it: a stream URL travels in
    /// query strings (and so into access logs), so what it carries must be worth little.
    /// </summary>
    public string IssueForStream(DirectLineGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return Sign(grant.ConversationId, grant.UserId, grant.SessionStart, grant.Expires, StreamScope);
    }

    /// <summary>Whole seconds until <paramref name="token"/> expires (0 for one that is not valid): Direct Line's <c>expires_in</c>.</summary>
    public int SecondsLeft(string token) => Read(token) is { } grant ? (int)Math.Max(0, Math.Ceiling((grant.Expires - _time.GetUtcNow()).TotalSeconds)) : 0;

    /// <summary>The grant of <paramref name="token"/>, or null when it is malformed, forged, expired or for the stream only.</summary>
    public DirectLineGrant? Validate(string? token) => Read(token) is { StreamOnly: false } grant ? grant : null;

    /// <summary>The grant of <paramref name="token"/> for opening a stream: a full token or a stream-only one.</summary>
    public DirectLineGrant? ValidateForStream(string? token) => Read(token);

    private string Sign(string conversationId, string userId, DateTimeOffset sessionStart, DateTimeOffset expires, string? scope)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new TokenPayload(conversationId, userId, _time.GetUtcNow().ToUnixTimeSeconds(),
            expires.ToUnixTimeSeconds(), sessionStart.ToUnixTimeSeconds(), scope), PayloadOptions);
        var signed = Header + "." + Base64Url.EncodeToString(payload);
        return signed + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signed)));
    }

    private DirectLineGrant? Read(string? token)
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

            // Tokens issued before sessions were recorded began their session when they were issued.
            var sessionStart = DateTimeOffset.FromUnixTimeSeconds(grant.Ses ?? grant.Iat);
            return expires > _time.GetUtcNow() ? new DirectLineGrant(grant.Conv, grant.User, expires, sessionStart, grant.Scp == StreamScope) : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>A random id of <paramref name="bytes"/> bytes, URL-safe.</summary>
    public static string NewId(int bytes = 16) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>The SHA-256 of a secret, in hexadecimal: how resume secrets are stored and looked up.</summary>
    public static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret ?? string.Empty)));

    /// <summary>Reads the bearer token of an Authorization header value.</summary>
    public static string? Bearer(string? authorization) =>
        authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;

    // {"alg":"HS256","typ":"JWT"}: the only header this service issues or accepts.
    private const string Header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

    private static readonly JsonSerializerOptions PayloadOptions = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private sealed record TokenPayload(
        [property: JsonPropertyName("conv")] string Conv,
        [property: JsonPropertyName("user")] string User,
        [property: JsonPropertyName("iat")] long Iat,
        [property: JsonPropertyName("exp")] long Exp,
        [property: JsonPropertyName("ses")] long? Ses,
        [property: JsonPropertyName("scp")] string? Scp);

    /// <summary>Compares a presented secret with the configured one in constant time.</summary>
    public static bool SecretMatches(string? presented, string? configured) =>
        !string.IsNullOrEmpty(presented) && !string.IsNullOrEmpty(configured)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(configured));
}
