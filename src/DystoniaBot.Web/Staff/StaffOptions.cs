using System.ComponentModel.DataAnnotations;

namespace DystoniaBot.Web.Staff;

/// <summary>Who may use the staff console and API (section <c>Staff</c>).</summary>
public sealed class StaffOptions : IValidatableObject
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Staff";

    /// <summary>The JSON file <c>dystoniabot staff</c> writes; empty means <see cref="StaffFile.DefaultPath"/>.</summary>
    public string? File { get; set; }

    /// <summary>Local accounts by name (password sign-in).</summary>
    public Dictionary<string, StaffAccountOptions> Accounts { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>API keys by name (only their SHA-256 hashes).</summary>
    public Dictionary<string, StaffApiKeyOptions> ApiKeys { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Sign-in with Microsoft Entra ID (or another OpenID Connect provider); off without an authority.</summary>
    public StaffOpenIdConnectOptions OpenIdConnect { get; set; } = new();

    /// <summary>
    /// The wait before the next try after a first failed sign-in of a name from an address; each further failure
    /// doubles it (nothing is ever locked).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan SignInDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait for one name from one address, and for one address over every name.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MaxSignInDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The longest wait that failures from every address together put on one name: all an attacker elsewhere can
    /// make a staff member wait at a clean address. Zero turns this delay off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan MaxSignInDelayPerName { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a console sign-in lasts without activity.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxSignInDelay < SignInDelay)
        {
            yield return new ValidationResult($"{SectionName}:{nameof(MaxSignInDelay)} must be at least {SectionName}:{nameof(SignInDelay)}.", [nameof(MaxSignInDelay)]);
        }

        foreach (var (name, account) in Accounts)
        {
            var prefix = $"{SectionName}:{nameof(Accounts)}:{name}";
            if (string.IsNullOrWhiteSpace(account.PasswordHash))
            {
                yield return new ValidationResult($"{prefix}:PasswordHash is required (create the account with 'dystoniabot staff add {name}').", [nameof(Accounts)]);
            }

            if (!StaffRoles.IsKnown(account.Role))
            {
                yield return new ValidationResult($"{prefix}:Role must be '{StaffRoles.Staff}' or '{StaffRoles.Admin}'.", [nameof(Accounts)]);
            }
        }

        foreach (var (name, key) in ApiKeys)
        {
            var prefix = $"{SectionName}:{nameof(ApiKeys)}:{name}";
            if (key.Hash is not { Length: 64 } hash || !hash.All(Uri.IsHexDigit))
            {
                yield return new ValidationResult($"{prefix}:Hash must be the SHA-256 of the key in hexadecimal (create it with 'dystoniabot staff key add {name}').", [nameof(ApiKeys)]);
            }

            if (!StaffRoles.IsKnown(key.Role))
            {
                yield return new ValidationResult($"{prefix}:Role must be '{StaffRoles.Staff}' or '{StaffRoles.Admin}'.", [nameof(ApiKeys)]);
            }
        }

        if (OpenIdConnect.IsEnabled)
        {
            if (!Uri.TryCreate(OpenIdConnect.Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
            {
                yield return new ValidationResult($"{SectionName}:OpenIdConnect:Authority must be an absolute https URL.", [nameof(OpenIdConnect)]);
            }

            if (string.IsNullOrWhiteSpace(OpenIdConnect.ClientId))
            {
                yield return new ValidationResult($"{SectionName}:OpenIdConnect:ClientId is required with an Authority.", [nameof(OpenIdConnect)]);
            }

            if (string.IsNullOrWhiteSpace(OpenIdConnect.ClientSecret))
            {
                yield return new ValidationResult($"{SectionName}:OpenIdConnect:ClientSecret is required with an Authority.", [nameof(OpenIdConnect)]);
            }
        }
    }
}

/// <summary>A local staff account.</summary>
public sealed class StaffAccountOptions
{
    /// <summary><c>staff</c> or <c>admin</c>.</summary>
    public string Role { get; set; } = StaffRoles.Staff;

    /// <summary>The password's hash in ASP.NET Core Identity's format (PBKDF2), never the password.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>
    /// A random value that changes when the password is set (<c>dystoniabot staff add</c>), so sessions end; a rehash of
    /// the same password keeps it. Accounts written before it existed have none until their first rehash.
    /// </summary>
    public string? SecurityStamp { get; set; }
}

/// <summary>An API key for other tools.</summary>
public sealed class StaffApiKeyOptions
{
    /// <summary><c>staff</c> or <c>admin</c>.</summary>
    public string Role { get; set; } = StaffRoles.Staff;

    /// <summary>SHA-256 of the key, hexadecimal.</summary>
    public string? Hash { get; set; }

    /// <summary>
    /// When the key stops working (<c>dystoniabot staff key add</c> sets it, 90 days on by default). A key written
    /// before keys expired has none: it still works, and the host warns about it at every start.
    /// </summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}

/// <summary>OpenID Connect sign-in (section <c>Staff:OpenIdConnect</c>).</summary>
public sealed class StaffOpenIdConnectOptions
{
    /// <summary>The issuer, e.g. https://login.microsoftonline.com/{tenant}/v2.0; empty turns it off.</summary>
    public string? Authority { get; set; }

    /// <summary>The app registration's client id.</summary>
    public string? ClientId { get; set; }

    /// <summary>The app registration's client secret.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The token claim that carries app roles (Entra ID: <c>roles</c>).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The app role that makes someone staff.</summary>
    public string StaffRole { get; set; } = StaffRoles.Staff;

    /// <summary>The app role that makes someone an admin.</summary>
    public string AdminRole { get; set; } = StaffRoles.Admin;

    /// <summary>True when an authority is configured.</summary>
    public bool IsEnabled => !string.IsNullOrWhiteSpace(Authority);
}
