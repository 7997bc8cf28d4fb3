using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;

namespace DystoniaBot.Cli.Staff;

/// <summary>
/// The staff accounts and API keys file the web host loads as configuration:
/// <c>{"Staff": {"Accounts": {name: {Role, PasswordHash}}, "ApiKeys": {name: {Role, Hash}}}}</c>.
/// Entries are keyed by name so that the file and other configuration sources merge by name, not by position.
/// </summary>
internal sealed partial class StaffAccountFile
{
    /// <summary>
    /// PBKDF2-HMAC-SHA512 iterations: OWASP's 210,000 (Identity's default is 100,000). The web host's StaffPasswords
    /// uses the same count and rehashes older hashes at sign-in; keep the two in step.
    /// </summary>
    public const int PasswordIterations = 210_000;

    private static readonly PasswordHasher<StaffAccountFile> Hasher = new(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = PasswordIterations }));
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly JsonObject _root;

    private StaffAccountFile(string path, JsonObject root)
    {
        Path = path;
        _root = root;
    }

    /// <summary>Where the file is.</summary>
    public string Path { get; }

    /// <summary>The host's default: <c>staff.json</c> beside its default database (the web host's StaffFile computes the same).</summary>
    public static string DefaultPath =>
        System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "DystoniaBot", "staff.json");

    /// <summary>True for a name that can be a configuration key: letters, digits, and . _ @ -.</summary>
    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    /// <summary>Reads the file, or starts an empty one when there is none.</summary>
    public static StaffAccountFile Open(string path)
    {
        if (!File.Exists(path))
        {
            return new StaffAccountFile(path, []);
        }

        var root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
            ?? throw new InvalidDataException($"{path}: expected a JSON object");
        return new StaffAccountFile(path, root);
    }

    /// <summary>
    /// Adds or replaces the account <paramref name="name"/> with a PBKDF2 hash of <paramref name="password"/> and a new
    /// security stamp (which ends the account's sessions); true when it was new.
    /// </summary>
    public bool SetAccount(string name, string role, string password) =>
        Set("Accounts", name, new JsonObject
        {
            ["Role"] = role,
            ["PasswordHash"] = Hasher.HashPassword(this, password),
            ["SecurityStamp"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        });

    /// <summary>Adds or replaces the API key <paramref name="name"/>, working until <paramref name="expiresAt"/>; returns the key, which is not stored anywhere.</summary>
    public string SetApiKey(string name, string role, DateTimeOffset expiresAt)
    {
        var key = "dbk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Set("ApiKeys", name, new JsonObject
        {
            ["Role"] = role,
            ["Hash"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))),
            ["ExpiresAt"] = expiresAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        });
        return key;
    }

    /// <summary>The API keys in the file: name, role and expiry (null for a key made before keys expired).</summary>
    public IReadOnlyList<(string Name, string Role, DateTimeOffset? ExpiresAt)> ApiKeys()
    {
        if ((_root["Staff"] as JsonObject)?["ApiKeys"] is not JsonObject keys)
        {
            return [];
        }

        return [.. keys.Where(pair => pair.Value is JsonObject).Select(pair =>
        {
            var entry = (JsonObject)pair.Value!;
            var role = entry["Role"] is JsonValue r && r.TryGetValue<string>(out var text) ? text : "staff";
            DateTimeOffset? expiresAt = entry["ExpiresAt"] is JsonValue e && e.TryGetValue<string>(out var at)
                && DateTimeOffset.TryParse(at, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
            return (pair.Key, role, expiresAt);
        }).OrderBy(k => k.Key, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Writes the file readable by its owner only, replacing the old one in one step.</summary>
    public void Save()
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
        Directory.CreateDirectory(folder);
        var temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temporary, _root.ToJsonString(Indented) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, Path, overwrite: true);
    }

    private bool Set(string section, string name, JsonObject entry)
    {
        var staff = Child(_root, "Staff");
        var entries = Child(staff, section);

        // Configuration keys are case-insensitive: "Ada" replaces "ada" rather than standing beside it.
        var existing = entries.Select(pair => pair.Key).FirstOrDefault(key => string.Equals(key, name, StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
        {
            entries.Remove(existing);
        }

        entries[name] = entry;
        return existing is null;
    }

    private static JsonObject Child(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject child)
        {
            return child;
        }

        child = [];
        parent[name] = child;
        return child;
    }

    [GeneratedRegex("^[A-Za-z0-9._@-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
