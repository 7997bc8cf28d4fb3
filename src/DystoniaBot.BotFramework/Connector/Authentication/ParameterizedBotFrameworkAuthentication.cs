using System.Collections.Concurrent;
using System.Security.Claims;
using DystoniaBot.BotFramework.Schema;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DystoniaBot.BotFramework.Connector.Authentication;

/// <summary>
/// Validates the Bot Framework's bearer tokens: from channels (issuer api.botframework.com, keys endorsed for the
/// activity's channel, a <c>serviceurl</c> claim equal to the activity's), from the Emulator (Microsoft Entra issuers of
/// the Bot Framework's tenants, for the <c>emulator</c> channel only) and, for a single-tenant bot, from its own tenant
/// (the app id in <c>appid</c> for v1 tokens, <c>azp</c> for v2; any other version is refused). Every token must be
/// signed (RS256/384/512) by a published key, be for this bot (audience: its app id, nothing else) and be within its
/// lifetime (5 min skew).
/// </summary>
public sealed class ParameterizedBotFrameworkAuthentication : BotFrameworkAuthentication
{
    /// <summary>How long a service URL stays trusted after the last validated request (or stored reference) named it.</summary>
    public static readonly TimeSpan ServiceUrlTrust = TimeSpan.FromDays(1);

    // Past it, expired entries are swept before another is added: a bounded map whatever the traffic.
    private const int SweepThreshold = 1000;
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private static readonly string[] ChannelIssuers = [AuthenticationConstants.ToBotFromChannelTokenIssuer];
    private static readonly string[] EmulatorIssuers = EntraIssuers(AuthenticationConstants.EmulatorTenants);
    private readonly string[] _tenantIssuers;
    private readonly BotCredentialsSettings _settings;
    private readonly OpenIdMetadata _channelKeys;
    private readonly OpenIdMetadata _emulatorKeys;
    private readonly TimeProvider _time;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _trustedServiceUrls = new(StringComparer.Ordinal);

    /// <summary>Creates the validator; the HTTP client fetches the OpenID metadata.</summary>
    public ParameterizedBotFrameworkAuthentication(BotCredentialsSettings settings, HttpClient metadataClient, TimeProvider? time = null)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        if (!settings.IsAuthenticationEnabled)
        {
            throw new ArgumentException("An app id is required; use AnonymousBotFrameworkAuthentication without one.", nameof(settings));
        }

