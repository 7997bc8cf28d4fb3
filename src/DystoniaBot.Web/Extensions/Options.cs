using System.ComponentModel.DataAnnotations;
using DystoniaBot.BotFramework.Connector.Authentication;

namespace DystoniaBot.Web.Extensions;

/// <summary>The Bot Framework settings, under the SDK's flat keys so existing configuration carries over.</summary>
public sealed class BotFrameworkOptions : IValidatableObject
{
    /// <summary>MultiTenant or SingleTenant.</summary>
    public string? MicrosoftAppType { get; set; }

    /// <summary>The bot's app id; empty accepts unauthenticated traffic (local development, Emulator).</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The app's client secret.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The tenant, for SingleTenant bots.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>OpenID metadata of channel tokens (default: the Bot Framework's).</summary>
    public Uri? ToBotFromChannelOpenIdMetadataUrl { get; set; }

    /// <summary>OpenID metadata of Emulator and Entra tokens (default: Microsoft Entra's for botframework.com).</summary>
    public Uri? ToBotFromEmulatorOpenIdMetadataUrl { get; set; }

    /// <summary>Token endpoint for replies (default: from the tenant).</summary>
    public Uri? ToChannelFromBotLoginUrl { get; set; }

    /// <summary>
    /// Without an app id, whether /api/messages takes unauthenticated activities from other machines too (by default
    /// only from this one: the Emulator, local development). Anyone who can reach the port can then talk as any user.
    /// </summary>
    public bool AllowAnonymousMessagesFromAnyAddress { get; set; }

    /// <summary>Activities one conversation may send to /api/messages per minute (any channel; more get 429).</summary>
    [Range(1, 100_000)]
    public int ActivitiesPerMinutePerConversation { get; set; } = 60;

    /// <summary>Hosts (and their subdomains) of channel services the bot may reply to, besides the Bot Framework's and Teams'.</summary>
    public IReadOnlyList<string> ChannelServiceHosts { get; set; } = [];

    /// <summary>The settings the protocol layer uses.</summary>
    public BotCredentialsSettings ToSettings()
    {
        var defaults = new BotCredentialsSettings();
        return new BotCredentialsSettings
        {
            AppType = string.IsNullOrWhiteSpace(MicrosoftAppType) ? defaults.AppType : MicrosoftAppType,
            AppId = string.IsNullOrWhiteSpace(MicrosoftAppId) ? null : MicrosoftAppId,
            AppPassword = MicrosoftAppPassword,
            TenantId = MicrosoftAppTenantId,
            ChannelOpenIdMetadataUrl = ToBotFromChannelOpenIdMetadataUrl ?? defaults.ChannelOpenIdMetadataUrl,
            EmulatorOpenIdMetadataUrl = ToBotFromEmulatorOpenIdMetadataUrl ?? defaults.EmulatorOpenIdMetadataUrl,
            ToChannelFromBotLoginUrl = ToChannelFromBotLoginUrl,
        };
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MicrosoftAppType is { Length: > 0 } type && type is not ("MultiTenant" or "SingleTenant"))
        {
            yield return new ValidationResult(
                type == "UserAssignedMSI"
                    ? "MicrosoftAppType UserAssignedMSI is not supported yet (it needs a managed-identity token source): use MultiTenant or SingleTenant."
                    : "MicrosoftAppType must be MultiTenant or SingleTenant.",
                [nameof(MicrosoftAppType)]);
        }

        if (!string.IsNullOrWhiteSpace(MicrosoftAppId) && string.IsNullOrWhiteSpace(MicrosoftAppPassword))
        {
            yield return new ValidationResult("MicrosoftAppPassword is required when MicrosoftAppId is set (replies need the app's token).", [nameof(MicrosoftAppPassword)]);
        }

        if (MicrosoftAppType == "SingleTenant" && string.IsNullOrWhiteSpace(MicrosoftAppTenantId))
        {
            yield return new ValidationResult("MicrosoftAppTenantId is required for a SingleTenant bot.", [nameof(MicrosoftAppTenantId)]);
        }
    }
}
