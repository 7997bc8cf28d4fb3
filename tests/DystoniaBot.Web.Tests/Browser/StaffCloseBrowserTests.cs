using DystoniaBot.Web.Tests.Staff;
using Microsoft.Playwright;
using static DystoniaBot.Web.Tests.Browser.WebChatPage;

namespace DystoniaBot.Web.Tests.Browser;

/// <summary>Closing questions in the console as staff do it, in Chromium: one with a reason and a confirmation, and junk ticked in the queue.</summary>
[Collection(BrowserTests.Name)]
public sealed class StaffCloseBrowserTests
{
    private readonly BrowserFixture _browser;

    public StaffCloseBrowserTests(BrowserFixture browser) => _browser = browser;

    [Fact]
    public async Task Staff_ShouldChooseAReason_SeeTheMessage_AndConfirm_ThenCloseJunkFromTheQueue()
    {
        var question = await StaffTickets.CreateAsync(_browser.Host, "What is the best tax software?");
        var junk = new[] { await StaffTickets.CreateAsync(_browser.Host, "WIN A PRIZE click here"), await StaffTickets.CreateAsync(_browser.Host, "cheap pills cheap pills") };
        // axe is injected as a script the console's Content-Security-Policy rightly refuses: this browser bypasses it.
        await using var staff = await _browser.NewBrowserAsync(bypassContentSecurityPolicy: true);
        var page = await staff.NewPageAsync();
        await page.GotoAsync(new Uri(_browser.BaseAddress, "staff/login").ToString());
        await page.GetByLabel("Name").FillAsync(StaffClient.NurseName);
        await page.GetByLabel("Password").FillAsync(StaffClient.NursePassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GotoAsync(new Uri(_browser.BaseAddress, "staff/questions/" + question.Reference).ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Close without answering…" }).ClickAsync();
        await page.GetByLabel("Not a question about dystonia").CheckAsync();
        await page.GetByLabel("A note for the user", new() { Exact = false }).FillAsync("A tax adviser can help with that.");
        await ScreenshotAsync(page, "staff-close-reason");
        Assert.Empty(await SeriousAccessibilityViolationsAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Close it?" })).ToBeVisibleAsync();
        await Expect(page.Locator("blockquote.preview")).ToContainTextAsync("A tax adviser can help with that.");
        await ScreenshotAsync(page, "staff-close-confirm");
        Assert.Empty(await SeriousAccessibilityViolationsAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, close it" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"Closed {question.Reference}: not a question about dystonia.");
        await Expect(page.Locator("dl.facts").Last).ToContainTextAsync("Not a question about dystonia");
        await ScreenshotAsync(page, "staff-closed");

        await page.GotoAsync(new Uri(_browser.BaseAddress, "staff?sort=newest").ToString());
        foreach (var ticket in junk)
        {
            await page.GetByLabel("Choose " + ticket.Reference).CheckAsync();
        }

        await ScreenshotAsync(page, "staff-queue-chosen");
        Assert.Empty(await SeriousAccessibilityViolationsAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the chosen as spam…" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Close these 2 questions?" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, close 2 questions" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Closed 2 questions: spam or abuse (no message is sent).");
        await ScreenshotAsync(page, "staff-queue-closed");
    }

    private static async Task<List<string>> SeriousAccessibilityViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "axe.min.js") });
        var result = await page.EvaluateAsync<System.Text.Json.JsonElement>("""
            async () => {
              const r = await axe.run(document, { resultTypes: ['violations'] });
              return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ') + ')');
            }
            """);
        return [.. result.EnumerateArray().Select(v => v.GetString()!)];
    }
}
