using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DystoniaBot.Conversation.Handoff;
using DystoniaBot.Conversation.Persistence;
using DystoniaBot.Handoff;
using DystoniaBot.Storage;
using DystoniaBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DystoniaBot.Web.Tests.Staff;

/// <summary>The console pages over real HTTP, cookies and antiforgery tokens.</summary>
public sealed class StaffConsoleTests : IClassFixture<StaffHostFixture>
{
    private const string Script = "<script>alert(1)</script>";
    private readonly BotFactory _factory;

    public StaffConsoleTests(StaffHostFixture fixture) => _factory = fixture.Factory;

    [Theory]
    [InlineData("/staff/login")]
    [InlineData("/staff")]
    [InlineData("/staff/search?q=cure")]
    public async Task ConsoleResponses_ShouldCarryAStrictContentSecurityPolicy(string path)
    {
        var nurse = await StaffClient.SignInAsync(_factory, StaffClient.NurseName, StaffClient.NursePassword);

        using var response = await nurse.Http.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.DoesNotMatch("<script(?![^>]*src=)", html);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ShouldMarkTheMatchedWords_AndOfferTheTextWithItsAttribution()
    {
        var nurse = await StaffClient.SignInAsync(_factory, StaffClient.NurseName, StaffClient.NursePassword);

        var page = await nurse.GetPageAsync("/staff/search?q=is+there+a+cure");

        Assert.Contains("Dystonia has no <mark>cure</mark>.", page, StringComparison.Ordinal);
        Assert.Contains("CCM Health", page, StringComparison.Ordinal);
        Assert.Contains("href=\"https://health.ccm.net/\"", page, StringComparison.Ordinal);
        Assert.Contains("Creative Commons", page, StringComparison.Ordinal);
        Assert.Matches("<textarea id=\"copy-0\" rows=\"5\" readonly>Dystonia has no cure\\.[^<]*Source: «Dystonia», CCM Health", WebUtility.HtmlDecode(page));
        Assert.Contains("data-copy=\"copy-0\"", page, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/staff/staff.js\" defer></script>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ShouldEncodeTheQuery_AndMarkupInIt()
    {
        var nurse = await StaffClient.SignInAsync(_factory, StaffClient.NurseName, StaffClient.NursePassword);

        var page = await nurse.GetPageAsync("/staff/search?q=" + Uri.EscapeDataString(Script + " cure"));

        Assert.DoesNotContain(Script, page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; cure", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScriptInAQuestion_ShouldShowAsText_InTheQueueAndTheTicket()
    {
        var ticket = await StaffTickets.CreateAsync(_factory, "Is this safe? " + Script);
        var nurse = await StaffClient.SignInAsync(_factory, StaffClient.NurseName, StaffClient.NursePassword);

        var queue = await nurse.GetPageAsync("/staff?status=open");
        var view = await nurse.GetPageAsync("/staff/questions/" + ticket.Reference);

        foreach (var page in new[] { queue, view })
        {
            Assert.DoesNotContain(Script, page, StringComparison.Ordinal);
            Assert.Contains("Is this safe? &lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnswerInTheConsole_ShouldBeStored_AndReachTheAskersChat()
    {
        var (chat, ticket) = await StaffTickets.AskThroughDirectLineAsync(_factory, "can dystonia affect my voice?");
        var nurse = await StaffClient.SignInAsync(_factory, StaffClient.NurseName, StaffClient.NursePassword);
        Assert.Contains(ticket.Reference, await nurse.GetPageAsync("/staff"), StringComparison.Ordinal);

        var view = await nurse.GetPageAsync("/staff/questions/" + ticket.Reference);
        Assert.Contains("can dystonia affect my voice?", view, StringComparison.Ordinal);
        using var posted = await nurse.PostFormAsync($"/staff/questions/{ticket.Reference}?handler=Answer", view, new() { ["Answer"] = "It can: that is spasmodic dysphonia." });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var delivered = await StaffTickets.WaitForAnswerAsync(chat, "spasmodic dysphonia");
        Assert.Contains(ticket.Reference, delivered, StringComparison.Ordinal);
        var stored = (await _factory.Services.GetRequiredService<ITicketStore>().FindTicketAsync(ticket.Reference, CancellationToken.None))!;
        Assert.Equal(TicketStatus.Answered, stored.Status);
        Assert.Equal(StaffClient.NurseName, stored.AnsweredBy);
        var after = await nurse.GetPageAsync("/staff/questions/" + ticket.Reference);
        Assert.Contains("It can: that is spasmodic dysphonia.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Answer\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerPostedWithoutTheAntiforgeryToken_ShouldBeRefused()
    {
        var ticket = await StaffTickets.CreateAsync(_factory, "Does botox wear off?");
        var nurse = await StaffClient.SignInAsync(_factory, StaffClient.NurseName, StaffClient.NursePassword);
        await nurse.GetPageAsync("/staff/questions/" + ticket.Reference);

        using var response = await nurse.PostFormWithoutTokenAsync($"/staff/questions/{ticket.Reference}?handler=Answer", new() { ["Answer"] = "Yes." });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(TicketStatus.Open, (await _factory.Services.GetRequiredService<ITicketStore>().FindTicketAsync(ticket.Reference, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task RefusedAnswer_ShouldShowTheReason_AndKeepWhatWasTyped()
    {
        var ticket = await StaffTickets.CreateAsync(_factory, "Does botox wear off?");
        var nurse = await StaffClient.SignInAsync(_factory, StaffClient.NurseName, StaffClient.NursePassword);
        var view = await nurse.GetPageAsync("/staff/questions/" + ticket.Reference);
        var typed = "It does <b>after</b> three months. " + new string('x', 5000);

        using var response = await nurse.PostFormAsync($"/staff/questions/{ticket.Reference}?handler=Answer", view, new() { ["Answer"] = typed });
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The answer must have between 1 and 4000 characters.", page, StringComparison.Ordinal);
        Assert.Contains("It does &lt;b&gt;after&lt;/b&gt; three months. xxx", page, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerToAClosedTicket_ShouldSaySo_AndKeepWhatWasTyped()
    {
        var ticket = await StaffTickets.CreateAsync(_factory, "Does botox wear off?");
        var nurse = await StaffClient.SignInAsync(_factory, StaffClient.NurseName, StaffClient.NursePassword);
        var view = await nurse.GetPageAsync("/staff/questions/" + ticket.Reference);

        var confirm = await nurse.GetPageAsync($"/staff/close?References={ticket.Reference}&Reason=duplicate");
        using var closed = await nurse.PostFormAsync("/staff/close?handler=Confirm", confirm, new() { ["References"] = ticket.Reference, ["Reason"] = "duplicate" }, form: 1);
        using var late = await nurse.PostFormAsync($"/staff/questions/{ticket.Reference}?handler=Answer", view, new() { ["Answer"] = "Written too late." });
        var page = await late.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("already closed", page, StringComparison.Ordinal);
        Assert.Contains("Written too late.", page, StringComparison.Ordinal);
        var audit = await _factory.Services.GetRequiredService<ITicketStore>().ListAuditAsync(100, CancellationToken.None);
        Assert.Contains(audit, e => e.Actor == StaffClient.NurseName && e.Action == "close" && e.Target == ticket.Reference + " (duplicate)");
    }

    [Fact]
    public async Task Queue_ShouldShowAnAnswerNotDeliveredYet_WithTheLastError()
    {
        var ticket = await StaffTickets.CreateAsync(_factory, "Where is my answer?");
        var (answered, _) = await _factory.Services.GetRequiredService<TicketDesk>().AnswerAsync(ticket.Reference, "Here.", "nurse", CancellationToken.None);
        Assert.NotNull(answered);
        await _factory.Services.GetRequiredService<StaffAnswerDelivery>().DeliverDueAsync(CancellationToken.None);
        var nurse = await StaffClient.SignInAsync(_factory, StaffClient.NurseName, StaffClient.NursePassword);

        var queue = await nurse.GetPageAsync("/staff?status=answered");

        Assert.Contains(ticket.Reference, queue, StringComparison.Ordinal);
        Assert.Contains("not delivered yet", queue, StringComparison.Ordinal);
        Assert.Contains("last error: InvalidOperationException: no conversation reference is stored for the chat", queue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliveryState_ShouldBeJson_ForSignedInStaffOnly()
    {
        var ticket = await StaffTickets.CreateAsync(_factory, "Is my answer there yet?");
        await _factory.Services.GetRequiredService<TicketDesk>().AnswerAsync(ticket.Reference, "Yes.", "nurse", CancellationToken.None);
        await _factory.Services.GetRequiredService<StaffAnswerDelivery>().DeliverDueAsync(CancellationToken.None);
        var nurse = await StaffClient.SignInAsync(_factory, StaffClient.NurseName, StaffClient.NursePassword);

        var page = await nurse.GetPageAsync("/staff/questions/" + ticket.Reference);
        var state = await nurse.Http.GetFromJsonAsync<JsonElement>(new Uri($"/staff/questions/{ticket.Reference}?handler=Delivery", UriKind.Relative));
        using var anonymous = await StaffClient.Anonymous(_factory).Http.GetAsync(new Uri($"/staff/questions/{ticket.Reference}?handler=Delivery", UriKind.Relative));

        Assert.Contains($"data-delivery-poll=\"/staff/questions/{ticket.Reference}?handler=Delivery\"", page, StringComparison.Ordinal);
        Assert.Contains("aria-live=\"polite\"", page, StringComparison.Ordinal);
        Assert.Equal("pending", state.GetProperty("delivery").GetString());
        Assert.True(state.GetProperty("failed").GetBoolean());
        Assert.StartsWith("Not delivered yet (1 failed try; last error: InvalidOperationException", state.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("Next try at", state.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/staff/login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_ShouldExplainAnUnknownFilter()
    {
        var nurse = await StaffClient.SignInAsync(_factory, StaffClient.NurseName, StaffClient.NursePassword);

        Assert.Contains("Choose open, answered, closed or all.", await nurse.GetPageAsync("/staff?status=bogus"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownTicket_ShouldBe404()
    {
        var nurse = await StaffClient.SignInAsync(_factory, StaffClient.NurseName, StaffClient.NursePassword);

        using var unknown = await nurse.Http.GetAsync(new Uri("/staff/questions/Q-ZZZZZZ", UriKind.Relative));
        using var malformed = await nurse.Http.GetAsync(new Uri("/staff/questions/%3Cscript%3E", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
    }

    [Fact]
    public async Task Feedback_ShouldListAnswersRatedNotHelpful_WithQuestionAndPassage()
    {
        var feedback = _factory.Services.GetRequiredService<IFeedbackStore>();
        await feedback.AddAsync(new Feedback("test/feedback", "is there a cure " + Script, "dystonia#4", false, null, DateTimeOffset.UtcNow), CancellationToken.None);
        await feedback.AddAsync(new Feedback("test/feedback", "a helpful one", "dystonia#1", true, null, DateTimeOffset.UtcNow), CancellationToken.None);
        var nurse = await StaffClient.SignInAsync(_factory, StaffClient.NurseName, StaffClient.NursePassword);

        var page = await nurse.GetPageAsync("/staff/feedback");

        Assert.Contains("is there a cure &lt;script&gt;", page, StringComparison.Ordinal);
        Assert.Contains("Dystonia has no cure.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("a helpful one", page, StringComparison.Ordinal);
    }
}

/// <summary>
/// Curated answers from the console: an admin submits an edited staff answer (nothing personal in it), a second admin
/// approves it, and only then does the bot answer from it; removing one asks for confirmation.
/// </summary>
public sealed class StaffCuratedAnswerTests : IDisposable
{
    private const string PersonalReply = "Dear Margaret, thank you for your question.\n\nYes: dystonia of the vocal cords is called spasmodic dysphonia. Call me on 020 7946 0958.\n\nBest wishes,\nAda";
    private const string GeneralAnswer = "Yes: dystonia of the vocal cords is called <b>spasmodic dysphonia</b>.";
    private readonly KnowledgeCopy _knowledge = new();
    private readonly BotFactory _factory;

    public StaffCuratedAnswerTests()
    {
        var settings = StaffClient.ReviewerSettings();
        settings["Knowledge:Path"] = _knowledge.Path;
        _factory = StaffClient.Host(settings);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _knowledge.Dispose();
    }

    private async Task<Ticket> AnsweredAsync(string question, string answer)
    {
        var ticket = await StaffTickets.CreateAsync(_factory, question);
        await _factory.Services.GetRequiredService<TicketDesk>().AnswerAsync(ticket.Reference, answer, "nurse", CancellationToken.None);
        return ticket;
    }

    private Task<string> AskTheBotAsync(string text) => new Conversation(_factory.CreateClient()).AskAsync(text);

    [Fact]
    public async Task ASubmittedAnswer_ShouldBeServedOnlyOnceASecondAdminApprovesIt_AndRemovedOnlyAfterAConfirmation_EachStepAudited()
    {
        var ticket = await AnsweredAsync("can dystonia affect my voice? I'm Ada, 42", PersonalReply);
        var admin = await StaffClient.SignInAsync(_factory, StaffClient.AdminName, StaffClient.AdminPassword);

        Assert.Contains("Submit as a curated answer…", await admin.GetPageAsync("/staff/questions/" + ticket.Reference), StringComparison.Ordinal);
        var form = await admin.GetPageAsync("/staff/admin/promote/" + ticket.Reference);
        Assert.Contains("This looks personal", form, StringComparison.Ordinal);
        Assert.Contains("<mark>Dear Margaret,</mark>", form, StringComparison.Ordinal);
        Assert.Contains("<mark>020 7946 0958</mark>", form, StringComparison.Ordinal);
        Assert.Contains("<mark>Best wishes,</mark>", form, StringComparison.Ordinal);

        // As it stands it can't be submitted; nothing is stored.
        using var asItIs = await admin.PostFormAsync("/staff/admin/promote/" + ticket.Reference, form, new() { ["Question"] = "Can dystonia affect the voice?", ["Answer"] = PersonalReply });
        Assert.Equal(HttpStatusCode.BadRequest, asItIs.StatusCode);
        Assert.Contains("Edit out what looks personal before submitting", await asItIs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await _factory.Services.GetRequiredService<ICuratedSubmissionStore>().ListSubmissionsAsync(10, CancellationToken.None));

        using var submitted = await admin.PostFormAsync("/staff/admin/promote/" + ticket.Reference, form, new() { ["Question"] = "Can dystonia affect the voice?", ["Answer"] = GeneralAnswer });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);

        // Pending: listed for review, not served; its author can't approve it.
        var review = await admin.GetPageAsync("/staff/admin/curated");
        Assert.Contains("Waiting for review (1)", review, StringComparison.Ordinal);
        Assert.Contains("You submitted this, so another staff member must approve it.", review, StringComparison.Ordinal);
        Assert.DoesNotContain("spasmodic dysphonia", await AskTheBotAsync("does dystonia affect the voice?"), StringComparison.Ordinal);
        var id = Assert.Single(await _factory.Services.GetRequiredService<ICuratedSubmissionStore>().ListSubmissionsAsync(10, CancellationToken.None)).Id;
        using var own = await admin.PostFormAsync("/staff/admin/curated?handler=Approve", review, new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, form: 1);
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains("You submitted this answer, so another staff member must approve it.", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await _factory.Services.GetRequiredService<ICuratedAnswers>().ListAsync(CancellationToken.None));

        var lee = await StaffClient.SignInAsync(_factory, StaffClient.ReviewerName, StaffClient.ReviewerPassword);
        var leesReview = await lee.GetPageAsync("/staff/admin/curated");
        using var approved = await lee.PostFormAsync("/staff/admin/curated?handler=Approve", leesReview, new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, form: 1);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        // The edited text, not the asker's, is what everyone now gets from the bot, credited to the staff.
        var reply = await AskTheBotAsync("does dystonia affect the voice?");
        Assert.Contains("spasmodic dysphonia", reply, StringComparison.Ordinal);
        Assert.Contains("Health-line staff", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Ada", reply, StringComparison.Ordinal);
        var entry = Assert.Single(await _factory.Services.GetRequiredService<ICuratedAnswers>().ListAsync(CancellationToken.None));
        Assert.Equal(("nurse", StaffClient.ReviewerName), (entry.Author, entry.ReviewedBy));

        // Removing asks first; only the confirming POST removes it.
        var list = await admin.GetPageAsync("/staff/admin/curated");
        Assert.Contains("&lt;b&gt;spasmodic dysphonia&lt;/b&gt;", list, StringComparison.Ordinal);
        Assert.Contains($"href=\"/staff/admin/curated?remove={entry.Id}\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Remove", list, StringComparison.Ordinal);
        var confirm = await admin.GetPageAsync("/staff/admin/curated?remove=" + entry.Id);
        Assert.Contains("Remove this curated answer?", confirm, StringComparison.Ordinal);
        Assert.Single(await _factory.Services.GetRequiredService<ICuratedAnswers>().ListAsync(CancellationToken.None));
        using var removed = await admin.PostFormAsync("/staff/admin/curated?handler=Remove", confirm, new() { ["id"] = entry.Id }, form: 1);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty(await _factory.Services.GetRequiredService<ICuratedAnswers>().ListAsync(CancellationToken.None));
        Assert.DoesNotContain("spasmodic dysphonia", await AskTheBotAsync("does dystonia affect the voice?"), StringComparison.Ordinal);

        var audit = await _factory.Services.GetRequiredService<ITicketStore>().ListAuditAsync(50, CancellationToken.None);
        Assert.Contains(audit, e => e.Actor == "admin" && e.Action == "submit-answer" && e.Target.StartsWith(ticket.Reference, StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Actor == StaffClient.ReviewerName && e.Action == "approve-answer" && e.Target.StartsWith(ticket.Reference, StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Actor == StaffClient.ReviewerName && e.Action == "promote-answer" && e.Target.StartsWith(ticket.Reference, StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Actor == "admin" && e.Action == "remove-answer" && e.Target == entry.Id);
        Assert.DoesNotContain(audit, e => e.Action == "approve-answer" && e.Actor == "admin");
        Assert.Contains("approve-answer", await admin.GetPageAsync("/staff/admin/audit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASentBackAnswer_ShouldShowItsNoteToItsAuthor_AndBeSubmittedAgain()
    {
        var ticket = await AnsweredAsync("Is botox safe for a child?", "It can be used in children; ask a paediatric neurologist.");
        var admin = await StaffClient.SignInAsync(_factory, StaffClient.AdminName, StaffClient.AdminPassword);
        var form = await admin.GetPageAsync("/staff/admin/promote/" + ticket.Reference);
        using var submitted = await admin.PostFormAsync("/staff/admin/promote/" + ticket.Reference, form,
            new() { ["Question"] = "Is botulinum toxin used in children?", ["Answer"] = "It can be used in children; ask a paediatric neurologist." });
        var id = Assert.Single(await _factory.Services.GetRequiredService<ICuratedSubmissionStore>().ListSubmissionsAsync(10, CancellationToken.None)).Id;

        var lee = await StaffClient.SignInAsync(_factory, StaffClient.ReviewerName, StaffClient.ReviewerPassword);
        using var sentBack = await lee.PostFormAsync("/staff/admin/curated?handler=SendBack", await lee.GetPageAsync("/staff/admin/curated"),
            new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["note"] = "Say from which age." }, form: 2);
        Assert.Equal(HttpStatusCode.Redirect, sentBack.StatusCode);

        var again = await admin.GetPageAsync("/staff/admin/promote/" + ticket.Reference);
        Assert.Contains("Sent back by lee: Say from which age.", again, StringComparison.Ordinal);
        Assert.Contains("Is botulinum toxin used in children?", again, StringComparison.Ordinal);
        using var resubmitted = await admin.PostFormAsync("/staff/admin/promote/" + ticket.Reference, again,
            new() { ["Question"] = "Is botulinum toxin used in children?", ["Answer"] = "It can be used from the age of two; ask a paediatric neurologist." });
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);
        var pending = Assert.Single(await _factory.Services.GetRequiredService<ICuratedSubmissionStore>().ListSubmissionsAsync(10, CancellationToken.None));
        Assert.Equal((CuratedSubmissionStatus.Pending, "It can be used from the age of two; ask a paediatric neurologist."), (pending.Status, pending.Answer));
        var audit = await _factory.Services.GetRequiredService<ITicketStore>().ListAuditAsync(50, CancellationToken.None);
        Assert.Contains(audit, e => e.Actor == StaffClient.ReviewerName && e.Action == "send-back-answer" && e.Target.StartsWith(ticket.Reference, StringComparison.Ordinal));
    }
}
