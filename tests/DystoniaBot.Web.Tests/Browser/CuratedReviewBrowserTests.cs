using DystoniaBot.Handoff;
using DystoniaBot.Web.Tests.Staff;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static DystoniaBot.Web.Tests.Browser.WebChatPage;

namespace DystoniaBot.Web.Tests.Browser;

/// <summary>Submitting a staff reply as a curated answer, in Chromium: what looks personal is pointed out, and the submission waits for someone else.</summary>
[Collection(BrowserTests.Name)]
public sealed class CuratedReviewBrowserTests
{
    private readonly BrowserFixture _browser;

    public CuratedReviewBrowserTests(BrowserFixture browser) => _browser = browser;

    [Fact]
    public async Task Admin_ShouldSeeWhatLooksPersonal_EditIt_AndFindTheSubmissionWaitingForAnotherReviewer()
    {
        var ticket = await StaffTickets.CreateAsync(_browser.Host, "My husband's neck pulls to one side; can botox help him?");
        await _browser.Host.Services.GetRequiredService<TicketDesk>().AnswerAsync(ticket.Reference,
            "Dear Margaret, thank you for your question.\n\nBotulinum toxin injections help most people with cervical dystonia; your husband's neurologist can tell whether they suit him.\n\nBest wishes,\nNurse Ada",
            StaffClient.NurseName, CancellationToken.None);
        await using var staff = await _browser.NewBrowserAsync();
        var page = await staff.NewPageAsync();
        await page.GotoAsync(new Uri(_browser.BaseAddress, "staff/login").ToString());
        await page.GetByLabel("Name").FillAsync(StaffClient.AdminName);
        await page.GetByLabel("Password").FillAsync(StaffClient.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GotoAsync(new Uri(_browser.BaseAddress, "staff/questions/" + ticket.Reference).ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Submit as a curated answer…" }).ClickAsync();
        var flags = page.Locator(".flags");
        await Expect(flags).ToContainTextAsync("Dear Margaret,");
        await Expect(flags).ToContainTextAsync("your husband");
        await Expect(flags).ToContainTextAsync("Best wishes,");
        await ScreenshotAsync(page, "staff-curated-flags");

        await page.GetByLabel("Question").FillAsync("Can botulinum toxin help cervical dystonia?");
        await page.GetByLabel("Answer").FillAsync("Botulinum toxin injections help most people with cervical dystonia; a neurologist can tell whether they suit someone.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Another staff member must approve it");
        await Expect(page.GetByText("You submitted this, so another staff member must approve it.")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "staff-curated-pending");
    }
}
