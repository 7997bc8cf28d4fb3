using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DystoniaBot.Web.Tests;

/// <summary>
/// The Bot Framework's and Microsoft Entra's token services, played on 127.0.0.1 with our own RSA keys: OpenID
/// metadata and keys (the channel key endorsed for some channels) and a client-credentials token endpoint.
/// </summary>
public sealed class FakeIdentityProvider : IAsyncDisposable
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string ChannelKeyId = "channel-key";
    public const string EntraKeyId = "entra-key";
    public const string EmulatorTenant = "d6d49420-f39b-4df7-a1dc-d59a935871db";

    private readonly WebApplication _app;
    private int _tokenRequests;

    private FakeIdentityProvider(WebApplication app) => _app = app;

    public RSA ChannelKey { get; } = RSA.Create(2048);

    public RSA EntraKey { get; } = RSA.Create(2048);

    public string BaseUrl => _app.Urls.First();

    public int TokenRequests => _tokenRequests;

    public static async Task<FakeIdentityProvider> StartAsync(params string[] endorsedChannels)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var provider = new FakeIdentityProvider(app);
        app.MapGet("/channel/.well-known/openidconfiguration", () => Results.Ok(new { issuer = "https://api.botframework.com", jwks_uri = provider.BaseUrl + "/channel/keys" }));
        app.MapGet("/channel/keys", () => Results.Text(Jwks(provider.ChannelKey, ChannelKeyId, endorsedChannels), "application/json"));
        app.MapGet("/entra/.well-known/openid-configuration", () => Results.Ok(new { jwks_uri = provider.BaseUrl + "/entra/keys" }));
        app.MapGet("/entra/keys", () => Results.Text(Jwks(provider.EntraKey, EntraKeyId, null), "application/json"));
        app.MapPost("/token", (HttpContext http) =>
        {
            Interlocked.Increment(ref provider._tokenRequests);
            return Results.Ok(new { token_type = "Bearer", expires_in = 3600, access_token = "bot-access-token" });
        });
        await app.StartAsync();
        return provider;
    }

    public Dictionary<string, string?> Configuration() => new()
    {
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "app-secret",
        ["MicrosoftAppType"] = "MultiTenant",
        ["ToBotFromChannelOpenIdMetadataUrl"] = BaseUrl + "/channel/.well-known/openidconfiguration",
        ["ToBotFromEmulatorOpenIdMetadataUrl"] = BaseUrl + "/entra/.well-known/openid-configuration",
        ["ToChannelFromBotLoginUrl"] = BaseUrl + "/token",

        // The channel service the tests' channel tokens name, as a real bot lists its channels' hosts.
        ["ChannelServiceHosts:1"] = "smba.example.net",
    };

    /// <summary>A channel token (issuer api.botframework.com) for <paramref name="serviceUrl"/>.</summary>
    /// <remarks>A null <paramref name="serviceUrl"/> leaves the <c>serviceurl</c> claim out.</remarks>
    public string ChannelToken(string? serviceUrl, string audience = AppId, string issuer = "https://api.botframework.com",
        DateTime? expires = null, RSA? signWith = null) =>
        Token(signWith ?? ChannelKey, ChannelKeyId, issuer, audience, expires,
            serviceUrl is null ? [] : new Dictionary<string, object> { ["serviceurl"] = serviceUrl });

    /// <summary>An Emulator token (Entra issuer) of version 1.0 (appid) or 2.0 (azp).</summary>
    public string EmulatorToken(string version, string appId = AppId)
    {
        var issuer = version == "2.0"
            ? $"https://login.microsoftonline.com/{EmulatorTenant}/v2.0"
            : $"https://sts.windows.net/{EmulatorTenant}/";
        var claims = new Dictionary<string, object> { ["ver"] = version, [version == "2.0" ? "azp" : "appid"] = appId };
        return Token(EntraKey, EntraKeyId, issuer, AppId, null, claims);
    }

    private static string Token(RSA key, string keyId, string issuer, string audience, DateTime? expires, Dictionary<string, object> claims)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(30);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = expiry.AddMinutes(-60),
            NotBefore = expiry.AddMinutes(-60),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = keyId }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private static string Jwks(RSA key, string keyId, string[]? endorsements)
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.ExportParameters(false)) { KeyId = keyId });
        var entry = new Dictionary<string, object> { ["kty"] = jwk.Kty, ["use"] = "sig", ["kid"] = keyId, ["n"] = jwk.N, ["e"] = jwk.E };
        if (endorsements is not null)
        {
            entry["endorsements"] = endorsements;
        }

        return JsonSerializer.Serialize(new { keys = new[] { entry } });
    }

    public async ValueTask DisposeAsync()
    {
        ChannelKey.Dispose();
        EntraKey.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
