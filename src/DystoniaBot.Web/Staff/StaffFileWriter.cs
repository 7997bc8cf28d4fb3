using System.Text.Json;
using System.Text.Json.Nodes;

namespace DystoniaBot.Web.Staff;

/// <summary>What became of a request to replace an account's password hash in the staff file.</summary>
public enum StaffFileChange
{
    /// <summary>Written.</summary>
    Written,

    /// <summary>The account is not in the file (it comes from other configuration).</summary>
    NotInFile,

    /// <summary>The account's hash in the file is no longer the one that was checked (changed meanwhile): left alone.</summary>
    ChangedMeanwhile,
}

/// <summary>
/// Rewrites one account's password hash in the staff file <c>dystoniabot staff</c> writes, keeping everything else in
/// it: a new file beside it, readable by the owner only, renamed over the old one in one step, so the host watching it
/// never reads half a file.
/// </summary>
public static class StaffFileWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Replaces the hash of <paramref name="account"/> with <paramref name="newHash"/> if it is still
    /// <paramref name="checkedHash"/>, giving the account <paramref name="securityStamp"/> if it has none.
    /// </summary>
    /// <exception cref="IOException">The file could not be read or written.</exception>
    /// <exception cref="UnauthorizedAccessException">Not allowed to write it.</exception>
    public static StaffFileChange ReplacePasswordHash(string path, string account, string checkedHash, string newHash, string securityStamp)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return StaffFileChange.NotInFile;
        }

        JsonObject root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new IOException($"{path} is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new IOException($"{path} is not valid JSON.", e);
        }

        // Configuration keys are case-insensitive, as the file's writer treats them.
        var accounts = (root.FirstOrDefault(p => p.Key.Equals(StaffOptions.SectionName, StringComparison.OrdinalIgnoreCase)).Value as JsonObject)?
            .FirstOrDefault(p => p.Key.Equals(nameof(StaffOptions.Accounts), StringComparison.OrdinalIgnoreCase)).Value as JsonObject;
        if (accounts?.FirstOrDefault(p => p.Key.Equals(account, StringComparison.OrdinalIgnoreCase)).Value is not JsonObject entry)
        {
            return StaffFileChange.NotInFile;
        }

        var hashProperty = entry.FirstOrDefault(p => p.Key.Equals(nameof(StaffAccountOptions.PasswordHash), StringComparison.OrdinalIgnoreCase));
        if (hashProperty.Value?.GetValueKind() != JsonValueKind.String || hashProperty.Value.GetValue<string>() != checkedHash)
        {
            return StaffFileChange.ChangedMeanwhile;
        }

        entry[hashProperty.Key] = newHash;
        if (!entry.Any(p => p.Key.Equals(nameof(StaffAccountOptions.SecurityStamp), StringComparison.OrdinalIgnoreCase)))
        {
            entry[nameof(StaffAccountOptions.SecurityStamp)] = securityStamp;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temporary, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(root.ToJsonString(Indented) + "\n");
            }

            File.Move(temporary, path, overwrite: true);
            return StaffFileChange.Written;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
