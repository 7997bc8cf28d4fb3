namespace DystoniaBot.Web.Staff;

/// <summary>The staff roles, and the authentication schemes and policies built on them.</summary>
public static class StaffRoles
{
    /// <summary>Answers questions and searches the knowledge base.</summary>
    public const string Staff = "staff";

    /// <summary>Also curates answers and reads the audit log.</summary>
    public const string Admin = "admin";

    /// <summary>The console's cookie.</summary>
    public const string CookieScheme = "StaffCookie";

    /// <summary>OpenID Connect sign-in for the console.</summary>
    public const string OpenIdConnectScheme = "StaffOpenIdConnect";

    /// <summary>Bearer API keys for the JSON API.</summary>
    public const string ApiKeyScheme = "StaffApiKey";

    /// <summary>Console pages for staff and admins.</summary>
    public const string ConsolePolicy = "StaffConsole";

    /// <summary>Console pages for admins only.</summary>
    public const string AdminConsolePolicy = "StaffConsoleAdmin";

    /// <summary>The JSON API, for staff and admin keys.</summary>
    public const string ApiPolicy = "StaffApi";

    /// <summary>The JSON API's admin endpoints, for admin keys.</summary>
    public const string ApiAdminPolicy = "StaffApiAdmin";

    /// <summary>The API's OpenAPI document: a signed-in staff member or a staff API key.</summary>
    public const string ApiDocumentPolicy = "StaffApiDocument";

    /// <summary>True for <c>staff</c> and <c>admin</c>.</summary>
    public static bool IsKnown(string? role) => role is Staff or Admin;
}
