using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DystoniaBot.BotFramework.Conformance.Tests.Connector.Authentication;

/// <summary>
/// The Bot Framework's and Microsoft Entra's OpenID metadata, served over https on 127.0.0.1 with a certificate made
/// for this run (never committed), and the tokens of the corpus signed with this run's keys. The channel keys:
/// one endorsed for msteams and emulator, one endorsed for webchat only, one with no endorsements at all.
/// </summary>
public sealed class HttpsIdentityProvider : IAsyncDisposable
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string EmulatorTenant = "d6d49420-f39b-4df7-a1dc-d59a935871db";
    private readonly WebApplication _app;
    private readonly string _folder;

    private HttpsIdentityProvider(WebApplication app, X509Certificate2 certificate, string folder)
    {
        _app = app;
        Certificate = certificate;
        _folder = folder;
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>The certificate as PEM, for SSL_CERT_FILE.</summary>
    public string CertificateFile => Path.Combine(_folder, "identity-provider.pem");

    public string BaseUrl => _app.Urls.First();

    public RSA ChannelKey { get; } = RSA.Create(2048);

    public RSA WebChatOnlyKey { get; } = RSA.Create(2048);

    public RSA UnendorsedKey { get; } = RSA.Create(2048);

    public RSA EntraKey { get; } = RSA.Create(2048);

    public static async Task<HttpsIdentityProvider> StartAsync()
    {
        var certificate = DystoniaBot.Testing.LoopbackCertificate.Create();
        var folder = Directory.CreateTempSubdirectory("dystoniabot-conformance-").FullName;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var provider = new HttpsIdentityProvider(app, certificate, folder);
        await File.WriteAllTextAsync(provider.CertificateFile, certificate.ExportCertificatePem());
        app.MapGet("/channel/.well-known/openidconfiguration", () => Results.Json(new
        {
            issuer = ChannelIssuer,
            authorization_endpoint = "https://invalid.example/authorize",
            jwks_uri = provider.BaseUrl + "/channel/keys",
            id_token_signing_alg_values_supported = new[] { "RS256" },
            token_endpoint_auth_methods_supported = new[] { "private_key_jwt" },
        }));
        app.MapGet("/channel/keys", () => Results.Text(Jwks(
            (provider.ChannelKey, "channel-key", ["msteams", "emulator"]),
            (provider.WebChatOnlyKey, "webchat-key", ["webchat"]),
            (provider.UnendorsedKey, "unendorsed-key", null)), "application/json"));
        app.MapGet("/entra/.well-known/openid-configuration", () => Results.Json(new
        {
            issuer = $"https://login.microsoftonline.com/{EmulatorTenant}/v2.0",
            jwks_uri = provider.BaseUrl + "/entra/keys",
        }));
        app.MapGet("/entra/keys", () => Results.Text(Jwks((provider.EntraKey, "entra-key", null)), "application/json"));
        await app.StartAsync();
        return provider;
    }

    /// <summary>The SDK's flat settings (which our host reads too) pointing every identity endpoint here.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "app-secret",
        ["MicrosoftAppType"] = "MultiTenant",
        ["ToBotFromChannelOpenIdMetadataUrl"] = BaseUrl + "/channel/.well-known/openidconfiguration",
        ["ToBotFromEmulatorOpenIdMetadataUrl"] = BaseUrl + "/entra/.well-known/openid-configuration",
        ["ToBotFromChannelTokenIssuer"] = ChannelIssuer,

        // ADFS-shaped, so that MSAL never looks for an instance-discovery endpoint; no test sends with these.
        ["ToChannelFromBotLoginUrl"] = BaseUrl + "/adfs",
        ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
        ["OAuthUrl"] = BaseUrl + "/oauth",
    };

    /// <summary>A token signed with <paramref name="key"/> (RS256) carrying the given claims.</summary>
    public static string Token(RSA key, string keyId, string issuer, string audience, IDictionary<string, object> claims,
        DateTime? notBefore = null, DateTime? expires = null)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(30);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = notBefore ?? expiry.AddMinutes(-60),
            NotBefore = notBefore ?? expiry.AddMinutes(-60),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = keyId }, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>An unsigned token (<c>alg: none</c>).</summary>
    public static string WithoutSignature(string keyId, IDictionary<string, object> payload) =>
        $"{Base64Url(new { alg = "none", typ = "JWT", kid = keyId })}.{Base64Url(payload)}.";

    /// <summary>A token signed with HS256, the public key's PEM text as the secret (the algorithm-confusion attack).</summary>
    public static string SignedWithPublicKeyAsSecret(RSA key, string keyId, IDictionary<string, object> payload)
    {
        var header = Base64Url(new { alg = "HS256", typ = "JWT", kid = keyId });
        var body = Base64Url(payload);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key.ExportSubjectPublicKeyInfoPem()), Encoding.ASCII.GetBytes(header + "." + body));
        return $"{header}.{body}.{Base64UrlEncoder.Encode(signature)}";
    }

    private static string Base64Url(object value) => Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(value));

    private static string Jwks(params (RSA Key, string KeyId, string[]? Endorsements)[] keys) => JsonSerializer.Serialize(new
    {
        keys = keys.Select(k =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(k.Key.ExportParameters(false)) { KeyId = k.KeyId });
            var entry = new Dictionary<string, object> { ["kty"] = jwk.Kty, ["use"] = "sig", ["kid"] = k.KeyId, ["n"] = jwk.N, ["e"] = jwk.E };
            if (k.Endorsements is not null)
            {
                entry["endorsements"] = k.Endorsements;
            }

            return entry;
        }),
    });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate.Dispose();
        ChannelKey.Dispose();
        WebChatOnlyKey.Dispose();
        UnendorsedKey.Dispose();
        EntraKey.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
