using Microsoft.Playwright;

namespace DystoniaBot.Web.Tests.Browser;

/// <summary>What a visitor does on the bot's page, and what the tests look for in Web Chat's transcript.</summary>
internal static class WebChatPage
{
    public const string Transcript = "section.webchat__basic-transcript__transcript";
    public const string BotText = Transcript + " .webchat__bubble:not(.webchat__bubble--from-user) .webchat__text-content";
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static async Task<IPage> OpenAsync(IBrowserContext browser, Uri baseAddress, string query = "")
    {
        var page = browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, query).ToString());
        await Expect(page.Locator(Transcript)).ToBeVisibleAsync();
        return page;
    }

    public static async Task AskAsync(IPage page, string question)
    {
        var box = page.GetByRole(AriaRole.Textbox, new() { Name = "Message input box" });
        await box.FillAsync(question);
        await box.PressAsync("Enter");
        await Expect(page.Locator(Transcript + " .webchat__bubble--from-user").Filter(new() { HasText = question }).Last).ToBeVisibleAsync();
    }

    public static async Task<string?> StoredConversationAsync(IPage page) =>
        await page.EvaluateAsync<string?>("() => JSON.parse(localStorage.getItem('dystoniabot.conversation') || '{}').conversationId || null");

    public static async Task AssertNoSendFailedAsync(IPage page) =>
        await Expect(page.GetByText("Send failed", new() { Exact = false })).ToHaveCountAsync(0);

    public static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(Testing.RepositoryPaths.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
