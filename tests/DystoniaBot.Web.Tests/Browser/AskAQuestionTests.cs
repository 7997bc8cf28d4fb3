using System.Text.RegularExpressions;
using DystoniaBot.Web.Tests.Staff;
using Microsoft.Playwright;
using static DystoniaBot.Web.Tests.Browser.WebChatPage;

namespace DystoniaBot.Web.Tests.Browser;

/// <summary>"Ask a question" in the real Web Chat client: a question the article can't answer reaches health-line staff,
/// who answer it in the staff console in another browser, and their answer appears in the visitor's chat.</summary>
[Collection(BrowserTests.Name)]
public sealed partial class AskAQuestionTests
{
    private const string Unanswerable = "Can dystonia affect my voice?";
    private readonly BrowserFixture _browser;

    public AskAQuestionTests(BrowserFixture browser) => _browser = browser;

    [Fact]
    public async Task Visitor_ShouldSendAnUnansweredQuestion_AndSeeTheStaffAnswerInTheChat()
    {
        await using var visitor = await _browser.NewBrowserAsync();
        var chat = await OpenAsync(visitor, _browser.BaseAddress);
        await AskAsync(chat, Unanswerable);

        // The bot doesn't know, says so, and offers to forward the question.
        await Expect(chat.Locator(BotText).Filter(new() { HasText = "neurologist" }).Last).ToBeVisibleAsync();
        await chat.Locator(".webchat__suggested-action").Filter(new() { HasText = "Ask a question" }).ClickAsync();

        // Consent: the exact question, who reads it, the emergency number.
        var consent = chat.Locator(BotText).Filter(new() { HasText = "health-line staff" }).Last;
        await Expect(consent).ToContainTextAsync(Unanswerable);
        await Expect(consent).ToContainTextAsync("911");
        await ScreenshotAsync(chat, "ask-a-question-consent");
        await chat.Locator(".webchat__suggested-action").Filter(new() { HasText = "Send it" }).ClickAsync();

        var sent = chat.Locator(BotText).Filter(new() { HasText = "Your reference is" }).Last;
        await Expect(sent).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        var reference = ReferencePattern().Match(await sent.InnerTextAsync()).Value;
        Assert.StartsWith("Q-", reference, StringComparison.Ordinal);

        await AnswerAsStaffAsync(reference, "Yes. When dystonia affects the muscles of the voice box it is called spasmodic dysphonia.");

        var answer = chat.Locator(BotText).Filter(new() { HasText = "Answer from our health-line staff" });
        await Expect(answer).ToContainTextAsync("spasmodic dysphonia", new() { Timeout = (float)Patience.TotalMilliseconds });
        await Expect(answer).ToContainTextAsync("neurologist");
        await Expect(chat.Locator(Transcript + " .ac-adaptiveCard").Last).ToContainTextAsync("Did this answer help?");
        await AssertNoSendFailedAsync(chat);
        await ScreenshotAsync(chat, "ask-a-question-answered");
    }

    /// <summary>A nurse signs in to the console in a browser of their own, finds the question in the queue and answers it.</summary>
    private async Task AnswerAsStaffAsync(string reference, string text)
    {
        await using var staff = await _browser.NewBrowserAsync();
        var console = await staff.NewPageAsync();
        await console.GotoAsync(new Uri(_browser.BaseAddress, "staff").ToString());
        await Expect(console.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await console.GetByLabel("Name").FillAsync(StaffClient.NurseName);
        await console.GetByLabel("Password").FillAsync(StaffClient.NursePassword);
        await console.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var row = console.GetByRole(AriaRole.Row).Filter(new() { HasText = reference });
        await Expect(row).ToContainTextAsync(Unanswerable);
        await ScreenshotAsync(console, "staff-queue");
        await row.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();

        await Expect(console.Locator("blockquote.question")).ToHaveTextAsync(Unanswerable);
        await console.GetByRole(AriaRole.Textbox, new() { Name = "Answer", Exact = false }).FillAsync(text);
        await console.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
        await Expect(console.Locator("blockquote.answer")).ToHaveTextAsync(text);
        await ScreenshotAsync(console, "staff-answered");
    }

    [GeneratedRegex(@"Q-[A-Z0-9]+")]
    private static partial Regex ReferencePattern();
}
