using DystoniaBot.BotFramework.Connector;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.Handoff;
using DystoniaBot.Web.Tests.DirectLine;
using DystoniaBot.Web.Tests.Staff;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static DystoniaBot.Web.Tests.Browser.WebChatPage;

namespace DystoniaBot.Web.Tests.Browser;

/// <summary>
/// The ticket page says when the answer reached the user's chat, without staff reloading it: a host whose delivery of
/// staff answers waits at a gate the test opens while the page is on screen.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class DeliveryStatusTests : IAsyncLifetime
{
    private readonly BrowserFixture _browser;
    private readonly GatedConnector _gate = new();
    private BotFactory _host = null!;
    private Uri _address = null!;

    public DeliveryStatusTests(BrowserFixture browser) => _browser = browser;

    public Task InitializeAsync()
    {
        _host = BotFactory.CreateLive(StaffClient.Settings(), services: services =>
        {
            // Our own seam: the Connector client, wrapped so staff answers wait for the test (the bot's replies don't).
            var real = services.Last(d => d.ServiceType == typeof(IConnectorClient));
            services.Remove(real);
            services.AddTransient<IConnectorClient>(provider => _gate.Around((IConnectorClient)real.ImplementationFactory!(provider)));
        });
        _address = _host.StartLive();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _gate.Open();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task TicketPage_ShouldShowTheAnswerSent_OnceDelivered_WithoutBeingReloaded()
    {
        using var http = new HttpClient { BaseAddress = _address };
        var chat = await DirectLineClient.VisitAsync(http);
        await chat.StartAsync();
        await chat.SayAsync("ask a specialist: can dystonia affect my voice?");
        await chat.SayAsync("Send it");
        var reference = Assert.Single(await _host.Services.GetRequiredService<ITicketStore>().ListForConversationAsync("directline/" + chat.ConversationId, 5, CancellationToken.None)).Reference;

        await using var staff = await _browser.NewBrowserAsync();
        var page = await SignInAsync(staff);
        await page.GotoAsync(new Uri(_address, "staff/questions/" + reference).ToString());
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Answer", Exact = false }).FillAsync("It can: that is called spasmodic dysphonia.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();

        var status = page.Locator("#delivery-status");
        await Expect(status).ToHaveTextAsync("Sending to the user's chat…");
        await Expect(status).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(status).ToHaveAttributeAsync("role", "status");
        await page.EvaluateAsync("() => { window.stillTheSamePage = true; }");
        await ScreenshotAsync(page, "staff-delivery-sending");

        _gate.Open();

        await Expect(status).ToHaveTextAsync("Sent to the user's chat ✓", new() { Timeout = (float)Patience.TotalMilliseconds });
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"));
        await Expect(status).ToHaveClassAsync("delivered");
        await ScreenshotAsync(page, "staff-delivery-sent");
        await StaffTickets.WaitForAnswerAsync(chat, "spasmodic dysphonia");
    }

    [Fact]
    public async Task TicketPage_ShouldShowAFailedDelivery_AndWhenItIsTriedAgain()
    {
        _gate.Open();
        var ticket = await StaffTickets.CreateAsync(_host, "Where is my answer?");
        await _host.Services.GetRequiredService<TicketDesk>().AnswerAsync(ticket.Reference, "Here.", StaffClient.NurseName, CancellationToken.None);
        await _host.Services.GetRequiredService<StaffAnswerDelivery>().DeliverDueAsync(CancellationToken.None);

        await using var staff = await _browser.NewBrowserAsync();
        var page = await SignInAsync(staff);
        await page.GotoAsync(new Uri(_address, "staff/questions/" + ticket.Reference).ToString());

        var status = page.Locator("#delivery-status");
        await Expect(status).ToContainTextAsync("Not delivered yet (1 failed try; last error: InvalidOperationException: no conversation reference is stored for the chat).");
        await Expect(status).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Next try at \d\d:\d\d:\d\d UTC\."));
        await Expect(status).ToHaveClassAsync("failed");
        await ScreenshotAsync(page, "staff-delivery-failed");
    }

    private async Task<IPage> SignInAsync(IBrowserContext browser)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(_address, "staff/login").ToString());
        await page.GetByLabel("Name").FillAsync(StaffClient.NurseName);
        await page.GetByLabel("Password").FillAsync(StaffClient.NursePassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Questions from users" })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Holds staff answers (and closing messages) back until opened; everything else goes straight through.</summary>
    private sealed class GatedConnector
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => _open.TrySetResult();

        public IConnectorClient Around(IConnectorClient inner) => new Gated(inner, _open.Task);

        private sealed class Gated(IConnectorClient inner, Task open) : IConnectorClient
        {
            public async Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
            {
                if (activity.Id?.StartsWith("staff-", StringComparison.Ordinal) == true)
                {
                    await open.WaitAsync(cancellationToken);
                }

                return await inner.SendAsync(activity, cancellationToken);
            }
        }
    }
}
