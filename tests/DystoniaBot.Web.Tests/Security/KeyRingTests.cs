using System.Net;
using DystoniaBot.Testing;
using DystoniaBot.Web.Tests.Staff;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DystoniaBot.Web.Tests.Security;

/// <summary>
/// The key ring behind the staff's cookies lives in the bot's database: a restart keeps staff signed in, and a cookie one
/// replica issued works on the others, whatever the machine's own folders hold. Each host on a real port of 127.0.0.1.
/// </summary>
[Collection(UsesPostgres.Name)]
public sealed class KeyRingTests(PostgresServer server)
{
    [Fact]
    public async Task AStaffCookie_ShouldWorkOnEveryReplica_WithTheKeysInTheSharedDatabase()
    {
        var database = await server.CreateDatabaseAsync();
        await using var first = StaffClient.LiveHost(new() { ["Storage:PostgresConnectionString"] = database });
        await using var second = StaffClient.LiveHost(new() { ["Storage:PostgresConnectionString"] = database });
        var jar = new CookieJar();

        await jar.SignInAsync(ByHand(first), StaffClient.NurseName, StaffClient.NursePassword);

        Assert.NotEmpty(KeysInTheStore(first));
        Assert.Contains("Sign out", await jar.GetAsync(ByHand(second), "/staff"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AStaffCookie_ShouldOutliveARestart_WithTheKeysInTheSqliteFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dystoniabot-keyring-{Guid.NewGuid():N}.db");
        var jar = new CookieJar();
        try
        {
            await using (var before = BotFactory.CreateLive(StaffClient.Settings(), path))
            {
                await jar.SignInAsync(ByHand(before), StaffClient.NurseName, StaffClient.NursePassword);
                Assert.NotEmpty(KeysInTheStore(before));
            }

            await using var after = BotFactory.CreateLive(StaffClient.Settings(), path);
            Assert.Contains("Sign out", await jar.GetAsync(ByHand(after), "/staff"), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public async Task ACookieFromAnotherDatabasesKeys_ShouldNotWork()
    {
        await using var first = StaffClient.LiveHost();
        await using var stranger = StaffClient.LiveHost();
        var jar = new CookieJar();
        await jar.SignInAsync(ByHand(first), StaffClient.NurseName, StaffClient.NursePassword);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/staff", UriKind.Relative));
        using var response = await jar.SendAsync(ByHand(stranger), request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>A client of the host, started now, that follows no redirect and keeps no cookie (the jar does).</summary>
    private static HttpClient ByHand(BotFactory host) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.StartLive() };

    private static IReadOnlyCollection<System.Xml.Linq.XElement> KeysInTheStore(BotFactory host) =>
        host.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository!.GetAllElements();
}
