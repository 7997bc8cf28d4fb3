using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;

namespace DystoniaBot.Cli.Tests.Commands;

public sealed class StaffCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cli-staff-");

    private string StaffFilePath => Path.Combine(_folder.FullName, "nested", "staff.json");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task StaffAdd_ShouldStoreAPbkdf2Hash_NeverThePassword_ReadableByTheOwnerOnly()
    {
        var result = await CliProcess.RunAsync("correct horse battery\ncorrect horse battery\n", "staff", "add", "ada", "--role", "admin", "--file", StaffFilePath);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Created admin account 'ada'", result.Output, StringComparison.Ordinal);
        var text = File.ReadAllText(StaffFilePath);
        Assert.DoesNotContain("correct horse battery", text, StringComparison.Ordinal);
        var account = Account(text, "Accounts", "ada");
        Assert.Equal("admin", account.GetProperty("Role").GetString());
        var hash = account.GetProperty("PasswordHash").GetString()!;
        Assert.NotEqual(PasswordVerificationResult.Failed, new PasswordHasher<object>().VerifyHashedPassword(new object(), hash, "correct horse battery"));
        Assert.Equal(210_000, Iterations(hash));
        Assert.Matches("^[0-9a-f]{32}$", account.GetProperty("SecurityStamp").GetString());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(StaffFilePath));
        }
    }

    [Fact]
    public async Task StaffAdd_ShouldUpdateAnAccount_AndKeepTheOthers()
    {
        await CliProcess.RunAsync("first password 1\nfirst password 1\n", "staff", "add", "ada", "--file", StaffFilePath);
        await CliProcess.RunAsync("other password 2\nother password 2\n", "staff", "add", "bo", "--file", StaffFilePath);
        var before = File.ReadAllText(StaffFilePath);

        var update = await CliProcess.RunAsync("second password 3\nsecond password 3\n", "staff", "add", "ADA", "--role", "admin", "--file", StaffFilePath);

        Assert.Contains("Updated", update.Output, StringComparison.Ordinal);
        var text = File.ReadAllText(StaffFilePath);
        var hash = Account(text, "Accounts", "ADA").GetProperty("PasswordHash").GetString()!;

        // A new password is a new stamp (the account's sessions end); the other account's stays.
        Assert.NotEqual(Account(before, "Accounts", "ada").GetProperty("SecurityStamp").GetString(), Account(text, "Accounts", "ADA").GetProperty("SecurityStamp").GetString());
        Assert.Equal(Account(before, "Accounts", "bo").GetProperty("SecurityStamp").GetString(), Account(text, "Accounts", "bo").GetProperty("SecurityStamp").GetString());
        Assert.NotEqual(PasswordVerificationResult.Failed, new PasswordHasher<object>().VerifyHashedPassword(new object(), hash, "second password 3"));
        Assert.Equal(JsonValueKind.Object, Account(text, "Accounts", "bo").ValueKind);
        Assert.Equal(2, JsonDocument.Parse(text).RootElement.GetProperty("Staff").GetProperty("Accounts").EnumerateObject().Count());
    }

    [Theory]
    [InlineData("long enough password\nsomething else entirely\n", "differ")]
    [InlineData("long enough password\n", "differ")]
    [InlineData("short\nshort\n", "at least 10 characters")]
    [InlineData("", "no password")]
    public async Task StaffAdd_ShouldSaveNothing_WithoutAConfirmedPassword(string input, string message)
    {
        var result = await CliProcess.RunAsync(input, "staff", "add", "ada", "--file", StaffFilePath);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(StaffFilePath));
    }

    [Theory]
    [InlineData("ada", "--role", "nurse")]
    [InlineData("ada:admin")]
    public async Task StaffAdd_ShouldRefuseBadNamesAndRoles(params string[] arguments)
    {
        var result = await CliProcess.RunAsync("long enough password\nlong enough password\n", ["staff", "add", .. arguments, "--file", StaffFilePath]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.False(File.Exists(StaffFilePath));
    }

    [Fact]
    public async Task StaffKeyAdd_ShouldPrintTheKeyOnce_AndStoreOnlyItsSha256()
    {
        var result = await CliProcess.RunAsync(null, "staff", "key", "add", "tool", "--file", StaffFilePath);

        Assert.Equal(0, result.ExitCode);
        var key = result.Output.Trim();
        Assert.StartsWith("dbk_", key, StringComparison.Ordinal);
        Assert.Contains("not shown again", result.Error, StringComparison.Ordinal);
        var text = File.ReadAllText(StaffFilePath);
        Assert.DoesNotContain(key, text, StringComparison.Ordinal);
        var stored = Account(text, "ApiKeys", "tool");
        Assert.Equal("staff", stored.GetProperty("Role").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))), stored.GetProperty("Hash").GetString());
    }

    [Fact]
    public async Task StaffKeyAdd_ShouldGiveEveryKeyAnExpiry_NinetyDaysOnUnlessTold()
    {
        await CliProcess.RunAsync(null, "staff", "key", "add", "tool", "--file", StaffFilePath);
        var shortLived = await CliProcess.RunAsync(null, "staff", "key", "add", "night-job", "--days", "7", "--role", "admin", "--file", StaffFilePath);

        var text = File.ReadAllText(StaffFilePath);
        var tool = DateTimeOffset.Parse(Account(text, "ApiKeys", "tool").GetProperty("ExpiresAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var job = DateTimeOffset.Parse(Account(text, "ApiKeys", "night-job").GetProperty("ExpiresAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(tool, DateTimeOffset.UtcNow.AddDays(90).AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(90));
        Assert.InRange(job, DateTimeOffset.UtcNow.AddDays(7).AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(7));
        Assert.Contains("working until", shortLived.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("366")]
    [InlineData("-3")]
    public async Task StaffKeyAdd_ShouldRefuseALifetimeOutsideOneDayToAYear(string days)
    {
        var result = await CliProcess.RunAsync(null, "staff", "key", "add", "tool", "--days", days, "--file", StaffFilePath);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--days must be from 1 to 365", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(StaffFilePath));
    }

    [Fact]
    public async Task StaffKeyList_ShouldShowEachKeysRoleAndExpiry_AndTheKeysThatNeverExpire()
    {
        await CliProcess.RunAsync(null, "staff", "key", "add", "tool", "--days", "30", "--file", StaffFilePath);
        var text = File.ReadAllText(StaffFilePath).Replace("\"ApiKeys\": {", "\"ApiKeys\": {\"old\": {\"Role\": \"admin\", \"Hash\": \"" + new string('b', 64) + "\"}, \"gone\": {\"Role\": \"staff\", \"Hash\": \"" + new string('c', 64) + "\", \"ExpiresAt\": \"2020-01-01T00:00:00Z\"},", StringComparison.Ordinal);
        File.WriteAllText(StaffFilePath, text);

        var result = await CliProcess.RunAsync(null, "staff", "key", "list", "--file", StaffFilePath);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("gone\tstaff\tEXPIRED 2020-01-01", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("old\tadmin\tnever expires", lines[1], StringComparison.Ordinal);
        Assert.Matches("^tool\tstaff\texpires [0-9-]+ [0-9:]+ UTC \\(in 30 days\\)", lines[2]);
    }

    private static JsonElement Account(string text, string section, string name) =>
        JsonDocument.Parse(text).RootElement.GetProperty("Staff").GetProperty(section).GetProperty(name).Clone();

    /// <summary>The PBKDF2 iteration count of an Identity v3 hash (format byte, PRF, iterations, big-endian).</summary>
    private static int Iterations(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(1, bytes[0]);
        return System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(5, 4));
    }
}
