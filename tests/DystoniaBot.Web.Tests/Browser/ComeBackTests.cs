using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DystoniaBot.Web.Tests.Staff;
using Microsoft.Playwright;
using static DystoniaBot.Web.Tests.Browser.WebChatPage;

namespace DystoniaBot.Web.Tests.Browser;

/// <summary>
/// A visitor who sends a question and leaves: the page keeps a resume secret, so after every token has expired the same
/// browser (or another device, with the link shown once) finds the staff answer in the transcript; nobody else does;
/// "Forget this conversation" ends it for good.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed partial class ComeBackTests(BrowserFixture browser)
{
    private const string Unanswerable = "Can dystonia affect my voice?";
    private const string StaffAnswer = "Yes: when dystonia affects the voice box it is called spasmodic dysphonia.";

    [Fact]
    public async Task AVisitorWhoLeft_ShouldFindTheStaffAnswer_WhenComingBackAfterTheTokenExpired()
    {
        await using var host = ShortTokensHost();
        var address = host.StartLive();
        await using var visitor = await browser.NewBrowserAsync();
        var chat = await OpenAsync(visitor, address);
        var (reference, issued) = await SendAQuestionAsync(chat);

        // The bot says how to come back; the page shows the link for another device, once.
        await Expect(chat.Locator(BotText).Filter(new() { HasText = "open this page again in this browser" }).Last).ToBeVisibleAsync();
        var link = await chat.Locator("#comeback-link").InputValueAsync();
        Assert.Contains("#resume=", link, StringComparison.Ordinal);
        await ScreenshotAsync(chat, "come-back-link");
        var token = await chat.EvaluateAsync<string>("() => window.dystoniaBot.directLine.token");
        var conversation = await StoredConversationAsync(chat);
        await chat.CloseAsync();

        // Gone past the token's life: the token the page had is refused.
        await OutliveTheTokenAsync(issued);

        using var http = new HttpClient { BaseAddress = address };
        using var stale = new HttpRequestMessage(HttpMethod.Get, $"v3/directline/conversations/{conversation}/activities");
        stale.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(stale)).StatusCode);

        // Staff answer through the API while nobody is on the page.
        using var api = await AnswerThroughTheApiAsync(address, reference);
        await WaitForDeliveryAsync(api, reference);

        // The same browser, a new tab: the transcript, the answer, and a notice that it came.
        var back = await OpenAsync(visitor, address);
        await Expect(back.Locator(BotText).Filter(new() { HasText = "spasmodic dysphonia" })).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await Expect(back.Locator(Transcript + " .webchat__bubble--from-user").Filter(new() { HasText = Unanswerable }).First).ToBeVisibleAsync();
        await Expect(back.Locator("#status")).ToContainTextAsync("answered your question " + reference);
        Assert.Equal(conversation, await StoredConversationAsync(back));
        await Expect(back.Locator("#comeback")).ToBeHiddenAsync();
        await ScreenshotAsync(back, "come-back-answered");

        // Someone else's browser sees none of it; the link (another device) sees all of it.
        await using var stranger = await browser.NewBrowserAsync();
        var theirs = await OpenAsync(stranger, address);
        await Expect(theirs.Locator(BotText).First).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await Expect(theirs.GetByText(Unanswerable)).ToHaveCountAsync(0);
        await Expect(theirs.GetByText("spasmodic dysphonia")).ToHaveCountAsync(0);
        await using var otherDevice = await browser.NewBrowserAsync();
        var viaLink = otherDevice.Pages.Count > 0 ? otherDevice.Pages[0] : await otherDevice.NewPageAsync();
        await viaLink.GotoAsync(link);
        await Expect(viaLink.Locator(BotText).Filter(new() { HasText = "spasmodic dysphonia" })).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        Assert.DoesNotContain("resume", viaLink.Url, StringComparison.Ordinal);

        // Forgotten: the secret opens nothing any more, and the page starts afresh.
        var secret = await back.EvaluateAsync<string>("() => JSON.parse(localStorage.getItem('dystoniabot.conversation')).resume");
        await back.GetByRole(AriaRole.Button, new() { Name = "Forget this conversation" }).ClickAsync();
        await back.GetByRole(AriaRole.Button, new() { Name = "Yes, forget it" }).ClickAsync();
        await Expect(back.Locator("#status")).ToContainTextAsync("has been forgotten");
        await Expect(back.GetByText("spasmodic dysphonia")).ToHaveCountAsync(0);
        Assert.NotEqual(conversation, await StoredConversationAsync(back));
        using var refused = await http.PostAsJsonAsync(new Uri("api/directline/token", UriKind.Relative), new { resume = secret });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await ScreenshotAsync(back, "come-back-forgotten");
    }

    [Fact]
    public async Task APageLeftOpen_ShouldKeepItsConversation_WhenItsTokenExpiresWithTheSocketOpen()
    {
        // The server closes the socket when its token expires and refuses the token it had: the page opens the same
        // conversation again with its secret (a laptop woken after the lunch break).
        await using var host = ShortTokensHost();
        var address = host.StartLive();
        await using var visitor = await browser.NewBrowserAsync();
        var chat = await OpenAsync(visitor, address);
        var (reference, issued) = await SendAQuestionAsync(chat);
        var token = await chat.EvaluateAsync<string>("() => window.dystoniaBot.directLine.token");
        var conversation = await StoredConversationAsync(chat);

        await OutliveTheTokenAsync(issued);

        // Answered while the tab stays open: it reaches the same tab, without a reload, in the same conversation.
        using var api = await AnswerThroughTheApiAsync(address, reference);
        await Expect(chat.Locator(BotText).Filter(new() { HasText = "spasmodic dysphonia" })).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        Assert.Equal(conversation, await StoredConversationAsync(chat));
        Assert.NotEqual(token, await chat.EvaluateAsync<string>("() => window.dystoniaBot.directLine.token"));

        // And the visitor can go on asking there.
        await AskAsync(chat, "is there a cure?");
        await Expect(chat.Locator(BotText).Filter(new() { HasText = "no cure" }).Last).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await Expect(chat.Locator(Transcript + " .webchat__bubble--from-user").Filter(new() { HasText = Unanswerable })).ToHaveCountAsync(1);
        await AssertNoSendFailedAsync(chat);
        await ScreenshotAsync(chat, "come-back-open-tab");
    }

    /// <summary>A host whose tokens live one minute (the shortest allowed), so a test can outlive one.</summary>
    private static BotFactory ShortTokensHost() => BotFactory.CreateLive(StaffClient.Settings(new() { ["DirectLine:TokenLifetime"] = "00:01:00" }));

    private static async Task OutliveTheTokenAsync(DateTime issued)
    {
        var wait = issued.AddSeconds(65) - DateTime.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
    }

    /// <summary>Staff answer <paramref name="reference"/> through the API; the client stays open for what follows.</summary>
    private static async Task<HttpClient> AnswerThroughTheApiAsync(Uri address, string reference)
    {
        var api = StaffClient.LiveApi(address, StaffClient.StaffKey);
        using var answered = await api.PostAsJsonAsync(new Uri($"api/staff/questions/{reference}/answer", UriKind.Relative), new { answer = StaffAnswer });
        Assert.True(answered.IsSuccessStatusCode, $"answering answered {(int)answered.StatusCode}");
        return api;
    }

    /// <summary>Sends a question to staff from the chat: its reference, and a time no earlier than its token's.</summary>
    private static async Task<(string Reference, DateTime Sent)> SendAQuestionAsync(IPage chat)
    {
        await AskAsync(chat, Unanswerable);
        await chat.Locator(".webchat__suggested-action").Filter(new() { HasText = "Ask a question" }).ClickAsync();
        await Expect(chat.Locator(BotText).Filter(new() { HasText = "health-line staff" }).Last).ToContainTextAsync(Unanswerable);
        await chat.Locator(".webchat__suggested-action").Filter(new() { HasText = "Send it" }).ClickAsync();
        var sent = chat.Locator(BotText).Filter(new() { HasText = "Your reference is" }).Last;
        await Expect(sent).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        return (ReferencePattern().Match(await sent.InnerTextAsync()).Value, DateTime.UtcNow);
    }

    private static async Task WaitForDeliveryAsync(HttpClient api, string reference)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            var ticket = await api.GetStringAsync(new Uri($"api/staff/questions/{reference}", UriKind.Relative));
            if (ticket.Contains("\"delivered\"", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The staff answer was never delivered.");
    }

    [GeneratedRegex(@"Q-[A-Z0-9]+")]
    private static partial Regex ReferencePattern();
}
