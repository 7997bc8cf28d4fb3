using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace DystoniaBot.BotFramework.Connector.Authentication;

/// <summary>The Authorization header the bot sends with a call to a channel's service URL.</summary>
public interface IConnectorCredentials
{
    /// <summary>The header for a call to <paramref name="serviceUrl"/>, or null to send none.</summary>
    /// <exception cref="UnauthorizedAccessException">The bot must not send its token to that URL.</exception>
    Task<AuthenticationHeaderValue?> GetAuthorizationAsync(Uri serviceUrl, CancellationToken cancellationToken);
}

/// <summary>No credentials: local development, where the Emulator expects none.</summary>
public sealed class AnonymousConnectorCredentials : IConnectorCredentials
{
    /// <inheritdoc />
    public Task<AuthenticationHeaderValue?> GetAuthorizationAsync(Uri serviceUrl, CancellationToken cancellationToken) =>
        Task.FromResult<AuthenticationHeaderValue?>(null);
}

/// <summary>
/// The OAuth client-credentials token of the bot's app, cached until five minutes before it expires, and sent only
/// to service URLs that arrived with a validated token: a forged activity can't make the bot hand its token out.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class ClientCredentialsConnectorCredentials : IConnectorCredentials
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly BotCredentialsSettings _settings;
    private readonly HttpClient _http;
    private readonly Func<string, bool> _isTrusted;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private Task<(string Token, DateTimeOffset Expires)>? _token;

    /// <summary>Creates the credentials; <paramref name="isTrusted"/> says whether a service URL came with a valid token.</summary>
    public ClientCredentialsConnectorCredentials(BotCredentialsSettings settings, HttpClient http, Func<string, bool> isTrusted, TimeProvider? time = null)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _isTrusted = isTrusted ?? throw new ArgumentNullException(nameof(isTrusted));
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async Task<AuthenticationHeaderValue?> GetAuthorizationAsync(Uri serviceUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        if (!_isTrusted(serviceUrl.AbsoluteUri))
        {
            throw new UnauthorizedAccessException($"Not sending the bot's token to {serviceUrl.Host}: no validated request came from it.");
        }

        Task<(string Token, DateTimeOffset Expires)> pending;
        lock (_gate)
        {
            if (_token is null || _token.IsFaulted || (_token.IsCompletedSuccessfully && _token.Result.Expires - RefreshMargin <= _time.GetUtcNow()))
            {
                _token = FetchAsync();
            }

            pending = _token;
        }

        var (token, _) = await pending.WaitAsync(cancellationToken);
        return new AuthenticationHeaderValue("Bearer", token);
    }

    private async Task<(string Token, DateTimeOffset Expires)> FetchAsync()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = _settings.AppId ?? string.Empty,
            ["client_secret"] = _settings.AppPassword ?? string.Empty,
            ["scope"] = _settings.ToChannelFromBotOAuthScope,
        });
        using var response = await _http.PostAsync(_settings.LoginUrl, form);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>()
            ?? throw new HttpRequestException("The token endpoint answered without a token.");
        return (body.AccessToken, _time.GetUtcNow().AddSeconds(body.ExpiresIn));
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
