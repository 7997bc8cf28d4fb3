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
