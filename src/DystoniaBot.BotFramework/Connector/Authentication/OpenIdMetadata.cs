using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace DystoniaBot.BotFramework.Connector.Authentication;

/// <summary>A signing key and the channels it may sign for (empty: not restricted).</summary>
/// <param name="Key">The key.</param>
/// <param name="Endorsements">Channel ids from the key's <c>endorsements</c> array.</param>
public sealed record EndorsedKey(SecurityKey Key, IReadOnlyList<string> Endorsements);

/// <summary>
/// The signing keys behind one OpenID metadata document, cached: refreshed once a day, and sooner (at most every
/// five minutes) when a token names a key we don't have, which is how key rollover shows.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class OpenIdMetadata
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(24);
    private static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromMinutes(5);
    private readonly HttpClient _http;
    private readonly Uri _metadataUrl;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private Task? _pending;
    private Dictionary<string, EndorsedKey> _keys = new(StringComparer.Ordinal);
    private DateTimeOffset _fetched = DateTimeOffset.MinValue;

    /// <summary>Creates the cache for <paramref name="metadataUrl"/>.</summary>
    public OpenIdMetadata(HttpClient http, Uri metadataUrl, TimeProvider? time = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _metadataUrl = metadataUrl ?? throw new ArgumentNullException(nameof(metadataUrl));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The key with id <paramref name="keyId"/>, or null when the metadata has none.</summary>
    public async Task<EndorsedKey?> GetKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (now - _fetched > RefreshInterval || (!_keys.ContainsKey(keyId) && now - _fetched > MinimumRefreshInterval))
        {
            Task refresh;
            lock (_gate)
            {
                // Concurrent requests share one fetch.
                if (_pending is null || _pending.IsCompleted)
                {
                    _pending = RefreshAsync();
                }

                refresh = _pending;
            }

            await refresh.WaitAsync(cancellationToken);
        }

        return _keys.GetValueOrDefault(keyId);
    }

    // Shared by concurrent requests, so no one caller's cancellation stops it; the HttpClient's timeout bounds it.
    private async Task RefreshAsync()
    {
        if (_time.GetUtcNow() - _fetched <= MinimumRefreshInterval)
        {
            return;
        }

        string jwks;
        try
        {
            using var metadata = JsonDocument.Parse(await _http.GetStringAsync(_metadataUrl, CancellationToken.None));
            var jwksUri = new Uri(metadata.RootElement.GetProperty("jwks_uri").GetString()!);
            jwks = await _http.GetStringAsync(jwksUri, CancellationToken.None);
        }
        catch (Exception e) when (_keys.Count > 0 && e is HttpRequestException or JsonException or KeyNotFoundException or UriFormatException)
        {
            // Keep serving with the keys we have; the next unknown key tries again.
            return;
        }

        var keys = new Dictionary<string, EndorsedKey>(StringComparer.Ordinal);
        using var raw = JsonDocument.Parse(jwks);
        foreach (var element in raw.RootElement.GetProperty("keys").EnumerateArray())
        {
            var key = new JsonWebKey(element.GetRawText());
            if (string.IsNullOrEmpty(key.Kid))
            {
                continue;
            }

            var endorsements = element.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList()
                : [];
            keys[key.Kid] = new EndorsedKey(key, endorsements);
        }

        _keys = keys;
        _fetched = _time.GetUtcNow();
    }
}
