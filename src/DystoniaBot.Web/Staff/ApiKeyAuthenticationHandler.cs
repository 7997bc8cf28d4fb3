using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DystoniaBot.Web.Staff;

/// <summary>
/// <c>Authorization: Bearer &lt;api key&gt;</c> against the SHA-256 hashes of the configured keys, compared in constant
/// time; the key's name and role become the principal.
/// </summary>
public sealed class ApiKeyAuthenticationHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    private readonly StaffSignIn _staff;

    /// <summary>Creates the handler.</summary>
    public ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, StaffSignIn staff)
        : base(options, logger, encoder) => _staff = staff ?? throw new ArgumentNullException(nameof(staff));

    /// <summary>The hexadecimal SHA-256 of a key, as stored.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers[HeaderNames.Authorization];
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()));
        (string Name, string Role)? match = null;
        foreach (var (name, key) in _staff.Current.ApiKeys)
        {
            // Every key is compared, so the time taken says nothing about which one (if any) matched.
            if (key.Hash is { Length: 64 } hash && CryptographicOperations.FixedTimeEquals(presented, Convert.FromHexString(hash)))
            {
                match = (name, key.Role);
            }
        }

        if (match is not { } found)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }

        var principal = StaffSignIn.Principal(found.Name, found.Role, Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }
}