        _time = time ?? TimeProvider.System;
        _tenantIssuers = settings.AppType == "SingleTenant" && !string.IsNullOrWhiteSpace(settings.TenantId) ? EntraIssuers([settings.TenantId]) : [];
        _channelKeys = new OpenIdMetadata(metadataClient, settings.ChannelOpenIdMetadataUrl, _time);
        _emulatorKeys = new OpenIdMetadata(metadataClient, settings.EmulatorOpenIdMetadataUrl, _time);
    }

    /// <summary>
    /// Whether a reply may carry this bot's token to <paramref name="serviceUrl"/>: a validated request (or a reference
    /// stored from one) named it within the last <see cref="ServiceUrlTrust"/>.
    /// </summary>
    public bool IsTrustedServiceUrl(string serviceUrl) =>
        NormalizeServiceUrl(serviceUrl) is { } key && _trustedServiceUrls.TryGetValue(key, out var until) && until > _time.GetUtcNow();

    /// <summary>
    /// Trusts a service URL the bot stored from a validated request earlier (a proactive message after a restart).
    /// </summary>
    // DYSTONIABOT: the SDK's MicrosoftAppCredentials.TrustServiceUrl, with its one-day expiry; never call it with a URL
    // from a request.
    public void TrustServiceUrl(string serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        Trust(serviceUrl);
    }

    /// <summary>
    /// The form service URLs are compared in: scheme and host in lower case, the default port left out, no trailing
    /// slash; so <c>https://Host:443/x/</c> and <c>https://host/x</c> are one URL. Null when it is not an absolute
    /// http(s) URL (on Unix a bare path parses as a file URL).
    /// </summary>
    public static string? NormalizeServiceUrl(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl?.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/')
            : null;

    private void Trust(string serviceUrl)
    {
        if (NormalizeServiceUrl(serviceUrl) is not { } key)
        {
            return;
        }

        var now = _time.GetUtcNow();
        if (_trustedServiceUrls.Count >= SweepThreshold)
        {
            foreach (var (url, until) in _trustedServiceUrls)
            {
                if (until <= now)
                {
                    _trustedServiceUrls.TryRemove(url, out _);
                }
            }
        }

        _trustedServiceUrls[key] = now + ServiceUrlTrust;
    }

    /// <inheritdoc />
    public override async Task<AuthenticateRequestResult> AuthenticateHeaderAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader) || !authorizationHeader.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return new AuthenticateRequestResult(false, 401, "no bearer token");
        }

        var raw = authorizationHeader["Bearer ".Length..].Trim();
        JsonWebToken token;
        try
        {
            token = _handler.ReadJsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            return new AuthenticateRequestResult(false, 401, "malformed token");
        }

        // The issuers are worked out once: this runs for every request.
        var kind = token.Issuer == AuthenticationConstants.ToBotFromChannelTokenIssuer ? CallerKind.Channel
            : EmulatorIssuers.Contains(token.Issuer, StringComparer.Ordinal) ? CallerKind.Emulator
            : CallerKind.Tenant;
        var issuers = kind switch
        {
            CallerKind.Channel => ChannelIssuers,
            CallerKind.Emulator => EmulatorIssuers,
            _ => _tenantIssuers,
        };
        if (!issuers.Contains(token.Issuer, StringComparer.Ordinal))
        {
            return new AuthenticateRequestResult(false, 401, "untrusted issuer");
        }

        EndorsedKey? key;
        try
        {
            key = await (kind == CallerKind.Channel ? _channelKeys : _emulatorKeys).GetKeyAsync(token.Kid ?? string.Empty, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or KeyNotFoundException or UriFormatException or TaskCanceledException)
        {
            return new AuthenticateRequestResult(false, 503, "signing keys unavailable: " + e.Message);
        }

        if (key is null)
        {
            return new AuthenticateRequestResult(false, 401, "unknown signing key");
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuers = issuers,

            // The app id only, never "api://{app id}" (a token minted for another resource of the same app), which no
            // channel sends. The SDK 4.23.1 refuses it too (tests/DystoniaBot.BotFramework.Conformance.Tests).
            ValidAudience = _settings.AppId,
            IssuerSigningKey = key.Key,
            ValidAlgorithms = Algorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = AuthenticationConstants.ClockSkew,
            LifetimeValidator = ValidateLifetime,
        };
        var result = await _handler.ValidateTokenAsync(raw, parameters);
        if (!result.IsValid)
        {
            return new AuthenticateRequestResult(false, 401, result.Exception?.GetType().Name ?? "invalid token");
        }

        var identity = result.ClaimsIdentity;
        if (kind != CallerKind.Channel)
        {
            var appId = Claim(identity, "ver") switch
            {
                "1.0" => Claim(identity, "appid"),
                "2.0" => Claim(identity, "azp"),
                _ => null,
            };
            if (appId is null)
            {
                return new AuthenticateRequestResult(false, 401, "unknown token version");
            }

            if (appId != _settings.AppId)
            {
                return new AuthenticateRequestResult(false, 401, "token issued to another app");
            }
        }

        return AuthenticateRequestResult.Accepted with { Caller = new AuthenticatedCaller(kind, identity, key.Endorsements) };
    }

    /// <inheritdoc />
    public override AuthenticateRequestResult AuthorizeActivity(AuthenticateRequestResult header, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(activity);
        if (header.Caller is not { } caller)
        {
            return header.IsAuthenticated ? new AuthenticateRequestResult(false, 401, "no validated token") : header;
        }

        switch (caller.Kind)
        {
            case CallerKind.Channel:
                // A channel token vouches for one service URL: it must say which, and it must be the activity's.
                if (!IsSameUrl(Claim(caller.Identity, "serviceurl"), activity.ServiceUrl))
                {
                    return new AuthenticateRequestResult(false, 401, "serviceurl claim missing or not the activity's");
                }

                // A key the metadata endorses for no channel signs for none.
                if (!caller.Endorsements.Contains(activity.ChannelId ?? string.Empty, StringComparer.Ordinal))
                {
                    return new AuthenticateRequestResult(false, 403, "signing key not endorsed for the channel");
                }

                break;
            case CallerKind.Emulator when !string.Equals(activity.ChannelId, Channels.Emulator, StringComparison.Ordinal):
                return new AuthenticateRequestResult(false, 403, "an Emulator token speaks for the emulator channel only");
        }

        if (!string.IsNullOrEmpty(activity.ServiceUrl))
        {
            Trust(activity.ServiceUrl);
        }

        return header;
    }

    /// <summary>
    /// Whether two absolute http(s) URLs are one by RFC 3986's normalisations (§6.2.2.1 scheme and host in any case,
    /// §6.2.3 the default port left out), the path compared as written: <c>/emea</c> is not <c>/emea/</c> (the SDK refuses
    /// that too) nor <c>/EMEA/</c> (the SDK, comparing whole URLs in any case, accepts that).
    /// </summary>
    private static bool IsSameUrl(string? claimed, string? serviceUrl) =>
        Uri.TryCreate(claimed?.Trim(), UriKind.Absolute, out var first) && Uri.TryCreate(serviceUrl?.Trim(), UriKind.Absolute, out var second)
        && (first.Scheme == Uri.UriSchemeHttps || first.Scheme == Uri.UriSchemeHttp)
        && Uri.Compare(first, second, UriComponents.SchemeAndServer | UriComponents.PathAndQuery, UriFormat.UriEscaped, StringComparison.Ordinal) == 0;

    private static string[] EntraIssuers(IEnumerable<string> tenants) =>
        tenants.SelectMany(t => new[] { $"https://sts.windows.net/{t}/", $"https://login.microsoftonline.com/{t}/v2.0" }).ToArray();

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        // Our own clock (testable), the same rule as the library's: within [nbf - skew, exp + skew].
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } exp && now <= exp + parameters.ClockSkew && (notBefore is not { } nbf || now >= nbf - parameters.ClockSkew);
    }

    private static string? Claim(ClaimsIdentity identity, string type) => identity.FindFirst(type)?.Value;
}
