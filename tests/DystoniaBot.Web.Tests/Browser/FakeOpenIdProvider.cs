using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DystoniaBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DystoniaBot.Web.Tests.Browser;

/// <summary>
/// An OpenID Connect provider in the shape of Microsoft Entra ID's, on a site of its own (https://localhost:port with a
/// certificate made per run, while the bot is on 127.0.0.1): discovery, a sign-in page whose button posts the code back to the bot across sites (the
/// form_post response mode), a token endpoint that checks the client's secret, the code's redirect URI and its PKCE
/// verifier, and the key the ID tokens are signed with.
/// </summary>
public sealed class FakeOpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "staff-console";
    public const string ClientSecret = "staff-console-secret";

    private readonly WebApplication _app;
    private readonly RSA _key = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> _grants = new();

    private FakeOpenIdProvider(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        Certificate = certificate;
    }

    /// <summary>The certificate it serves, which only the bot's back channel and the test's browser trust.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Its issuer, e.g. https://localhost:41234: another site than the bot's 127.0.0.1.</summary>
    public string Authority { get; private set; } = null!;

    /// <summary>How many codes the bot redeemed.</summary>
    public int Redeemed { get; private set; }

    /// <summary>The bot's settings that turn Microsoft sign-in on with this provider.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Staff:OpenIdConnect:Authority"] = Authority,
        ["Staff:OpenIdConnect:ClientId"] = ClientId,
        ["Staff:OpenIdConnect:ClientSecret"] = ClientSecret,
    };

    /// <summary>Starts it; each sign-in is as <paramref name="name"/> with the app roles <paramref name="roles"/>.</summary>
    public static async Task<FakeOpenIdProvider> StartAsync(string name, params string[] roles)
    {
        var certificate = LoopbackCertificate.Create();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var provider = new FakeOpenIdProvider(app, certificate);
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = provider.Authority,
            ["authorization_endpoint"] = provider.Authority + "/authorize",
            ["token_endpoint"] = provider.Authority + "/token",
            ["jwks_uri"] = provider.Authority + "/keys",
            ["response_types_supported"] = new[] { "code" },
            ["response_modes_supported"] = new[] { "form_post", "query" },
            ["subject_types_supported"] = new[] { "pairwise" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        app.MapGet("/keys", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(provider._key.ExportParameters(false)) { KeyId = "idp-key" });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, use = "sig", kid = "idp-key", alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        app.MapGet("/authorize", (HttpContext http) => provider.SignInPage(http.Request.Query));
        app.MapPost("/token", (Delegate)(async (HttpContext http) => provider.Redeem(await http.Request.ReadFormAsync(), name, roles)));
        await app.StartAsync();

        // Kestrel can't pick a free port for "localhost"; listening on 127.0.0.1, it is reached as localhost (another site).
        provider.Authority = "https://localhost:" + new Uri(app.Urls.First()).Port;
        return provider;
    }

    /// <summary>Chromium's argument that trusts this certificate and no other untrusted one.</summary>
    public string ChromiumTrustArgument() =>
        "--ignore-certificate-errors-spki-list=" + Convert.ToBase64String(SHA256.HashData(Certificate.PublicKey.ExportSubjectPublicKeyInfo()));

    /// <summary>A handler for the bot's back channel that trusts this certificate, and no other untrusted one.</summary>
    public HttpMessageHandler BackchannelHandler() => new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, presented, _, errors) =>
            errors == System.Net.Security.SslPolicyErrors.None || presented?.Thumbprint == Certificate.Thumbprint,
    };

    public async ValueTask DisposeAsync()
    {
        _key.Dispose();
        Certificate.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private IResult SignInPage(IQueryCollection query)
    {
        if (query["client_id"] != ClientId || query["response_type"] != "code" || query["response_mode"] != "form_post"
            || query["code_challenge_method"] != "S256" || string.IsNullOrEmpty(query["redirect_uri"]))
        {
            return Results.BadRequest("unsupported authorization request");
        }

        var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _grants[code] = new Grant(query["redirect_uri"]!, query["nonce"].ToString(), query["code_challenge"].ToString());
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><title>Sign in to your account</title></head><body><h1>Sign in</h1>")
            .Append(CultureInvariant($"<form method=\"post\" action=\"{WebUtility.HtmlEncode(query["redirect_uri"])}\">"))
            .Append(CultureInvariant($"<input type=\"hidden\" name=\"code\" value=\"{code}\">"))
            .Append(CultureInvariant($"<input type=\"hidden\" name=\"state\" value=\"{WebUtility.HtmlEncode(query["state"])}\">"))
            .Append("<button type=\"submit\">Continue</button></form></body></html>");
        return Results.Content(html.ToString(), "text/html");
    }

    private IResult Redeem(IFormCollection form, string name, string[] roles)
    {
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret || form["grant_type"] != "authorization_code"
            || !_grants.TryRemove(form["code"].ToString(), out var grant) || form["redirect_uri"] != grant.RedirectUri
            || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.CodeChallenge)
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
        }

        Redeemed++;
        var now = DateTime.UtcNow;
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object> { ["sub"] = "staff-subject-1", ["name"] = name, ["nonce"] = grant.Nonce, ["roles"] = roles },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_key) { KeyId = "idp-key" }, SecurityAlgorithms.RsaSha256),
        });
        return Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = "staff-access-token", id_token = idToken });
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);

    private sealed record Grant(string RedirectUri, string Nonce, string CodeChallenge);
}
