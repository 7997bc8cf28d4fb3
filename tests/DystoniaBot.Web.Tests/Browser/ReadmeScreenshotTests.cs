using Microsoft.Playwright;
using static DystoniaBot.Web.Tests.Browser.WebChatPage;

namespace DystoniaBot.Web.Tests.Browser;

/// <summary>
/// The README's picture of the bot, taken from the real page in a fixed state (a 1024×888 light screen, one question
/// and its answer, nothing focused, no caret or animation), so it shows the page as it is and changes only when the
/// page does.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ReadmeScreenshotTests(BrowserFixture browser)
{
    private const string ReadmeImage = "docs/screenshot.png";

    [Fact]
    public async Task ReadmeScreenshot_ShouldShowAQuestionAndItsAnswerWithTheSource()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(Testing.RepositoryPaths.Root, "README.md"));
        Assert.Contains($"]({ReadmeImage})", readme, StringComparison.Ordinal);

        await using var context = await browser.NewBrowserAsync(new ViewportSize { Width = 1024, Height = 888 });
        var tab = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        await tab.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light, ReducedMotion = ReducedMotion.Reduce });
        var page = await OpenAsync(context, browser.BaseAddress);
        await AskAsync(page, "is there a cure?");
        await Expect(page.Locator(BotText).Filter(new() { HasText = "no cure" })).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await Expect(page.Locator(Transcript + " .webchat__link-definitions").Last).ToContainTextAsync("CCM Health");
        await Expect(page.Locator(Transcript + " .ac-adaptiveCard").Last).ToContainTextAsync("Helpful");
        await Expect(page.GetByText("Connecting", new() { Exact = false })).ToHaveCountAsync(0, new() { Timeout = (float)Patience.TotalMilliseconds });
        Assert.Empty(await LayoutProblemsAsync(page));

        // The same frame every time: the transcript scrolled to its end (the question, its answer and the card fill it at
        // this size), nothing focused.
        await page.EvaluateAsync("""
            () => {
              document.activeElement.blur();
              const scroller = document.querySelector('.webchat__basic-transcript__scrollable');
              scroller.scrollTop = scroller.scrollHeight;
            }
            """);
        await page.WaitForFunctionAsync("""
            () => {
              const scroller = document.querySelector('.webchat__basic-transcript__scrollable');
              const question = document.querySelector('.webchat__bubble--from-user').getBoundingClientRect();
              return scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1 && question.top >= scroller.getBoundingClientRect().top;
            }
            """);

        var screenshot = await page.ScreenshotAsync(new() { Animations = ScreenshotAnimations.Disabled, Caret = ScreenshotCaret.Hide });

        // Rounded corners may fall a fraction of a pixel apart from one run to the next: the file is replaced only when
        // the picture has changed, so the repository doesn't change with every test run.
        var path = Path.Combine(Testing.RepositoryPaths.Root, ReadmeImage);
        if (!File.Exists(path) || await ChangedPixelsAsync(context, await File.ReadAllBytesAsync(path), screenshot) > 0)
        {
            await File.WriteAllBytesAsync(path, screenshot);
        }
    }

    /// <summary>How many pixels of two PNG pictures differ by more than antialiasing does (compared in a blank tab).</summary>
    private static async Task<int> ChangedPixelsAsync(IBrowserContext context, byte[] before, byte[] after)
    {
        var blank = await context.NewPageAsync();
        return await blank.EvaluateAsync<int>("""
            async ([before, after]) => {
              const load = base64 => new Promise((resolve, reject) => {
                const image = new Image();
                image.onload = () => resolve(image);
                image.onerror = reject;
                image.src = 'data:image/png;base64,' + base64;
              });
              const pixels = image => {
                const canvas = document.createElement('canvas');
                canvas.width = image.width;
                canvas.height = image.height;
                const drawing = canvas.getContext('2d');
                drawing.drawImage(image, 0, 0);
                return drawing.getImageData(0, 0, image.width, image.height).data;
              };
              const [a, b] = [await load(before), await load(after)];
              if (a.width !== b.width || a.height !== b.height) { return a.width * a.height; }
              const [pa, pb] = [pixels(a), pixels(b)];
              let changed = 0;
              for (let i = 0; i < pa.length; i += 4) {
                if (Math.abs(pa[i] - pb[i]) > 16 || Math.abs(pa[i + 1] - pb[i + 1]) > 16 || Math.abs(pa[i + 2] - pb[i + 2]) > 16) { changed++; }
              }
              return changed;
            }
            """, new[] { Convert.ToBase64String(before), Convert.ToBase64String(after) });
    }
}
