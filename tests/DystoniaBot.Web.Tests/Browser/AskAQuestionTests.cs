using System.Text.RegularExpressions;
using DystoniaBot.Conversation.Handoff;
using DystoniaBot.Web.Handoff;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static DystoniaBot.Web.Tests.Browser.WebChatPage;

namespace DystoniaBot.Web.Tests.Browser;

/// <summary>"Ask a question" in the real Web Chat client: a question the article can't answer reaches health-line staff,
/// and their answer appears in the visitor's chat.</summary>
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

    private async Task AnswerAsStaffAsync(string reference, string text)
    {
        var desk = _browser.Host.Services.GetRequiredService<TicketDesk>();
        var (answered, problem) = await desk.AnswerAsync(reference, text, "Nurse Ada", CancellationToken.None);
        Assert.Null(problem);
        Assert.Equal(TicketStatus.Answered, answered!.Status);
    }

    [GeneratedRegex(@"Q-[A-Z0-9]+")]
    private static partial Regex ReferencePattern();
}
