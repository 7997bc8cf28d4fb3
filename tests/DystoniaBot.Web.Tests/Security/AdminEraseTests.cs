using System.Net;
using System.Text.Json;
using DystoniaBot.Conversation.Persistence;
using DystoniaBot.Handoff;
using DystoniaBot.Testing;
using DystoniaBot.Web.Tests.DirectLine;
using DystoniaBot.Web.Tests.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace DystoniaBot.Web.Tests.Security;

/// <summary>
/// An admin erases everything kept of one conversation from the console (after confirming) or the API, audited
/// without content; plain staff can't. On the default SQLite storage here; a subclass runs the same on PostgreSQL.
/// </summary>
public class AdminEraseTests : IAsyncLifetime
{
    private const string Question = "ask a specialist: does my zebrafinch tremor count as dystonia?";
    private Dictionary<string, string?> _storage = [];

    /// <summary>Settings that put the host on a new, empty storage (none: the default SQLite file).</summary>
    protected virtual Task<Dictionary<string, string?>> NewStorageAsync() => Task.FromResult(new Dictionary<string, string?>());

    public async Task InitializeAsync() => _storage = await NewStorageAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AnAdmin_ShouldEraseAConversationByItsReference_AfterConfirming_LeavingNothingOfIt()
    {
        using var factory = StaffClient.LiveHost(_storage);
        var host = factory.StartLive();
        var (chat, ticket, other) = await TwoConversationsAsync(factory, host);
        var admin = await StaffClient.SignInLiveAsync(host, StaffClient.AdminName, StaffClient.AdminPassword);

        // Finding it shows what will go and deletes nothing.
        var confirm = await admin.GetPageAsync("/staff/admin/erase?Which=" + ticket.Reference);
        Assert.Contains("Erase this conversation?", confirm, StringComparison.Ordinal);
        Assert.Contains(ticket.ConversationKey, WebUtility.HtmlDecode(confirm), StringComparison.Ordinal);
        Assert.NotNull(await Tickets(factory).FindTicketAsync(ticket.Reference, CancellationToken.None));

        // Without the form's antiforgery token the POST is refused.
        using (var forged = await admin.PostFormWithoutTokenAsync("/staff/admin/erase", new() { ["Which"] = ticket.Reference }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        Assert.NotNull(await Tickets(factory).FindTicketAsync(ticket.Reference, CancellationToken.None));

        using (var erased = await admin.PostFormAsync("/staff/admin/erase", confirm, new() { ["Which"] = ticket.Reference }, form: StaffClient.AntiforgeryTokens(confirm).Count - 2))
        {
            Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        }

        Assert.Contains("Erased: everything kept of the conversation of " + ticket.Reference, await admin.GetPageAsync("/staff/admin/erase"), StringComparison.Ordinal);
        await AssertGoneAsync(factory, chat, ticket);
        await AssertKeptAsync(factory, other);
        var entry = Assert.Single(await Tickets(factory).ListAuditAsync(500, CancellationToken.None), e => e.Action == "erase-conversation");
        Assert.Equal(StaffClient.AdminName, entry.Actor);
        Assert.StartsWith($"{ticket.Reference} ({ticket.ConversationKey}): ", entry.Target, StringComparison.Ordinal);
        Assert.DoesNotContain(await Tickets(factory).ListAuditAsync(500, CancellationToken.None), e => e.Target.Contains("zebrafinch", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAdminKey_ShouldEraseAConversation_ThroughTheApi_AndAStaffKeyShouldNot()
    {
        using var factory = StaffClient.LiveHost(_storage);
        var host = factory.StartLive();
        var (chat, ticket, other) = await TwoConversationsAsync(factory, host);
        using var staffKey = StaffClient.LiveApi(host, StaffClient.StaffKey);
        using var adminKey = StaffClient.LiveApi(host, StaffClient.AdminKey);
        var byConversation = new Uri("/api/staff/conversations?conversation=" + Uri.EscapeDataString(ticket.ConversationKey), UriKind.Relative);

        Assert.Equal(HttpStatusCode.Forbidden, (await staffKey.DeleteAsync(byConversation)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await adminKey.DeleteAsync(new Uri("/api/staff/conversations", UriKind.Relative))).StatusCode);
        Assert.NotNull(await Tickets(factory).FindTicketAsync(ticket.Reference, CancellationToken.None));

        using var erased = await adminKey.DeleteAsync(byConversation);
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var body = JsonDocument.Parse(await erased.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(ticket.ConversationKey, body.GetProperty("conversation").GetString());
        Assert.True(body.GetProperty("deletedRows").GetInt32() >= 4);

        await AssertGoneAsync(factory, chat, ticket);
        await AssertKeptAsync(factory, other);
        Assert.Equal(HttpStatusCode.NotFound, (await adminKey.DeleteAsync(new Uri("/api/staff/conversations?reference=" + ticket.Reference, UriKind.Relative))).StatusCode);
        Assert.Contains(await Tickets(factory).ListAuditAsync(500, CancellationToken.None),
            e => e is { Actor: "admintool", Action: "erase-conversation" } && e.Target.StartsWith(ticket.ConversationKey + ": ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlainStaff_ShouldNotReachTheErasePage()
    {
        using var factory = StaffClient.LiveHost(_storage);
        var host = factory.StartLive();
        var ticket = await StaffTickets.CreateAsync(factory, "Is it inherited?");
        var nurse = await StaffClient.SignInLiveAsync(host, StaffClient.NurseName, StaffClient.NursePassword);
        var console = await nurse.GetPageAsync("/staff");

        using var page = await nurse.Http.GetAsync(new Uri("/staff/admin/erase?Which=" + ticket.Reference, UriKind.Relative));
        using var post = await nurse.PostFormAsync("/staff/admin/erase", console, new() { ["Which"] = ticket.Reference });

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/staff/denied", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.NotNull(await Tickets(factory).FindTicketAsync(ticket.Reference, CancellationToken.None));
    }

    private static ITicketStore Tickets(BotFactory factory) => factory.Services.GetRequiredService<ITicketStore>();

    /// <summary>A visitor's chat on the page with an answer, a rating and a question sent to staff; and another chat.</summary>
    private static async Task<(DirectLineClient Chat, Ticket Ticket, string Other)> TwoConversationsAsync(BotFactory factory, Uri host)
    {
        var chat = await DirectLineClient.VisitAsync(new HttpClient { BaseAddress = host });
        await chat.StartAsync();
        await chat.SayAsync("is there a cure?");
        await chat.WaitForAsync(a => (DirectLineClient.Text(a) ?? "").Contains("no cure", StringComparison.Ordinal));
        await chat.SayAsync(Question);
        await chat.SayAsync("Send it");
        var ticket = Assert.Single(await Tickets(factory).ListAsync(null, 50, CancellationToken.None), t => t.UserId == chat.UserId);
        await factory.Services.GetRequiredService<IFeedbackStore>().AddAsync(
            new Feedback(ticket.ConversationKey, "is there a cure?", "dystonia#4", false, "my zebrafinch comment", DateTimeOffset.UtcNow), CancellationToken.None);
        var other = await StaffTickets.CreateAsync(factory, "Someone else's question");
        return (chat, ticket, other.ConversationKey);
    }

    private static async Task AssertGoneAsync(BotFactory factory, DirectLineClient chat, Ticket ticket)
    {
        var services = factory.Services;
        var none = CancellationToken.None;
        Assert.Null(await Tickets(factory).FindTicketAsync(ticket.Reference, none));
        Assert.Empty(await Tickets(factory).ListForConversationAsync(ticket.ConversationKey, 10, none));
        Assert.Null((await services.GetRequiredService<IConversationStateStore>().GetAsync(ticket.ConversationKey, none)).LastPassageId);
        Assert.Null(await services.GetRequiredService<DystoniaBot.Handoff.IConversationReferenceStore>().FindAsync(ticket.ConversationKey, none));
        Assert.DoesNotContain(await services.GetRequiredService<IFeedbackStore>().ListAsync(100, none), f => f.ConversationKey == ticket.ConversationKey);
        Assert.Empty((await services.GetRequiredService<DystoniaBot.DirectLine.IDirectLineStore>().ReadAsync(chat.ConversationId, 0, 100, none)).Activities);
    }

    private static async Task AssertKeptAsync(BotFactory factory, string otherConversation) =>
        Assert.Single(await Tickets(factory).ListForConversationAsync(otherConversation, 10, CancellationToken.None));
}

/// <summary>The same erasures with everything in PostgreSQL.</summary>
[Collection(UsesPostgres.Name)]
public sealed class PostgresAdminEraseTests(PostgresServer server) : AdminEraseTests
{
    protected override async Task<Dictionary<string, string?>> NewStorageAsync() =>
        new() { ["Storage:PostgresConnectionString"] = await server.CreateDatabaseAsync() };
}
