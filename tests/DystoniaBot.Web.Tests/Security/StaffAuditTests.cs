using System.Net;
using DystoniaBot.Handoff;
using DystoniaBot.Web.Tests.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace DystoniaBot.Web.Tests.Security;

/// <summary>The audit log records who signed in, failed to, signed out, read a question or used an API key, never what was typed or asked.</summary>
public sealed class StaffAuditTests
{
    [Fact]
    public async Task SignIns_ShouldBeAudited_WithAccountsNamesOnly()
    {
        using var factory = StaffClient.LiveHost();
        var host = factory.StartLive();

        using (await StaffClient.Live(host, "198.51.100.1").SignInResponseAsync("my-secret-Passw0rd", "whatever"))
        using (await StaffClient.Live(host, "198.51.100.2").SignInResponseAsync(StaffClient.AdminName, "a wrong password"))
        {
        }

        var nurse = await StaffClient.SignInLiveAsync(host, StaffClient.NurseName, StaffClient.NursePassword, "2001:db8:1:2::7");
        var console = await nurse.GetPageAsync("/staff");
        using (await nurse.PostFormAsync("/staff/logout", console, [], form: StaffClient.AntiforgeryTokens(console).Count - 1))
        {
        }

        var audit = await AuditAsync(factory);
        Assert.Contains(new("an unknown name", "sign-in-failed", "from 198.51.100.1"), audit);
        Assert.Contains(new(StaffClient.AdminName, "sign-in-failed", "from 198.51.100.2"), audit);
        Assert.Contains(new(StaffClient.NurseName, "sign-in", "password from 2001:db8:1:2::/64"), audit);
        Assert.Contains(new(StaffClient.NurseName, "sign-out", "console"), audit);
        Assert.DoesNotContain(audit, e => $"{e.Actor} {e.Target}".Contains("Passw0rd", StringComparison.OrdinalIgnoreCase) || e.Target.Contains("wrong", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadingAQuestion_ShouldBeAudited_InTheConsoleAndTheApi_WithoutItsText()
    {
        using var factory = StaffClient.LiveHost();
        var host = factory.StartLive();
        var ticket = await StaffTickets.CreateAsync(factory, "Is my zebrafinch tremor dystonia?");
        var nurse = await StaffClient.SignInLiveAsync(host, StaffClient.NurseName, StaffClient.NursePassword);
        using var api = StaffClient.LiveApi(host, StaffClient.StaffKey);

        await nurse.GetPageAsync("/staff/questions/" + ticket.Reference.ToLowerInvariant());
        using var read = await api.GetAsync(new Uri("/api/staff/questions/" + ticket.Reference, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);

        var audit = await AuditAsync(factory);
        Assert.Contains(new(StaffClient.NurseName, "read-question", ticket.Reference), audit);
        Assert.Contains(new("tool", "read-question", ticket.Reference), audit);
        Assert.DoesNotContain(audit, e => e.Target.Contains("zebrafinch", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ApiKeyUse_ShouldBeAuditedOnceAMinutePerKey()
    {
        using var factory = StaffClient.LiveHost();
        var host = factory.StartLive();
        using var tool = StaffClient.LiveApi(host, StaffClient.StaffKey);
        using var admin = StaffClient.LiveApi(host, StaffClient.AdminKey);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await tool.GetAsync(new Uri("/api/staff/questions", UriKind.Relative))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/api/staff/feedback", UriKind.Relative))).StatusCode);

        var uses = (await AuditAsync(factory)).Where(e => e.Action == "api-key-used").ToList();
        Assert.Equal(new Entry("tool", "api-key-used", "GET /api/staff/questions"), Assert.Single(uses, e => e.Actor == "tool"));
        Assert.Equal(new Entry("admintool", "api-key-used", "GET /api/staff/feedback"), Assert.Single(uses, e => e.Actor == "admintool"));
    }

    private static async Task<List<Entry>> AuditAsync(BotFactory factory) =>
        [.. (await factory.Services.GetRequiredService<ITicketStore>().ListAuditAsync(500, CancellationToken.None)).Select(e => new Entry(e.Actor, e.Action, e.Target))];

    private sealed record Entry(string Actor, string Action, string Target);
}
