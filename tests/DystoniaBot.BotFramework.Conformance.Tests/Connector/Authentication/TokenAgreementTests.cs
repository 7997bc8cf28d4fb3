using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static DystoniaBot.BotFramework.Conformance.Tests.Connector.Authentication.HttpsIdentityProvider;

namespace DystoniaBot.BotFramework.Conformance.Tests.Connector.Authentication;

/// <summary>
/// One corpus of tokens, served through the same https OpenID metadata to the SDK's validator (its own bot, in its
/// own process) and to ours (our host): the same accept or refuse decision for each, or the disagreement written down
/// with the clause that justifies it. A refusal is any answer but 200: we answer 401 or 403 where the SDK also answers
/// 500 (an exception its adapter does not turn into 401).
/// </summary>
public sealed class TokenAgreementTests(TokenAgreementTests.Hosts hosts, ITestOutputHelper output) : IClassFixture<TokenAgreementTests.Hosts>
{
    private const string ServiceUrl = "https://smba.example.net/emea/";

    /// <summary>What each case sends, and what each side decides.</summary>
    /// <param name="Token">The bearer token (null: no Authorization header).</param>
    /// <param name="ChannelId">The activity's channel (null: none).</param>
    /// <param name="SdkAccepts">The SDK's decision.</param>
    /// <param name="WeAccept">Ours: the same, unless <paramref name="Why"/> says why not.</param>
    /// <param name="Why">The clause behind a disagreement.</param>
    public sealed record Case(string? Token, string? ChannelId, string ServiceUrl, bool SdkAccepts, bool WeAccept, string? Why = null);

    public static TheoryData<string> Names => [.. Corpus(null).Keys];

    private static Dictionary<string, object> ChannelClaims(string? serviceUrl = ServiceUrl) =>
        serviceUrl is null ? [] : new() { ["serviceurl"] = serviceUrl };

    private static Dictionary<string, object> EmulatorClaims(string version) =>
        version == "2.0" ? new() { ["ver"] = version, ["azp"] = AppId } : new() { ["ver"] = version, ["appid"] = AppId };

    private const string V1EmulatorIssuer = $"https://sts.windows.net/{EmulatorTenant}/";
    private const string V2EmulatorIssuer = $"https://login.microsoftonline.com/{EmulatorTenant}/v2.0";
    private const string EmulatorServiceUrl = "http://127.0.0.1:9/";

