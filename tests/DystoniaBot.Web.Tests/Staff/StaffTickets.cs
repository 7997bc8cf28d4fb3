using System.Text.Json;
using DystoniaBot.Conversation.Persistence;
using DystoniaBot.Handoff;
using DystoniaBot.Storage;
using DystoniaBot.Web.Tests.DirectLine;
using Microsoft.Extensions.DependencyInjection;

namespace DystoniaBot.Web.Tests.Staff;

/// <summary>Questions for the staff tests: through a real Direct Line chat (to see the answer arrive), or straight into the store.</summary>
internal static class StaffTickets
{
    /// <summary>A visitor asks a question through Direct Line and sends it to staff; returns the chat and the ticket.</summary>
    public static async Task<(DirectLineClient Chat, Ticket Ticket)> AskThroughDirectLineAsync(BotFactory factory, string question)
    {
        var chat = await DirectLineClient.VisitAsync(factory.CreateClient());
        await chat.StartAsync();
        await chat.SayAsync("ask a specialist: " + question);
        await chat.SayAsync("Send it");
        var tickets = await factory.Services.GetRequiredService<ITicketStore>().ListAsync(null, 500, CancellationToken.None);
        return (chat, Assert.Single(tickets, t => t.UserId == chat.UserId));
    }

    /// <summary>A ticket stored directly (its chat can't be reached, so an answer to it stays undelivered).</summary>
    public static Task<Ticket> CreateAsync(BotFactory factory, string question) =>
        factory.Services.GetRequiredService<ITicketStore>().CreateAsync(
            new NewTicket("directline/unreachable-" + Guid.NewGuid().ToString("N"), "directline", "visitor", question, "en-US"), CancellationToken.None);

    /// <summary>Waits for the staff answer to appear in the chat.</summary>
    public static async Task<string> WaitForAnswerAsync(DirectLineClient chat, string expected)
    {
        for (var i = 0; i < 100; i++)
        {
            var texts = (await chat.GetAsync()).Activities.Select(DirectLineClient.Text).Where(t => t?.Contains(expected, StringComparison.Ordinal) == true).ToList();
            if (texts.Count > 0)
            {
                return Assert.Single(texts)!;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The staff answer never reached the chat.");
    }

    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
