using System.ComponentModel.DataAnnotations;

namespace DystoniaBot.Web.Extensions;

/// <summary>The Bot Framework settings, under the SDK's flat keys so existing configuration carries over.</summary>
public sealed class BotFrameworkOptions : IValidatableObject
{
    /// <summary>MultiTenant, SingleTenant or UserAssignedMSI.</summary>
    [RegularExpression("^(MultiTenant|SingleTenant|UserAssignedMSI)?$", ErrorMessage = "MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI.")]
    public string? MicrosoftAppType { get; set; }

    /// <summary>The bot's app id; empty accepts unauthenticated traffic (local development, Emulator).</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The app's client secret.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The tenant, for SingleTenant bots.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(MicrosoftAppId))
        {
            // Refusing to start beats accepting unauthenticated traffic for a bot that believes it is protected.
            yield return new ValidationResult(
                "MicrosoftAppId is set, but Bot Framework token validation is not available in this version yet: " +
                "leave MicrosoftAppId empty to run locally (anonymous, as the Emulator expects).",
                [nameof(MicrosoftAppId)]);
        }
    }
}

/// <summary>Where the knowledge comes from (section <c>Knowledge</c>).</summary>
public sealed class KnowledgeOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Knowledge";

    /// <summary>The knowledge folder; empty means the one shipped beside the binary.</summary>
    public string? Path { get; set; }

    /// <summary>A saved index (from <c>dystoniabot index --out</c>) to open instead of building one.</summary>
    public string? IndexPath { get; set; }

    /// <summary>The knowledge folder to use.</summary>
    public string ResolvedPath => string.IsNullOrWhiteSpace(Path) ? System.IO.Path.Combine(AppContext.BaseDirectory, "knowledge") : Path;
}
