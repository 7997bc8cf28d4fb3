using System.Text.Json;
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

    /// <summary>Saves a screenshot in artifacts/screenshots: the whole page, or only what the viewport shows.</summary>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        var folder = Path.Combine(Testing.RepositoryPaths.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = fullPage });
    }

    /// <summary>
    /// axe's serious and critical violations on the page as it is now, one line each. The browser must bypass the
    /// page's Content-Security-Policy, which rightly refuses the injected script.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "axe.min.js") });
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const r = await axe.run(document, { resultTypes: ['violations'] });
              return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ') + ')');
            }
            """);
        return [.. result.EnumerateArray().Select(v => v.GetString() ?? string.Empty)];
    }

    // What a visitor must see whatever the screen, measured on the elements' boxes in CSS pixels: the send box whole
    // inside the viewport; the first line of the bot's newest message inside both the viewport and the transcript's
    // box; the transcript a real part of the screen, not a sliver; the suggested questions in view; the page's own
    // header, disclaimer, tools and footer drawn over none of them; no sideways scrolling. Returns what is wrong.
    private const string LayoutProblemsScript = """
        () => {
          const problems = [];
          const viewport = { top: 0, left: 0, bottom: innerHeight, right: innerWidth };
          const box = element => element.getBoundingClientRect();
          const text = r => `${Math.round(r.left)},${Math.round(r.top)} to ${Math.round(r.right)},${Math.round(r.bottom)}`;
          const overlap = (a, b) => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
          const inside = (r, outer) => r.top >= outer.top - 0.5 && r.bottom <= outer.bottom + 0.5 && r.left >= outer.left - 0.5 && r.right <= outer.right + 0.5;
          const transcriptElement = document.querySelector('.webchat__basic-transcript');
          const sendBoxElement = document.querySelector('.webchat__send-box__main');
          if (!transcriptElement || !sendBoxElement) { return ['Web Chat is not on the page']; }
          const transcript = box(transcriptElement);
          const sendBox = box(sendBoxElement);
          const seen = { top: Math.max(transcript.top, 0), bottom: Math.min(transcript.bottom, innerHeight) };

          if (!inside(sendBox, viewport)) { problems.push(`the send box (${text(sendBox)}) is not inside the ${innerWidth}x${innerHeight} viewport`); }
          if (seen.bottom - seen.top < innerHeight / 4) { problems.push(`only ${Math.round(Math.max(0, seen.bottom - seen.top))} px of the transcript (${text(transcript)}) are on a ${innerHeight} px screen`); }

          const botActivities = [...document.querySelectorAll('.webchat__basic-transcript__activity')]
            .filter(a => a.querySelector('.webchat__bubble:not(.webchat__bubble--from-user)'));
          const newest = botActivities[botActivities.length - 1];
          if (!newest) { problems.push('no message from the bot'); }
          else {
            const first = box(newest.querySelector('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content'));
            const line = parseFloat(getComputedStyle(newest).lineHeight) || 20;
            if (first.top < seen.top - 1 || first.top + line > seen.bottom + 1) {
              problems.push(`the first line of the newest bot message (top ${Math.round(first.top)}) is not in view (the transcript shows ${Math.round(seen.top)} to ${Math.round(seen.bottom)})`);
            }
          }

          const suggested = document.querySelector('.webchat__suggested-actions__button');
          if (suggested && !inside(box(suggested), viewport)) { problems.push(`the first suggested question (${text(box(suggested))}) is not in view`); }

          const chat = [['the transcript', transcript], ['the send box', sendBox]];
          const actions = document.querySelector('.webchat__suggested-actions');
          if (actions) { chat.push(['the suggested questions', box(actions)]); }
          for (const selector of ['.site-header', '.disclaimer', '#status', '#length-hint', '#comeback', '#chat-tools', '.site-footer']) {
            const element = document.querySelector(selector);
            if (!element || element.getClientRects().length === 0) { continue; }
            for (const [name, r] of chat) {
              if (overlap(box(element), r) > 1) { problems.push(`${selector} (${text(box(element))}) overlaps ${name} (${text(r)})`); }
            }
          }

          if (document.scrollingElement.scrollWidth > innerWidth + 1) { problems.push(`the page scrolls sideways (${document.scrollingElement.scrollWidth} px wide)`); }
          return problems;
        }
        """;

    /// <summary>
    /// Waits until the layout is as a visitor needs it and has stayed so for half a second (Web Chat scrolls and lays
    /// out as replies arrive, and on a busy machine its scrolling can still be under way when a first check passes),
    /// then returns what is still wrong: nothing, or what was wrong when <see cref="Patience"/> ran out.
    /// </summary>
    public static async Task<IReadOnlyList<string>> LayoutProblemsAsync(IPage page)
    {
        await page.EvaluateAsync("() => { window.__layoutRightSince = undefined; }");
        try
        {
            await page.WaitForFunctionAsync($$"""
                () => {
                  const right = ({{LayoutProblemsScript}})().length === 0;
                  window.__layoutRightSince = right ? (window.__layoutRightSince ?? performance.now()) : undefined;
                  return right && performance.now() - window.__layoutRightSince >= 500;
                }
                """, null, new() { Timeout = (float)Patience.TotalMilliseconds });
        }
        catch (TimeoutException)
        {
            // Reported below, with what is wrong.
        }

        return await page.EvaluateAsync<string[]>(LayoutProblemsScript);
    }
}
