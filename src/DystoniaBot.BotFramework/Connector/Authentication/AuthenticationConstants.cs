namespace DystoniaBot.BotFramework.Connector.Authentication;

/// <summary>The Bot Framework's published authentication endpoints and identities.</summary>
public static class AuthenticationConstants
{
    /// <summary>Issuer of tokens that channels (through the Bot Connector) send to bots.</summary>
    public const string ToBotFromChannelTokenIssuer = "https://api.botframework.com";

    /// <summary>OpenID metadata for channel tokens; its keys carry endorsements (the channels they may sign for).</summary>
    public const string ToBotFromChannelOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>OpenID metadata for Emulator and single-tenant (Microsoft Entra) tokens.</summary>
    public const string ToBotFromEmulatorOpenIdMetadataUrl = "https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration";

    /// <summary>The tenant that issues multi-tenant bots' tokens.</summary>
    public const string DefaultChannelAuthTenant = "botframework.com";

    /// <summary>Scope of tokens for the Bot Connector.</summary>
    public const string ToChannelFromBotOAuthScope = "https://api.botframework.com/.default";

    /// <summary>Tenants whose Entra tokens the Emulator and Bot Service use.</summary>
    public static readonly IReadOnlyList<string> EmulatorTenants = ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a"];

    /// <summary>Clock skew allowed on token lifetimes.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
}

/// <summary>What the bot is and where it checks tokens: the SDK's flat settings.</summary>
public sealed record BotCredentialsSettings
{
    /// <summary>MultiTenant, SingleTenant or UserAssignedMSI.</summary>
    public string AppType { get; init; } = "MultiTenant";

    /// <summary>The bot's app id; empty means anonymous (local development).</summary>
    public string? AppId { get; init; }

    /// <summary>The app's client secret, for outbound tokens.</summary>
    public string? AppPassword { get; init; }

    /// <summary>The bot's tenant (SingleTenant).</summary>
    public string? TenantId { get; init; }

    /// <summary>OpenID metadata for channel tokens.</summary>
    public Uri ChannelOpenIdMetadataUrl { get; init; } = new(AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl);

    /// <summary>OpenID metadata for Emulator and Entra tokens.</summary>
    public Uri EmulatorOpenIdMetadataUrl { get; init; } = new(AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl);

    /// <summary>Token endpoint for outbound calls; default from the tenant.</summary>
    public Uri? ToChannelFromBotLoginUrl { get; init; }

    /// <summary>Scope of outbound tokens.</summary>
    public string ToChannelFromBotOAuthScope { get; init; } = AuthenticationConstants.ToChannelFromBotOAuthScope;

    /// <summary>Whether requests must be authenticated.</summary>
    public bool IsAuthenticationEnabled => !string.IsNullOrWhiteSpace(AppId);

    /// <summary>The token endpoint for outbound calls.</summary>
    public Uri LoginUrl => ToChannelFromBotLoginUrl ?? new Uri(
        $"https://login.microsoftonline.com/{(AppType == "SingleTenant" && !string.IsNullOrWhiteSpace(TenantId) ? TenantId : AuthenticationConstants.DefaultChannelAuthTenant)}/oauth2/v2.0/token");
}
