using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DystoniaBot.Conversation.Handoff;
using DystoniaBot.Handoff;
using DystoniaBot.Web.Tests.DirectLine;
using Microsoft.Extensions.DependencyInjection;

namespace DystoniaBot.Web.Tests.Staff;

/// <summary>Closing a question without an answer: a reason, a confirmation, and a kind message in the user's chat (none for spam).</summary>
public sealed class StaffCloseTests : IClassFixture<StaffHostFixture>
{
    private readonly BotFactory _factory;

    public StaffCloseTests(StaffHostFixture fixture) => _factory = fixture.Factory;

    private ITicketStore Tickets => _factory.Services.GetRequiredService<ITicketStore>();

    [Fact]
    public async Task CloseInTheConsole_ShouldAskWhy_ThenForConfirmation_ThenTellTheUserInTheirChat()
    {
        var (chat, ticket) = await StaffTickets.AskThroughDirectLineAsync(_factory, "should I double my dose of baclofen?");
        var nurse = await StaffClient.SignInAsync(_factory, StaffClient.NurseName, StaffClient.NursePassword);

        var view = await nurse.GetPageAsync("/staff/questions/" + ticket.Reference);
        Assert.Contains($"href=\"/staff/close?References={ticket.Reference}\"", view, StringComparison.Ordinal);
        var choose = await nurse.GetPageAsync($"/staff/close?References={ticket.Reference}");
        foreach (var code in new[] { "care-team", "not-dystonia", "duplicate", "spam" })
        {
            Assert.Contains($"value=\"{code}\"", choose, StringComparison.Ordinal);
        }

        using var noReason = await nurse.PostFormAsync("/staff/close?handler=Review", choose, new() { ["References"] = ticket.Reference }, form: 1);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Choose why you are closing it.", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var review = await nurse.PostFormAsync("/staff/close?handler=Review", choose,
            new() { ["References"] = ticket.Reference, ["Reason"] = "care-team", ["Note"] = "Your neurologist can adjust it safely." }, form: 1);
        var confirm = await review.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.Contains("Close it?", confirm, StringComparison.Ordinal);
        Assert.Contains("The user will be sent this message in their chat:", confirm, StringComparison.Ordinal);
        Assert.Contains("Your neurologist can adjust it safely.", confirm, StringComparison.Ordinal);

        // Nothing is closed before the confirming POST.
        Assert.Equal(TicketStatus.Open, (await Tickets.FindTicketAsync(ticket.Reference, CancellationToken.None))!.Status);
        using var closed = await nurse.PostFormAsync("/staff/close?handler=Confirm", confirm,
            new() { ["References"] = ticket.Reference, ["Reason"] = "care-team", ["Note"] = "Your neurologist can adjust it safely." }, form: 1);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal("/staff/questions/" + ticket.Reference, closed.Headers.Location!.OriginalString);

        var message = await StaffTickets.WaitForAnswerAsync(chat, "have closed it");
        Assert.Contains(ticket.Reference, message, StringComparison.Ordinal);
        Assert.Contains("your neurologist or care team", message, StringComparison.Ordinal);
        Assert.Contains("A note from our staff: Your neurologist can adjust it safely.", message, StringComparison.Ordinal);
        Assert.Contains("please see a neurologist", message, StringComparison.Ordinal);
        Assert.Contains("In an emergency, call 911", message, StringComparison.Ordinal);
        Assert.Contains("ask us again", message, StringComparison.Ordinal);

        var stored = (await Tickets.FindTicketAsync(ticket.Reference, CancellationToken.None))!;
        Assert.Equal((TicketStatus.Closed, TicketCloseReason.CareTeam, DeliveryStatus.Delivered), (stored.Status, stored.CloseReason, stored.Delivery));
        var after = await nurse.GetPageAsync("/staff/questions/" + ticket.Reference);
        Assert.Contains("Covered by their neurologist or care team", after, StringComparison.Ordinal);
        Assert.Contains("Sent to the user's chat ✓", WebUtility.HtmlDecode(after), StringComparison.Ordinal);

        // Who and why (the reason's code), never the note.
        var audit = await Tickets.ListAuditAsync(200, CancellationToken.None);
        Assert.Contains(audit, e => e.Actor == StaffClient.NurseName && e.Action == "close" && e.Target == ticket.Reference + " (care-team)");
        Assert.DoesNotContain(audit, e => e.Target.Contains("adjust it", StringComparison.Ordinal));

        // "my questions" says why, in plain words.
        await chat.SayAsync("my questions");
        await chat.WaitForAsync(a => DirectLineClient.Text(a)?.Contains("closed: best answered by your neurologist or care team", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ConfirmingWithoutTheAntiforgeryToken_ShouldCloseNothing()
    {
        var ticket = await StaffTickets.CreateAsync(_factory, "Is it inherited?");
        var nurse = await StaffClient.SignInAsync(_factory, StaffClient.NurseName, StaffClient.NursePassword);
        await nurse.GetPageAsync($"/staff/close?References={ticket.Reference}&Reason=spam");

        using var response = await nurse.PostFormWithoutTokenAsync("/staff/close?handler=Confirm", new() { ["References"] = ticket.Reference, ["Reason"] = "spam" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(TicketStatus.Open, (await Tickets.FindTicketAsync(ticket.Reference, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task SpamClosedThroughTheApi_ShouldSendTheUserNothing()
    {
        var (chat, ticket) = await StaffTickets.AskThroughDirectLineAsync(_factory, "buy cheap watches at example dot com");
        var (before, _) = await chat.GetAsync();
        using var api = StaffClient.Api(_factory, StaffClient.StaffKey);

        using var response = await api.PostAsJsonAsync(new Uri($"/api/staff/questions/{ticket.Reference}/close", UriKind.Relative), new { reason = "spam", note = "junk" });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        await _factory.Services.GetRequiredService<StaffAnswerDelivery>().DeliverDueAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("closed", "spam", "none"), (body.GetProperty("status").GetString(), body.GetProperty("closeReason").GetString(), body.GetProperty("delivery").GetString()));
        Assert.Equal(before.Count, (await chat.GetAsync()).Activities.Count);
        var audit = await Tickets.ListAuditAsync(200, CancellationToken.None);
        Assert.Contains(audit, e => e.Actor == "tool" && e.Action == "close" && e.Target == ticket.Reference + " (spam)");
    }

    [Fact]
    public async Task ClosedThroughTheApi_ShouldTellTheUserWhy_WithTheNote()
    {
        var (chat, ticket) = await StaffTickets.AskThroughDirectLineAsync(_factory, "what is the capital of France?");
        using var api = StaffClient.Api(_factory, StaffClient.StaffKey);

        using var response = await api.PostAsJsonAsync(new Uri($"/api/staff/questions/{ticket.Reference}/close", UriKind.Relative),
            new { reason = "not-dystonia", note = "A search engine will know." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = await StaffTickets.WaitForAnswerAsync(chat, "isn't a question about dystonia");
        Assert.Contains("A note from our staff: A search engine will know.", message, StringComparison.Ordinal);
        var audit = await Tickets.ListAuditAsync(200, CancellationToken.None);
        Assert.Contains(audit, e => e.Actor == "tool" && e.Action == "close" && e.Target == ticket.Reference + " (not-dystonia)");
    }
}
