using Microsoft.Playwright;
using static DystoniaBot.Web.Tests.Browser.WebChatPage;

namespace DystoniaBot.Web.Tests.Browser;

/// <summary>
/// The page at 200% and 400% zoom and on a phone both ways round, measured by its elements' boxes: the send box and
/// the newest reply's first line in view, nothing drawn over the chat, a transcript that is more than a sliver, and no
/// serious accessibility violation. Each state leaves a screenshot of what the screen shows in artifacts/screenshots.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class PageLayoutTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("zoom-200")]
    [InlineData("zoom-400")]
    [InlineData("phone-portrait")]
    [InlineData("phone-landscape")]
    public async Task Chat_ShouldKeepTheSendBoxAndTheNewestReplyInView_AndNothingOverIt(string screenName)
    {
        var screen = Screen.All[screenName];
        await using var context = await browser.NewBrowserAsync(screen, bypassContentSecurityPolicy: true);
        var page = await OpenAsync(context, browser.BaseAddress);

        await Expect(page.Locator(BotText).First).ToContainTextAsync("DystoniaBot");
        await Expect(page.GetByText("Connecting", new() { Exact = false })).ToHaveCountAsync(0, new() { Timeout = (float)Patience.TotalMilliseconds });
        AssertLaidOut(await LayoutProblemsAsync(page), screen, "with the welcome");
        await ScreenshotAsync(page, $"layout-{screen.Name}-welcome", fullPage: false);

        await AskAsync(page, "is there a cure?");
        await Expect(page.Locator(BotText).Filter(new() { HasText = "no cure" })).ToHaveCountAsync(1, new() { Timeout = (float)Patience.TotalMilliseconds });
        AssertLaidOut(await LayoutProblemsAsync(page), screen, "with an answer");
        await ScreenshotAsync(page, $"layout-{screen.Name}-answer", fullPage: false);

        var violations = await SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task ALongAnswer_ShouldArriveWithItsFirstLineInView_OnAPhone()
    {
        await using var context = await browser.NewBrowserAsync(Screen.PhonePortrait);
        var page = await OpenAsync(context, browser.BaseAddress);
        await AskAsync(page, "is there a cure?");
        var card = page.Locator(Transcript + " .ac-adaptiveCard").Last;
        await Expect(card).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        AssertLaidOut(await LayoutProblemsAsync(page), Screen.PhonePortrait, "with a short answer");

        // The whole paragraph is taller than the transcript: Web Chat's habit of sticking to the bottom would leave only
        // its end and its card's buttons in view.
        await card.GetByRole(AriaRole.Button, new() { Name = "Read the full paragraph" }).ClickAsync();
        var paragraph = page.Locator(BotText).Filter(new() { HasText = "botulinum" });
        await Expect(paragraph).ToHaveCountAsync(1, new() { Timeout = (float)Patience.TotalMilliseconds });
        var tallerThanTheTranscript = await page.EvaluateAsync<bool>("""
            () => {
              const bubbles = [...document.querySelectorAll('.webchat__basic-transcript__activity')];
              return bubbles[bubbles.length - 1].getBoundingClientRect().height > document.querySelector('.webchat__basic-transcript').getBoundingClientRect().height;
            }
            """);

        AssertLaidOut(await LayoutProblemsAsync(page), Screen.PhonePortrait, "with a long answer");
        Assert.True(tallerThanTheTranscript, "the long answer fits the transcript, so this test shows nothing about scrolling");
        await ScreenshotAsync(page, "layout-phone-portrait-long-answer", fullPage: false);
    }

    [Fact]
    public async Task ANewReply_ShouldBeBroughtIntoView_WhenTheTranscriptCameToRestAboveIt()
    {
        // At 400% zoom the transcript is a few lines tall, and Web Chat scrolls a page at a time past what the visitor
        // has seen: a busy device can leave it at rest above the reply. Moving it to the top without a visitor's
        // gesture stands for that.
        await using var context = await browser.NewBrowserAsync(Screen.Zoom400);
        var page = await OpenAsync(context, browser.BaseAddress);
        await Expect(page.GetByText("Connecting", new() { Exact = false })).ToHaveCountAsync(0, new() { Timeout = (float)Patience.TotalMilliseconds });
        await AskAsync(page, "is there a cure?");
        await Expect(page.Locator(BotText).Filter(new() { HasText = "no cure" })).ToHaveCountAsync(1, new() { Timeout = (float)Patience.TotalMilliseconds });
        await page.EvaluateAsync("() => { document.querySelector('.webchat__basic-transcript__scrollable').scrollTop = 0; }");

        AssertLaidOut(await LayoutProblemsAsync(page), Screen.Zoom400, "after the transcript came to rest above the reply");
    }

    private static void AssertLaidOut(IReadOnlyList<string> problems, Screen screen, string state) =>
        Assert.True(problems.Count == 0, $"On {screen.Name} ({screen.Width}x{screen.Height}) {state}:\n" + string.Join("\n", problems));
}
