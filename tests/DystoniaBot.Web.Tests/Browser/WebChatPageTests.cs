using DystoniaBot.Conversation.Persistence;
using DystoniaBot.Handoff;
using DystoniaBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static DystoniaBot.Web.Tests.Browser.WebChatPage;

namespace DystoniaBot.Web.Tests.Browser;

/// <summary>
/// The bot's page in Chromium with the official Web Chat client, over our own Direct Line — what a visitor does.
/// Every test leaves a screenshot in artifacts/screenshots.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class WebChatPageTests
{
    private readonly BrowserFixture _browser;

    public WebChatPageTests(BrowserFixture browser) => _browser = browser;

    [Theory]
    [InlineData("websocket", "")]
    [InlineData("polling", "?transport=polling")]
    public async Task Visitor_ShouldBeWelcomed_ThenGetTheAnswerWithItsSource(string transport, string query)
    {
        await using var browser = await _browser.NewBrowserAsync();
        var page = await OpenAsync(browser, query);

        // The welcome is there before the visitor types anything.
        await Expect(page.Locator(BotText).First).ToContainTextAsync("DystoniaBot");
        await AskAsync(page, "is there a cure?");

        var answer = page.Locator(BotText).Filter(new() { HasText = "no cure" });
        await Expect(answer).ToBeVisibleAsync();
        await Expect(answer).ToContainTextAsync("CCM Health");
        await Expect(answer).ToContainTextAsync("neurologist");
        await Expect(page.Locator(Transcript + " .ac-adaptiveCard").Last).ToContainTextAsync("Helpful");

        // The citation: a badge in the text and the reference below it, from the schema.org entity.
        await Expect(page.Locator(Transcript + " .webchat__link-definitions").Last).ToContainTextAsync("Dystonia");
        await AssertNoSendFailedAsync(page);
        await ScreenshotAsync(page, $"answer-{transport}");

        // Still online a moment later: the socket (or the polling) carries on, nothing reconnects or fails.
        await Task.Delay(TimeSpan.FromSeconds(2));
        await Expect(page.GetByText("Connecting", new() { Exact = false })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Welcome_ShouldShowBeforeWebChatHasRun_ThenOnceInWebChatsConversation()
    {
        await using var browser = await _browser.NewBrowserAsync();
        var page = await browser.NewPageAsync();

        // Web Chat's bundle held back, as a first visit's download and compile hold it back: the welcome can't wait for it.
        var bundle = new TaskCompletionSource();
        await page.RouteAsync("**/lib/botframework-webchat/webchat.js", async route =>
        {
            await bundle.Task;
            await route.ContinueAsync();
        });
        await page.GotoAsync(_browser.BaseAddress.ToString(), new() { WaitUntil = WaitUntilState.Commit });

        await Expect(page.Locator(".welcome-preview-bubble")).ToContainTextAsync("DystoniaBot. I answer");
        await Expect(page.Locator(Transcript)).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "welcome-before-web-chat");

        // Web Chat joins the conversation the page started: the same welcome, drawn once, and the preview gone.
        bundle.SetResult();
        await Expect(page.Locator(BotText).First).ToContainTextAsync("DystoniaBot. I answer");
        await Expect(page.Locator(".welcome-preview")).ToHaveCountAsync(0);
        await Expect(page.Locator(BotText).Filter(new() { HasText = "DystoniaBot. I answer" })).ToHaveCountAsync(1);
        await AskAsync(page, "is there a cure?");
        await Expect(page.Locator(BotText).Filter(new() { HasText = "no cure" })).ToBeVisibleAsync();
        await AssertNoSendFailedAsync(page);
    }

    [Fact]
    public async Task SuggestedFollowUp_ShouldBeAnswered_WhenClicked()
    {
        await using var browser = await _browser.NewBrowserAsync();
        var page = await OpenAsync(browser);
        await AskAsync(page, "what is dystonia?");
        await Expect(page.Locator(BotText).Nth(1)).ToBeVisibleAsync();
        var before = await page.Locator(BotText).CountAsync();

        var followUp = page.Locator(".webchat__suggested-action").First;
        var question = (await followUp.InnerTextAsync()).Trim();
        await followUp.ClickAsync();

        await Expect(page.Locator(BotText)).ToHaveCountAsync(before + 1, new() { Timeout = (float)Patience.TotalMilliseconds });
        await Expect(page.Locator(Transcript + " .webchat__bubble--from-user").Last).ToContainTextAsync(question);
        await AssertNoSendFailedAsync(page);
        await ScreenshotAsync(page, "follow-up");
    }

    [Fact]
    public async Task FeedbackClick_ShouldBeStored()
    {
        await using var browser = await _browser.NewBrowserAsync();
        var page = await OpenAsync(browser);
        await AskAsync(page, "how is dystonia treated?");
        var card = page.Locator(Transcript + " .ac-adaptiveCard").Last;
        await Expect(card).ToBeVisibleAsync();

        await card.GetByRole(AriaRole.Button, new() { Name = "Helpful", Exact = true }).ClickAsync();

        await Expect(page.Locator(BotText).Filter(new() { HasText = "Thank you for your feedback" })).ToBeVisibleAsync();
        var stored = await _browser.Host.Services.GetRequiredService<IFeedbackStore>().ListAsync(50, CancellationToken.None);
        Assert.Contains(stored, f => f.Helpful && f.Question == "how is dystonia treated?" && f.PassageId is not null);
        await ScreenshotAsync(page, "feedback");
    }

    [Fact]
    public async Task Reload_ShouldResumeTheSameConversation()
    {
        await using var browser = await _browser.NewBrowserAsync();
        var page = await OpenAsync(browser);
        await AskAsync(page, "is dystonia hereditary?");
        await Expect(page.Locator(BotText).Nth(1)).ToBeVisibleAsync();
        var conversation = await StoredConversationAsync(page);

        await page.ReloadAsync();
        await Expect(page.Locator(Transcript + " .webchat__bubble--from-user").First).ToContainTextAsync("is dystonia hereditary?", new() { Timeout = (float)Patience.TotalMilliseconds });
        Assert.Equal(conversation, await StoredConversationAsync(page));
        await AskAsync(page, "is there a cure?");
        await Expect(page.Locator(BotText).Filter(new() { HasText = "no cure" })).ToBeVisibleAsync();

        // One welcome only: the reload reconnected rather than started again.
        await Expect(page.Locator(BotText).Filter(new() { HasText = "I answer questions about dystonia" })).ToHaveCountAsync(1);
        await AssertNoSendFailedAsync(page);
        await ScreenshotAsync(page, "reload");
    }

    [Fact]
    public async Task RedFlag_ShouldShowOnlyTheEmergencyReply()
    {
        await using var browser = await _browser.NewBrowserAsync();
        var page = await OpenAsync(browser);
        await Expect(page.Locator(BotText).First).ToBeVisibleAsync();
        var cards = await page.Locator(Transcript + " .ac-adaptiveCard").CountAsync();

        await AskAsync(page, "my husband suddenly can't breathe and his lips are blue");

        var reply = page.Locator(BotText).Nth(1);
        await Expect(reply).ToContainTextAsync("emergency");
        await Expect(reply).ToContainTextAsync("911");
        await Expect(reply).Not.ToContainTextAsync("CCM Health");
        Assert.Equal(cards, await page.Locator(Transcript + " .ac-adaptiveCard").CountAsync());

        // An alert, told apart by more than colour, with the number one tap away.
        await Expect(reply.Locator("a[href='tel:911']")).ToHaveCountAsync(1);
        await Expect(page.Locator(Transcript + " .dystoniabot-emergency [role=alert]")).ToContainTextAsync("911");
        await ScreenshotAsync(page, "red-flag");
    }

    [Fact]
    public async Task ALongMessage_ShouldBeRefusedBeforeSending_WithTheReason_AndTheTextKept()
    {
        await using var browser = await _browser.NewBrowserAsync();
        var page = await OpenAsync(browser);
        await Expect(page.Locator(BotText).First).ToBeVisibleAsync();
        var box = page.GetByRole(AriaRole.Textbox, new() { Name = "Message input box" });

        // Near the limit the page says how long the message is; past it, that it is too long.
        await box.FillAsync(new string('a', 1700));
        await Expect(page.Locator("#length-hint")).ToContainTextAsync("1,700 of 2,000 characters");
        var tooLong = "My neck has been pulling for years. " + new string('x', 2100);
        await box.FillAsync(tooLong);
        await Expect(page.Locator("#length-hint")).ToContainTextAsync("too long to send");
        await box.PressAsync("Enter");

        await Expect(page.Locator("#status")).ToContainTextAsync("I can read up to 2,000");
        await Expect(box).ToHaveValueAsync(tooLong);
        await Expect(page.Locator(Transcript + " .webchat__bubble--from-user")).ToHaveCountAsync(0);
        await AssertNoSendFailedAsync(page);
        await ScreenshotAsync(page, "long-message");
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Page_ShouldHaveNoSeriousAccessibilityViolations_OnAPhone(string theme)
    {
        // axe is injected as a script the page's Content-Security-Policy rightly refuses: this browser bypasses it.
        await using var browser = await _browser.NewBrowserAsync(new ViewportSize { Width = 375, Height = 667 }, bypassContentSecurityPolicy: true);
        var tab = browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();
        await tab.EmulateMediaAsync(new() { ColorScheme = theme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        var page = await OpenAsync(browser);
        await AskAsync(page, "is there a cure?");
        await Expect(page.Locator(BotText).Filter(new() { HasText = "no cure" })).ToBeVisibleAsync();

        var violations = await SeriousAccessibilityViolationsAsync(page);
        var noHorizontalScroll = await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth");
        await ScreenshotAsync(page, theme == "dark" ? "phone-dark" : "phone");

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.True(noHorizontalScroll, "the page scrolls sideways on a phone");
        await Expect(page.Locator("footer")).ToContainTextAsync("CCM Health");
        await Expect(page.GetByText("not medical advice", new() { Exact = false }).First).ToBeVisibleAsync();
    }

    private Task<IPage> OpenAsync(IBrowserContext browser, string query = "") => WebChatPage.OpenAsync(browser, _browser.BaseAddress, query);
}

/// <summary>One host and one Playwright for all browser tests; they run one after another (2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
