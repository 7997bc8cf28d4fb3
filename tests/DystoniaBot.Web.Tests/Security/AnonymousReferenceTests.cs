using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DystoniaBot.Handoff;
using Microsoft.Extensions.DependencyInjection;

namespace DystoniaBot.Web.Tests.Security;

/// <summary>
/// A conversation reference planted while the bot had no app id (anonymous requests, here from this machine) names
/// whatever service URL its sender chose: once the bot has an app id, a staff answer to that chat is never sent with
/// the bot's token, while a chat whose reference came with a validated token gets its answer as before.
/// </summary>
public sealed class AnonymousReferenceTests
{
    [Fact]
    public async Task AReferenceFromAnAnonymousRequest_ShouldNeverBeUsedWithTheBotsCredentials()
    {
        await using var identity = await FakeIdentityProvider.StartAsync("msteams");
        await using var channel = await FakeChannel.StartAsync();
        var database = Path.Combine(Path.GetTempPath(), $"dystoniabot-anonymous-reference-{Guid.NewGuid():N}.db");
        try
        {
            // Without an app id: the planted chat asks a question, its reference marked as unvouched for.
            await using (var anonymous = BotFactory.CreateLive(new(), database))
            {
                using var http = new HttpClient { BaseAddress = anonymous.StartLive() };
                await SayAsync(http, channel, "a:planted", "ask a specialist: can dystonia affect my voice?", token: null);
                await SayAsync(http, channel, "a:planted", "Send it", token: null);
                var stored = await anonymous.Services.GetRequiredService<IConversationReferenceStore>().FindAsync("msteams/a:planted", CancellationToken.None);
                Assert.True(stored?.FromAnonymousRequest);
            }

            // With an app id on the same database: a real chat asks too, with a channel's token.
            await using var validated = BotFactory.CreateLive(identity.Configuration(), database);
            using var client = new HttpClient { BaseAddress = validated.StartLive() };
            await SayAsync(client, channel, "a:genuine", "ask a specialist: does botox wear off?", identity.ChannelToken(channel.ServiceUrl));
            await SayAsync(client, channel, "a:genuine", "Send it", identity.ChannelToken(channel.ServiceUrl));
            Assert.False((await validated.Services.GetRequiredService<IConversationReferenceStore>().FindAsync("msteams/a:genuine", CancellationToken.None))?.FromAnonymousRequest);

            var tickets = validated.Services.GetRequiredService<ITicketStore>();
            var all = await tickets.ListAsync(null, 5, CancellationToken.None);
            var planted = Assert.Single(all, t => t.ConversationKey == "msteams/a:planted");
            var genuine = Assert.Single(all, t => t.ConversationKey == "msteams/a:genuine");
            var desk = validated.Services.GetRequiredService<TicketDesk>();
            var before = channel.Received.Count;
            await desk.AnswerAsync(planted.Reference, "Planted: it can.", "Nurse Ada", CancellationToken.None);
            await desk.AnswerAsync(genuine.Reference, "Genuine: it does, after about three months.", "Nurse Ada", CancellationToken.None);
            await validated.Services.GetRequiredService<StaffAnswerDelivery>().DeliverDueAsync(CancellationToken.None);

            // The genuine chat's answer went with the bot's token; nothing at all went to the planted chat.
            var sent = channel.Received.Skip(before).Zip(channel.Authorizations.Skip(before)).ToList();
            var answer = Assert.Single(sent, s => s.First.Activity.GetProperty("text").GetString()!.Contains("Genuine", StringComparison.Ordinal));
            Assert.Contains("a:genuine", answer.First.Path, StringComparison.Ordinal);
            Assert.Equal("Bearer bot-access-token", answer.Second);
            Assert.DoesNotContain(sent, s => s.First.Path.Contains("a:planted", StringComparison.Ordinal));

            // Staff see why on the ticket: the answer waits, undelivered, with the reason.
            var refused = (await tickets.FindTicketAsync(planted.Reference, CancellationToken.None))!;
            Assert.Equal(DeliveryStatus.Pending, refused.Delivery);
            Assert.Contains("without a token", refused.DeliveryError, StringComparison.Ordinal);
            Assert.Equal(DeliveryStatus.Delivered, (await tickets.FindTicketAsync(genuine.Reference, CancellationToken.None))!.Delivery);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>The recorded Teams personal message, in conversation <paramref name="conversation"/>, replies going to <paramref name="channel"/>.</summary>
    private static async Task SayAsync(HttpClient bot, FakeChannel channel, string conversation, string text, string? token)
    {
        var activity = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "teams-personal-message.json")))!;
        activity["serviceUrl"] = channel.ServiceUrl;
        activity["text"] = text;
        activity["id"] = Guid.NewGuid().ToString("N");
        activity["entities"] = new JsonArray();
        activity["conversation"]!["id"] = conversation;
        activity["from"]!["id"] = "29:" + conversation;
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = JsonContent.Create(activity) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await bot.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
