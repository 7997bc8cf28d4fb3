using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DystoniaBot.Web.Staff;

/// <summary>
/// <c>Authorization: Bearer &lt;api key&gt;</c> against the SHA-256 hashes of the configured keys, compared in constant
/// time; the key's name and role become the principal. A key past its expiry is refused with a 401 saying so.
/// </summary>
public sealed partial class ApiKeyAuthenticationHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    private readonly StaffSignIn _staff;
    private readonly StaffAudit _audit;

    /// <summary>Creates the handler.</summary>
    public ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, StaffSignIn staff, StaffAudit audit)
        : base(options, logger, encoder)
    {
        _staff = staff ?? throw new ArgumentNullException(nameof(staff));
        _audit = audit ?? throw new ArgumentNullException(nameof(audit));
    }

    /// <summary>The hexadecimal SHA-256 of a key, as stored.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers[HeaderNames.Authorization];
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()));
        (string Name, StaffApiKeyOptions Key)? match = null;
        foreach (var (name, key) in _staff.Current.ApiKeys)
        {
            // Every key is compared, so the time taken says nothing about which one (if any) matched.
            if (key.Hash is { Length: 64 } hash && CryptographicOperations.FixedTimeEquals(presented, Convert.FromHexString(hash)))
            {
                match = (name, key);
            }
        }

        if (match is not { } found)
        {
            return AuthenticateResult.Fail("Unknown API key.");
        }

        if (found.Key.ExpiresAt is { } expiresAt && expiresAt <= TimeProvider.GetUtcNow())
        {
            LogExpired(Logger, found.Name, expiresAt);
            return AuthenticateResult.Fail(new ExpiredApiKeyException(expiresAt));
        }

        await _audit.KeyUsedAsync(found.Name, $"{Request.Method} {Request.Path}", Context.RequestAborted);
        var principal = StaffSignIn.Principal(found.Name, found.Key.Role, Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    /// <inheritdoc />
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if ((await HandleAuthenticateOnceSafeAsync()).Failure is ExpiredApiKeyException expired)
        {
            // Said plainly, so whoever runs the tool knows to ask for a new key rather than hunt for a typo.
            var detail = $"This API key expired on {expired.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)}. " +
                "Ask an administrator for a new one ('dystoniabot staff key add').";
            Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\", error_description=\"The API key has expired\"";
            await TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "API key expired").ExecuteAsync(Context);
            return;
        }

        Response.Headers.WWWAuthenticate = "Bearer";
        await base.HandleChallengeAsync(properties);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused the staff API key {Name}: it expired at {ExpiresAt}")]
    private static partial void LogExpired(ILogger logger, string name, DateTimeOffset expiresAt);

    /// <summary>Why a known key was refused: it is past its expiry.</summary>
    private sealed class ExpiredApiKeyException(DateTimeOffset expiresAt) : Exception("The API key has expired.")
    {
        public DateTimeOffset ExpiresAt { get; } = expiresAt;
    }
}
