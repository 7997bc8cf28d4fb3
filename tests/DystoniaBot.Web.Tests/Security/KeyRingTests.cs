using System.Net;
using DystoniaBot.Testing;
using DystoniaBot.Web.Tests.Staff;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DystoniaBot.Web.Tests.Security;

/// <summary>
/// The key ring behind the staff's cookies lives in the bot's database: a restart keeps staff signed in, and a cookie one
/// replica issued works on the others, whatever the machine's own folders hold.
/// </summary>
[Collection(UsesPostgres.Name)]
public sealed class KeyRingTests(PostgresServer server)
{
    private static readonly WebApplicationFactoryClientOptions ByHand = new() { AllowAutoRedirect = false, HandleCookies = false };

    [Fact]
    public async Task AStaffCookie_ShouldWorkOnEveryReplica_WithTheKeysInTheSharedDatabase()
    {
        var database = await server.CreateDatabaseAsync();
        using var first = StaffClient.Host(new() { ["Storage:PostgresConnectionString"] = database });
        using var second = StaffClient.Host(new() { ["Storage:PostgresConnectionString"] = database });
        var jar = new CookieJar();

        await jar.SignInAsync(first.CreateClient(ByHand), StaffClient.NurseName, StaffClient.NursePassword);

        Assert.NotEmpty(KeysInTheStore(first));
        Assert.Contains("Sign out", await jar.GetAsync(second.CreateClient(ByHand), "/staff"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AStaffCookie_ShouldOutliveARestart_WithTheKeysInTheSqliteFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dystoniabot-keyring-{Guid.NewGuid():N}.db");
        var jar = new CookieJar();
        try
        {
            using (var before = BotFactory.Create(StaffClient.Settings(), path))
            {
                await jar.SignInAsync(before.CreateClient(ByHand), StaffClient.NurseName, StaffClient.NursePassword);
                Assert.NotEmpty(KeysInTheStore(before));
            }

            using var after = BotFactory.Create(StaffClient.Settings(), path);
            Assert.Contains("Sign out", await jar.GetAsync(after.CreateClient(ByHand), "/staff"), StringComparison.OrdinalIgnoreCase);
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
        using var first = StaffClient.Host();
        using var stranger = StaffClient.Host();
        var jar = new CookieJar();
        await jar.SignInAsync(first.CreateClient(ByHand), StaffClient.NurseName, StaffClient.NursePassword);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/staff", UriKind.Relative));
        using var response = await jar.SendAsync(stranger.CreateClient(ByHand), request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static IReadOnlyCollection<System.Xml.Linq.XElement> KeysInTheStore(BotFactory host) =>
        host.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository!.GetAllElements();
}
