using DystoniaBot.Handoff;
using DystoniaBot.Web.Tests.DirectLine;
using DystoniaBot.Web.Tests.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace DystoniaBot.Web.Tests.Handoff;

/// <summary>One chat or one visitor can't flood the queue: the limits, and the plain reply when one is reached.</summary>
public sealed class TicketLimitTests
{
    private static async Task<string> SendAsync(DirectLineClient chat, string question)
    {
        await chat.SayAsync("ask a specialist: " + question);
        await chat.SayAsync("Send it");
        var replies = (await chat.GetAsync()).Activities.Select(DirectLineClient.Text).Where(t => t is not null).ToList();
        return replies[^1]!;
    }

    [Fact]
    public async Task AFourthOpenQuestionInOneChat_ShouldBeRefused_WithAPlainReply()
    {
        using var factory = StaffClient.Host();
        var chat = await DirectLineClient.VisitAsync(factory.CreateClient());
        await chat.StartAsync();

        for (var i = 1; i <= 3; i++)
        {
            Assert.Contains("Your reference is", await SendAsync(chat, $"question number {i} about botox"), StringComparison.Ordinal);
        }

        var refused = await SendAsync(chat, "question number 4 about botox");

        Assert.Contains("You already have 3 questions waiting for our health-line staff", refused, StringComparison.Ordinal);
        Assert.Contains("call 911", refused, StringComparison.Ordinal);
        var tickets = await factory.Services.GetRequiredService<ITicketStore>().ListForConversationAsync("directline/" + chat.ConversationId, 10, CancellationToken.None);
        Assert.Equal(3, tickets.Count);

        // Once one is answered, another may be sent.
        await factory.Services.GetRequiredService<TicketDesk>().AnswerAsync(tickets[0].Reference, "An answer.", "nurse", CancellationToken.None);
        Assert.Contains("Your reference is", await SendAsync(chat, "question number 5 about botox"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneVisitorsAddress_ShouldBeLimitedPerDay_AcrossConversations_AndAnotherAddressNot()
    {
        using var factory = StaffClient.LiveHost(new() { ["Handoff:MaxTicketsPerAskerPerDay"] = "2" });
        var host = factory.StartLive();

        // Behind the (loopback) proxy, as two visitors: every new conversation of one gets a new Direct Line user id.
        async Task<DirectLineClient> VisitAsync(string address)
        {
            var http = new HttpClient { BaseAddress = host };
            http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
            var chat = await DirectLineClient.VisitAsync(http);
            await chat.StartAsync();
            return chat;
        }

        var first = await VisitAsync("203.0.113.7");
        Assert.Contains("Your reference is", await SendAsync(first, "first question about tremor"), StringComparison.Ordinal);
        var second = await VisitAsync("203.0.113.7");
        Assert.Contains("Your reference is", await SendAsync(second, "second question about tremor"), StringComparison.Ordinal);
        var third = await VisitAsync("203.0.113.7");
        var refused = await SendAsync(third, "third question about tremor");
        var other = await VisitAsync("198.51.100.4");

        Assert.Contains("You have sent 2 questions to our health-line staff in the last day", refused, StringComparison.Ordinal);
        Assert.Contains("Your reference is", await SendAsync(other, "a question from someone else"), StringComparison.Ordinal);
    }
}
