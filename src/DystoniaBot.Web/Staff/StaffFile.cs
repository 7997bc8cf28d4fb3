namespace DystoniaBot.Web.Staff;

/// <summary>The JSON file of staff accounts and API keys that <c>dystoniabot staff</c> writes and the host reads.</summary>
public static class StaffFile
{
    /// <summary><c>staff.json</c> beside the default database, in the user's local application data.</summary>
    /// <remarks>The CLI computes the same path; keep the two in step.</remarks>
    public static string DefaultPath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "DystoniaBot", "staff.json");

    /// <summary>The configured file, or the default.</summary>
    public static string Resolve(string? configured) => string.IsNullOrWhiteSpace(configured) ? DefaultPath : configured;
}
