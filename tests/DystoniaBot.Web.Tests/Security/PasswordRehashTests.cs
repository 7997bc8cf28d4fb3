using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DystoniaBot.Web.Staff;
using DystoniaBot.Web.Tests.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DystoniaBot.Web.Tests.Security;

/// <summary>
/// A password hash of Identity's default 100,000 PBKDF2 iterations is replaced with one of OWASP's 210,000 at the
/// next successful sign-in, in the staff file, keeping all else in it and every session.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PasswordRehashTests : IDisposable
{
    private const string Password = "an old but good password";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("staff-rehash-");

    private string StaffFilePath => Path.Combine(_folder.FullName, "staff.json");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task AnOldHash_ShouldBeReplacedInTheStaffFile_KeepingTheRestOfIt_AndTheSessions()
    {
        var oldHash = new PasswordHasher<object>().HashPassword(new object(), Password);
        Assert.Equal(100_000, Iterations(oldHash));
        var file = new JsonObject
        {
            ["Staff"] = new JsonObject
            {
                ["Accounts"] = new JsonObject { ["ada"] = new JsonObject { ["Role"] = "admin", ["PasswordHash"] = oldHash } },
                ["ApiKeys"] = new JsonObject { ["tool"] = new JsonObject { ["Role"] = "staff", ["Hash"] = new string('a', 64) } },
            },
            ["Note"] = "kept by hand",
        };
        File.WriteAllText(StaffFilePath, file.ToJsonString());
        File.SetUnixFileMode(StaffFilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        using var factory = BotFactory.CreateLive(new() { ["Staff:File"] = StaffFilePath });
        var host = factory.StartLive();

        // Two sign-ins: the first replaces the hash; the second may come before the host has read the file again.
        var first = await StaffClient.SignInLiveAsync(host, "ada", Password);
        var second = await StaffClient.SignInLiveAsync(host, "ADA", Password);

        var written = JsonNode.Parse(File.ReadAllText(StaffFilePath))!;
        var newHash = written["Staff"]!["Accounts"]!["ada"]!["PasswordHash"]!.GetValue<string>();
        Assert.Equal(210_000, Iterations(newHash));
        Assert.NotEqual(PasswordVerificationResult.Failed, new PasswordHasher<object>().VerifyHashedPassword(new object(), newHash, Password));
        Assert.Equal("admin", written["Staff"]!["Accounts"]!["ada"]!["Role"]!.GetValue<string>());
        Assert.Equal(new string('a', 64), written["Staff"]!["ApiKeys"]!["tool"]!["Hash"]!.GetValue<string>());
        Assert.Equal("kept by hand", written["Note"]!.GetValue<string>());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(StaffFilePath));
        Assert.Equal([StaffFilePath], Directory.GetFiles(_folder.FullName));

        // Once the host has read the new hash, both sessions still stand, and the password still works.
        var monitor = factory.Services.GetRequiredService<IOptionsMonitor<StaffOptions>>();
        for (var i = 0; monitor.CurrentValue.Accounts["ada"].PasswordHash != newHash; i++)
        {
            Assert.True(i < 100, "the host never read the rewritten file");
            await Task.Delay(100);
        }

        Assert.Contains("Audit log", await first.GetPageAsync("/staff/admin/audit"), StringComparison.Ordinal);
        Assert.Contains("Audit log", await second.GetPageAsync("/staff/admin/audit"), StringComparison.Ordinal);
        await StaffClient.SignInLiveAsync(host, "ada", Password);
        Assert.Equal(newHash, JsonNode.Parse(File.ReadAllText(StaffFilePath))!["Staff"]!["Accounts"]!["ada"]!["PasswordHash"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnOldHashOutsideTheStaffFile_ShouldStillSignIn_AndKeepItsSession()
    {
        using var factory = BotFactory.CreateLive(new()
        {
            ["Staff:File"] = StaffFilePath,
            ["Staff:Accounts:bo:Role"] = "staff",
            ["Staff:Accounts:bo:PasswordHash"] = new PasswordHasher<object>().HashPassword(new object(), Password),
        });
        var host = factory.StartLive();

        var bo = await StaffClient.SignInLiveAsync(host, "bo", Password);

        Assert.Contains("Signed in as bo", await bo.GetPageAsync("/staff"), StringComparison.Ordinal);
        Assert.False(File.Exists(StaffFilePath));
    }

    [Fact]
    public async Task AStaffFileThatCantBeWritten_ShouldNotStopTheSignIn()
    {
        var oldHash = new PasswordHasher<object>().HashPassword(new object(), Password);
        File.WriteAllText(StaffFilePath, new JsonObject { ["Staff"] = new JsonObject { ["Accounts"] = new JsonObject { ["ada"] = new JsonObject { ["PasswordHash"] = oldHash } } } }.ToJsonString());
        using var factory = BotFactory.CreateLive(new() { ["Staff:File"] = StaffFilePath });
        var host = factory.StartLive();

        // The new file is written beside the old one: a folder that takes no new file makes the rewrite fail.
        using (new ReadOnlyFolder(_folder.FullName))
        {
            var ada = await StaffClient.SignInLiveAsync(host, "ada", Password);

            Assert.Contains("Signed in as ada", await ada.GetPageAsync("/staff"), StringComparison.Ordinal);
            // Compared as JSON: the file escapes a base64 '+' as \u002B.
            Assert.Equal(oldHash, JsonNode.Parse(File.ReadAllText(StaffFilePath))!["Staff"]!["Accounts"]!["ada"]!["PasswordHash"]!.GetValue<string>());
        }
    }

    private static int Iterations(string hash) => BinaryPrimitives.ReadInt32BigEndian(Convert.FromBase64String(hash).AsSpan(5, 4));

    /// <summary>
    /// Makes a folder take no new file for a while: read-only for an ordinary user; for root, whom permissions don't
    /// stop, immutable (chattr +i). Checked, so the test can't pass without the folder really refusing.
    /// </summary>
    private sealed class ReadOnlyFolder : IDisposable
    {
        private readonly string _folder;
        private readonly UnixFileMode _mode;

        public ReadOnlyFolder(string folder)
        {
            _folder = folder;
            _mode = File.GetUnixFileMode(folder);
            if (Environment.IsPrivilegedProcess)
            {
                Chattr("+i");
            }
            else
            {
                File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            }

            Assert.ThrowsAny<Exception>(() => File.WriteAllText(Path.Combine(folder, "probe"), ""));
        }

        public void Dispose()
        {
            if (Environment.IsPrivilegedProcess)
            {
                Chattr("-i");
            }

            File.SetUnixFileMode(_folder, _mode);
        }

        private void Chattr(string change)
        {
            using var chattr = System.Diagnostics.Process.Start("chattr", [change, _folder]);
            chattr.WaitForExit();
            Assert.Equal(0, chattr.ExitCode);
        }
    }
}
