using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace DystoniaBot.Benchmarks;

/// <summary>
/// How soon a visitor sees the welcome: loads the bot's page in Chromium again and again and times, from the start of
/// the navigation, the moment the welcome's words are painted, for first visits (a new profile each time: nothing
/// cached) and for visits with the page's files cached (a new conversation each time, so the welcome is new too).
/// Each load is also timed at the steps on the way (the Web Chat bundle downloaded, the scripts run, the Direct Line
/// token received), which say where the time goes.
/// </summary>
internal static class WelcomeTiming
{
    // Before the page's own scripts: when the welcome's text appears (read by the page before Web Chat has run, or
    // drawn by Web Chat), it is marked for the browser's Element Timing, which reports when the text is actually
    // painted (the time of insertion and the next frame are kept as fallbacks). When Web Chat itself has drawn it, the
    // chat is ready to type in: that moment is kept too.
    private const string Probe = """
        (() => {
          const timing = window.__welcome = { painted: null, inserted: null, frame: null, webChat: null, longTasks: [] };
          new PerformanceObserver(list => list.getEntries().forEach(e => timing.longTasks.push([e.startTime, e.duration])))
            .observe({ type: 'longtask', buffered: true });
          const inWebChat = () => [...document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__text-content')]
            .find(e => e.textContent.includes('DystoniaBot'));
          const welcome = () => [...document.querySelectorAll('.welcome-preview-bubble')].find(e => e.textContent.includes('DystoniaBot')) || inWebChat();
          const webChatObserver = new MutationObserver(() => {
            if (inWebChat()) { webChatObserver.disconnect(); timing.webChat = performance.now(); }
          });
          webChatObserver.observe(document, { childList: true, subtree: true, characterData: true });
          new PerformanceObserver(list => {
            for (const entry of list.getEntries()) {
              if (entry.identifier === 'welcome' && timing.painted === null) { timing.painted = entry.renderTime || entry.loadTime; }
            }
          }).observe({ type: 'element', buffered: true });
          const observer = new MutationObserver(() => {
            const content = welcome();
            if (!content) { return; }
            observer.disconnect();
            timing.inserted = performance.now();
            content.querySelectorAll('*').forEach(e => e.setAttribute('elementtiming', 'welcome'));
            content.setAttribute('elementtiming', 'welcome');
            requestAnimationFrame(now => { timing.frame = now; });
          });
          observer.observe(document, { childList: true, subtree: true, characterData: true });
        })();
        """;

    // Milliseconds from the navigation's start (performance.now()'s zero) to each step of one load.
    private const string Steps = """
        () => {
          const navigation = performance.getEntriesByType('navigation')[0];
          const resource = part => (performance.getEntriesByType('resource').find(r => r.name.includes(part)) || {}).responseEnd || null;
          const w = window.__welcome;
          const welcome = w.painted || w.frame || w.inserted;
          return {
            bundle: resource('/lib/botframework-webchat/webchat.js'),
            scripts: navigation.domContentLoadedEventEnd,
            token: resource('/api/directline/token'),
            welcome,
            webChat: w.webChat,
            afterScripts: welcome - navigation.domContentLoadedEventEnd,
            longTasks: w.longTasks.filter(([start]) => start < welcome).reduce((sum, [, duration]) => sum + duration, 0),
            paintTimed: w.painted !== null
          };
        }
        """;

    private static readonly string[] StepNames = ["bundle", "scripts", "token", "welcome", "webChat", "afterScripts", "longTasks"];

    private static readonly Dictionary<string, string> StepLabels = new()
    {
        ["bundle"] = "Web Chat bundle downloaded",
        ["scripts"] = "scripts run (DOMContentLoaded)",
        ["token"] = "Direct Line token received",
        ["welcome"] = "welcome painted",
        ["webChat"] = "Web Chat drew it (ready to type)",
        ["afterScripts"] = "(from the scripts run to the welcome)",
        ["longTasks"] = "(main thread in long tasks till then)",
    };

    public static async Task<int> RunAsync(Uri page, int loads)
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Console.WriteLine($"{page} in Chromium {browser.Version} (headless), {loads} loads of each kind, 1280x720");

        // One load of each kind first, not counted: the server's first requests start its caches and compile its code.
        await FirstVisitAsync(browser, page);

        var firstVisits = new List<JsonElement>();
        for (var i = 0; i < loads; i++)
        {
            firstVisits.Add(await FirstVisitAsync(browser, page));
        }

        var cached = new List<JsonElement>();
        await using (var context = await NewContextAsync(browser))
        {
            var tab = await context.NewPageAsync();
            await LoadAsync(tab, page);
            for (var i = 0; i < loads; i++)
            {
                // A new conversation (the page keeps the last one in localStorage), with the page's files in the cache.
                await tab.EvaluateAsync("() => localStorage.clear()");
                cached.Add(await LoadAsync(tab, page));
            }
        }

        Report("first visit (nothing cached)", firstVisits);
        Report("files cached (a new conversation)", cached);
        var unpainted = firstVisits.Concat(cached).Count(s => !s.GetProperty("paintTimed").GetBoolean());
        if (unpainted > 0)
        {
            Console.WriteLine($"({unpainted} loads had no paint time from Element Timing; the next frame after the welcome appeared was used)");
        }

        // Other work on the machine lengthens every figure here: say how busy it was.
        var load = File.Exists("/proc/loadavg") ? ", load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : string.Empty;
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}{load}");
        return 0;
    }

    private static async Task<IBrowserContext> NewContextAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 720 }, Locale = "en-US" });
        await context.AddInitScriptAsync(Probe);
        return context;
    }

    private static async Task<JsonElement> FirstVisitAsync(IBrowser browser, Uri page)
    {
        await using var context = await NewContextAsync(browser);
        return await LoadAsync(await context.NewPageAsync(), page);
    }

    private static async Task<JsonElement> LoadAsync(IPage tab, Uri page)
    {
        await tab.GotoAsync(page.ToString());
        await tab.WaitForFunctionAsync("() => window.__welcome && window.__welcome.webChat !== null && (window.__welcome.painted !== null || (window.__welcome.frame !== null && performance.now() - window.__welcome.frame > 500))",
            null, new() { Timeout = 30_000 });
        return await tab.EvaluateAsync<JsonElement>(Steps);
    }

    private static void Report(string kind, List<JsonElement> loads)
    {
        Console.WriteLine();
        Console.WriteLine($"{kind}, ms from navigation start        median     p95");
        foreach (var step in StepNames)
        {
            var values = loads.Select(l => l.GetProperty(step)).Where(v => v.ValueKind == JsonValueKind.Number).Select(v => v.GetDouble()).Order().ToArray();
            if (values.Length == 0)
            {
                Console.WriteLine($"  {StepLabels[step],-36} (not seen)");
                continue;
            }

            double Percentile(double p) => values[Math.Min(values.Length - 1, (int)Math.Ceiling(p * values.Length) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {StepLabels[step],-36} {Percentile(0.5),6:F0} {Percentile(0.95),7:F0}"));
        }
    }
}
