using Microsoft.Playwright;

namespace DystoniaBot.Web.Tests.Browser;

/// <summary>
/// The real host on a Kestrel port of 127.0.0.1 and Debian's Chromium driven by Playwright, shared by a test class;
/// each test gets a fresh browser profile.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private const string DefaultChromium = "/usr/bin/chromium";
    private readonly List<string> _profiles = [];
    private IPlaywright? _playwright;

    public BotFactory Host { get; private set; } = null!;

    /// <summary>The page's address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await CreateHostAsync();
        BaseAddress = Host.StartLive();
        _playwright = await Playwright.CreateAsync();
    }

    /// <summary>A new browser with its own empty profile (no stored conversation), showing the page as <paramref name="screen"/> does.</summary>
    public Task<IBrowserContext> NewBrowserAsync(Screen screen, bool bypassContentSecurityPolicy = false)
    {
        ArgumentNullException.ThrowIfNull(screen);
        return NewBrowserAsync(new ViewportSize { Width = screen.Width, Height = screen.Height }, bypassContentSecurityPolicy, screen.DeviceScaleFactor, screen.IsPhone);
    }

    /// <summary>A new browser with its own empty profile (no stored conversation), on <paramref name="viewport"/>.</summary>
    public async Task<IBrowserContext> NewBrowserAsync(ViewportSize? viewport = null, bool bypassContentSecurityPolicy = false, float deviceScaleFactor = 1,
        bool isPhone = false)
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? DefaultChromium;
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium is not installed at {chromium}: run the test command in README (it installs it) or set CHROMIUM_PATH.");
        }

        var profile = Directory.CreateTempSubdirectory("dystoniabot-chromium-").FullName;
        _profiles.Add(profile);
        return await _playwright!.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                .. BrowserArguments],
            ViewportSize = viewport ?? new ViewportSize { Width = 1024, Height = 800 },
            Locale = "en-US",
            BypassCSP = bypassContentSecurityPolicy,
            DeviceScaleFactor = deviceScaleFactor,
            IsMobile = isPhone,
            HasTouch = isPhone,
        });
    }

    /// <summary>More of Chromium's command-line arguments.</summary>
    protected virtual IReadOnlyList<string> BrowserArguments => [];

    /// <summary>The host the browsers visit, not yet started.</summary>
    // With the test staff accounts, so a second browser can answer in the staff console.
    protected virtual Task<BotFactory> CreateHostAsync() => Task.FromResult(BotFactory.CreateLive(Staff.StaffClient.Settings()));

    public virtual async Task DisposeAsync()
    {
        _playwright?.Dispose();
        await Host.DisposeAsync();
        foreach (var profile in _profiles)
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still be writing its profile as it exits; the temp folder is cleaned eventually.
            }
        }
    }
}
