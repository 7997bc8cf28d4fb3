using System.Collections.Concurrent;
using System.Security.Claims;
using DystoniaBot.BotFramework.Schema;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DystoniaBot.BotFramework.Connector.Authentication;

/// <summary>
/// Validates the Bot Framework's bearer tokens: from channels (issuer api.botframework.com, keys endorsed for the
/// activity's channel, a <c>serviceurl</c> claim equal to the activity's) and from the Emulator or a single tenant
/// (Microsoft Entra issuers, the app id in <c>appid</c> for v1 tokens or <c>azp</c> for v2). Every token must be
/// signed (RS256/384/512) by a published key, be for this bot (audience) and be within its lifetime (5 min skew).
/// </summary>
public sealed class ParameterizedBotFrameworkAuthentication : BotFrameworkAuthentication
{
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private readonly BotCredentialsSettings _settings;
    private readonly OpenIdMetadata _channelKeys;
    private readonly OpenIdMetadata _emulatorKeys;
    private readonly TimeProvider _time;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly ConcurrentDictionary<string, byte> _trustedServiceUrls = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the validator; the HTTP client fetches the OpenID metadata.</summary>
    public ParameterizedBotFrameworkAuthentication(BotCredentialsSettings settings, HttpClient metadataClient, TimeProvider? time = null)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        if (!settings.IsAuthenticationEnabled)
        {
            throw new ArgumentException("An app id is required; use AnonymousBotFrameworkAuthentication without one.", nameof(settings));
        }

        _time = time ?? TimeProvider.System;
        _channelKeys = new OpenIdMetadata(metadataClient, settings.ChannelOpenIdMetadataUrl, _time);
        _emulatorKeys = new OpenIdMetadata(metadataClient, settings.EmulatorOpenIdMetadataUrl, _time);
    }

    /// <summary>Whether a reply may carry this bot's token to <paramref name="serviceUrl"/>: it came with a valid token.</summary>
    public bool IsTrustedServiceUrl(string serviceUrl) => _trustedServiceUrls.ContainsKey(NormalizeServiceUrl(serviceUrl));

    /// <summary>
    /// Trusts a service URL the bot stored from a validated request earlier (a proactive message after a restart).
    /// </summary>
    // DYSTONIABOT: the SDK's MicrosoftAppCredentials.TrustServiceUrl; never call it with a URL from a request.
    public void TrustServiceUrl(string serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        _trustedServiceUrls.TryAdd(NormalizeServiceUrl(serviceUrl), 0);
    }

    private static string NormalizeServiceUrl(string serviceUrl) => serviceUrl.Trim().TrimEnd('/');

    /// <inheritdoc />
    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string? authorizationHeader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
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

        var fromChannel = token.Issuer == AuthenticationConstants.ToBotFromChannelTokenIssuer;
        var issuers = fromChannel ? [AuthenticationConstants.ToBotFromChannelTokenIssuer] : EntraIssuers();
        if (!issuers.Contains(token.Issuer, StringComparer.Ordinal))
        {
            return new AuthenticateRequestResult(false, 401, "untrusted issuer");
        }

        EndorsedKey? key;
        try
        {
            key = await (fromChannel ? _channelKeys : _emulatorKeys).GetKeyAsync(token.Kid ?? string.Empty, cancellationToken);
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
            ValidAudiences = [_settings.AppId!, "api://" + _settings.AppId],
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
        if (fromChannel)
        {
            if (!string.Equals(Claim(identity, "serviceurl"), activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
            {
                return new AuthenticateRequestResult(false, 401, "serviceurl claim does not match the activity");
            }

            if (key.Endorsements.Count > 0 && !key.Endorsements.Contains(activity.ChannelId ?? string.Empty, StringComparer.Ordinal))
            {
                return new AuthenticateRequestResult(false, 403, "signing key not endorsed for the channel");
            }
        }
        else
        {
            var appId = Claim(identity, "ver") == "2.0" ? Claim(identity, "azp") : Claim(identity, "appid");
            if (appId != _settings.AppId)
            {
                return new AuthenticateRequestResult(false, 401, "token issued to another app");
            }
        }

        if (!string.IsNullOrEmpty(activity.ServiceUrl))
        {
            _trustedServiceUrls.TryAdd(NormalizeServiceUrl(activity.ServiceUrl), 0);
        }

        return AuthenticateRequestResult.Accepted;
    }

    private string[] EntraIssuers()
    {
        var tenants = AuthenticationConstants.EmulatorTenants.ToList();
        if (_settings.AppType == "SingleTenant" && !string.IsNullOrWhiteSpace(_settings.TenantId))
        {
            tenants.Add(_settings.TenantId);
        }

        return tenants.SelectMany(t => new[] { $"https://sts.windows.net/{t}/", $"https://login.microsoftonline.com/{t}/v2.0" }).ToArray();
    }

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        // Our own clock (testable), the same rule as the library's: within [nbf - skew, exp + skew].
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } exp && now <= exp + parameters.ClockSkew && (notBefore is not { } nbf || now >= nbf - parameters.ClockSkew);
    }

    private static string? Claim(ClaimsIdentity identity, string type) => identity.FindFirst(type)?.Value;
}