    /// <summary>The corpus, keyed by name; tokens are made only when the provider (its keys) is given.</summary>
    private static Dictionary<string, Case> Corpus(HttpsIdentityProvider? keys)
    {
        string Make(Func<HttpsIdentityProvider, string> token) => keys is null ? string.Empty : token(keys);
        string Channel(Dictionary<string, object>? claims = null, string audience = AppId, string issuer = ChannelIssuer, DateTime? notBefore = null, DateTime? expires = null) =>
            Make(k => Token(k.ChannelKey, "channel-key", issuer, audience, claims ?? ChannelClaims(), notBefore, expires));
        string Emulator(string version, string issuer, string audience = AppId) =>
            Make(k => Token(k.EntraKey, "entra-key", issuer, audience, EmulatorClaims(version)));
        var now = DateTime.UtcNow;
        return new()
        {
            ["valid channel token"] = new(Channel(), "msteams", ServiceUrl, true, true),
            ["valid Emulator token, v1.0"] = new(Emulator("1.0", V1EmulatorIssuer), "emulator", EmulatorServiceUrl, true, true),
            ["valid Emulator token, v2.0"] = new(Emulator("2.0", V2EmulatorIssuer), "emulator", EmulatorServiceUrl, true, true),
            ["expired within the 5-minute skew"] = new(Channel(expires: now.AddMinutes(-4)), "msteams", ServiceUrl, true, true),
            ["expired"] = new(Channel(expires: now.AddMinutes(-10)), "msteams", ServiceUrl, false, false),
            ["not yet valid"] = new(Channel(notBefore: now.AddMinutes(10), expires: now.AddMinutes(70)), "msteams", ServiceUrl, false, false),
            ["audience of another app"] = new(Channel(audience: "99999999-2222-3333-4444-555555555555"), "msteams", ServiceUrl, false, false),
            ["api:// audience"] = new(Channel(audience: "api://" + AppId), "msteams", ServiceUrl, false, false),
            ["issuer nobody trusts"] = new(Channel(issuer: "https://api.botframework.example"), "msteams", ServiceUrl, false, false),
            ["key not endorsed for the channel"] = new(Make(k => Token(k.WebChatOnlyKey, "webchat-key", ChannelIssuer, AppId, ChannelClaims())), "msteams", ServiceUrl, false, false),
            ["key endorsed for no channel"] = new(Make(k => Token(k.UnendorsedKey, "unendorsed-key", ChannelIssuer, AppId, ChannelClaims())), "msteams", ServiceUrl, false, false),
            ["key missing from the key set"] = new(Make(_ => Token(RSA2048(), "rotated-key", ChannelIssuer, AppId, ChannelClaims())), "msteams", ServiceUrl, false, false),
            ["no serviceurl claim"] = new(Channel(ChannelClaims(null)), "msteams", ServiceUrl, false, false),
            ["serviceurl claim for another service"] = new(Channel(ChannelClaims("https://smba.example.net/amer/")), "msteams", ServiceUrl, false, false),
            ["serviceurl claim with its host in capitals"] = new(Channel(ChannelClaims("https://SMBA.example.net/emea/")), "msteams", ServiceUrl, true, true),
            ["serviceurl claim without the trailing slash"] = new(Channel(ChannelClaims("https://smba.example.net/emea")), "msteams", ServiceUrl, false, false),
            ["serviceurl claim with its path in capitals"] = new(Channel(ChannelClaims("https://smba.example.net/EMEA/")), "msteams", ServiceUrl, true, false,
                "RFC 3986 §6.2.2.1: only the scheme and host of a URL are case-insensitive, so /EMEA/ is another path than /emea/ and the token vouches for another URL; the SDK compares the whole URL ignoring case"),
            ["serviceurl claim with the default port"] = new(Channel(ChannelClaims("https://smba.example.net:443/emea/")), "msteams", ServiceUrl, false, true,
                "RFC 3986 §6.2.3: a URL with its scheme's default port is the same URL without it; the SDK compares the strings"),
            ["Emulator token of unknown version"] = new(Emulator("3.0", V2EmulatorIssuer), "emulator", EmulatorServiceUrl, false, false),
            ["Emulator token for a channel other than emulator"] = new(Emulator("1.0", V1EmulatorIssuer), "msteams", ServiceUrl, true, false,
                "connector authentication, 'Verify the token from the Bot Connector service': a channel's activity must come with a token signed by a key endorsed for its channelId; an Emulator (Entra) token carries no endorsement, so it can speak for the emulator channel only"),
            // The SDK's validation takes these two (it checks appid/azp, not the audience), then fails building the turn's
            // Connector client for an app id read from the audience: a 500, a refusal all the same.
            ["Emulator token whose audience is not the bot (the bot's own Connector token)"] = new(Emulator("1.0", V1EmulatorIssuer, audience: "https://api.botframework.com"), "emulator", EmulatorServiceUrl, false, false),
            ["Emulator token with the api:// audience"] = new(Emulator("2.0", V2EmulatorIssuer, audience: "api://" + AppId), "emulator", EmulatorServiceUrl, false, false),
            ["channel token on an activity without a channelId"] = new(Channel(), null, ServiceUrl, true, false,
                "activity spec A2020: activities MUST include a channelId, and the endorsement check has nothing to check without one; the SDK lets an empty channelId pass it"),
            ["alg: none"] = new(Make(_ => WithoutSignature("channel-key", Payload(now))), "msteams", ServiceUrl, false, false),
            ["HS256 signed with the public key"] = new(Make(k => SignedWithPublicKeyAsSecret(k.ChannelKey, "channel-key", Payload(now))), "msteams", ServiceUrl, false, false),
            ["malformed token"] = new("not.a-token", "msteams", ServiceUrl, false, false),
            ["no Authorization header"] = new(null, "msteams", ServiceUrl, false, false),
        };
    }

