using DystoniaBot.Web.Staff;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static DystoniaBot.Web.Tests.Browser.WebChatPage;

namespace DystoniaBot.Web.Tests.Browser;

/// <summary>
/// Signing in to the staff console with Microsoft (OpenID Connect) in Chromium, against a local provider on another
/// site: its sign-in comes back as a cross-site form post, so the session cookie must be SameSite=Lax to be sent with
/// the console page that follows (a Strict one would send staff back to the sign-in page).
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class OpenIdSignInBrowserTests : IClassFixture<OpenIdSignInBrowserTests.OpenIdBrowserFixture>
{
    private readonly OpenIdBrowserFixture _browser;

    public OpenIdSignInBrowserTests(OpenIdBrowserFixture browser) => _browser = browser;

    [Fact]
    public async Task SigningInWithMicrosoft_ShouldComeBackAcrossSites_IntoTheConsole_WithALaxCookie()
    {
        await using var staff = await _browser.NewBrowserAsync();
        var page = await staff.NewPageAsync();
        await page.GotoAsync(new Uri(_browser.BaseAddress, "staff").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Microsoft" }).ClickAsync();

        // On the provider's site (localhost, not the console's 127.0.0.1), which posts the code back across sites.
        await page.WaitForURLAsync(url => url.StartsWith(_browser.Provider.Authority + "/authorize", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Questions from users" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Signed in as Nurse Entra")).ToBeVisibleAsync();
        Assert.Equal(1, _browser.Provider.Redeemed);
        var session = Assert.Single(await staff.CookiesAsync(), c => c.Name == "DystoniaBot.Staff");
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);
        Assert.True(session.HttpOnly);

        // The session holds: the console again, still signed in.
        await page.GotoAsync(new Uri(_browser.BaseAddress, "staff").ToString());
        await Expect(page.GetByText("Signed in as Nurse Entra")).ToBeVisibleAsync();
    }

    /// <summary>The browser fixture's host with Microsoft sign-in from a <see cref="FakeOpenIdProvider"/>.</summary>
    public sealed class OpenIdBrowserFixture : BrowserFixture
    {
        public FakeOpenIdProvider Provider { get; private set; } = null!;

        protected override async Task<BotFactory> CreateHostAsync()
        {
            Provider = await FakeOpenIdProvider.StartAsync("Nurse Entra", StaffRoles.Staff);

            // The bot's back channel (discovery, keys, code redemption) trusts the provider's certificate made for this run.
            return BotFactory.CreateLive(Provider.Settings(), services: services =>
                services.Configure<OpenIdConnectOptions>(StaffRoles.OpenIdConnectScheme, oidc => oidc.BackchannelHttpHandler = Provider.BackchannelHandler()));
        }

        protected override IReadOnlyList<string> BrowserArguments => [Provider.ChromiumTrustArgument()];

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            await Provider.DisposeAsync();
        }
    }
}