    private static Dictionary<string, object> Payload(DateTime now) => new()
    {
        ["iss"] = ChannelIssuer,
        ["aud"] = AppId,
        ["serviceurl"] = ServiceUrl,
        ["nbf"] = new DateTimeOffset(now.AddMinutes(-5)).ToUnixTimeSeconds(),
        ["exp"] = new DateTimeOffset(now.AddMinutes(30)).ToUnixTimeSeconds(),
    };

    private static System.Security.Cryptography.RSA RSA2048() => System.Security.Cryptography.RSA.Create(2048);

    private static JsonObject Activity(Case @case)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = "m-1",
            ["serviceUrl"] = @case.ServiceUrl,
            ["from"] = new JsonObject { ["id"] = "29:user" },
            ["recipient"] = new JsonObject { ["id"] = "28:bot" },
            ["conversation"] = new JsonObject { ["id"] = "a:personal-" + Guid.NewGuid() },
            ["text"] = "is there a cure?",
            ["deliveryMode"] = "expectReplies",
        };
        if (@case.ChannelId is not null)
        {
            activity["channelId"] = @case.ChannelId;
        }

        return activity;
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, Case @case)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(Activity(@case).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (@case.Token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", @case.Token);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Token_ShouldGetTheSdksDecision_OrADisagreementWrittenDown(string name)
    {
        var @case = Corpus(hosts.Identity)[name];

        var sdk = await PostAsync(hosts.SdkClient, @case);
        var ours = await PostAsync(hosts.Ours.Client, @case);

        output.WriteLine($"{name}: SDK {(int)sdk}, ours {(int)ours}");
        Assert.True((sdk == HttpStatusCode.OK) == @case.SdkAccepts, $"The SDK answered {(int)sdk}; the corpus says it {(@case.SdkAccepts ? "accepts" : "refuses")}. Its log: {string.Join('\n', hosts.Sdk.Log.TakeLast(5))}");
        Assert.True((ours == HttpStatusCode.OK) == @case.WeAccept, $"We answered {(int)ours}; the corpus says we {(@case.WeAccept ? "accept" : "refuse")}.");
        Assert.True(@case.SdkAccepts == @case.WeAccept || @case.Why is not null, "A disagreement needs its reason written down.");
        if (!@case.WeAccept)
        {
            // Ours never fails a bad token with a server error.
            Assert.True(ours is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"We answered {(int)ours} to a refused token.");
        }
    }

    /// <summary>The identity provider, the SDK's bot trusting its certificate, and our host trusting it too.</summary>
    public sealed class Hosts : IAsyncLifetime
    {
        public HttpsIdentityProvider Identity { get; private set; } = null!;

        public SdkBotProcess Sdk { get; private set; } = null!;

        public HttpClient SdkClient { get; private set; } = null!;

        public OurBot Ours { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Identity = await HttpsIdentityProvider.StartAsync();
            Sdk = await SdkBotProcess.StartAsync(Identity.Settings(), new Dictionary<string, string> { ["SSL_CERT_FILE"] = Identity.CertificateFile });
            SdkClient = new HttpClient { BaseAddress = Sdk.BaseAddress };
            var settings = Identity.Settings();
            settings["ChannelServiceHosts:1"] = "smba.example.net";

            // Our host fetches the metadata with its named client: it trusts this run's certificate, and nothing else.
            var certificate = Identity.Certificate;
            Ours = new OurBot(settings, services => services.AddHttpClient("BotFrameworkAuthentication").ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented is not null && presented.RawData.AsSpan().SequenceEqual(certificate.RawData),
            }));
        }

        public async Task DisposeAsync()
        {
            Ours.Dispose();
            SdkClient.Dispose();
            await Sdk.DisposeAsync();
            await Identity.DisposeAsync();
        }
    }
}
