using System.Text.Json;
using DystoniaBot.BotFramework.Builder;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.Conversation.Policy;
using DystoniaBot.Conversation.Rendering;

namespace DystoniaBot.Web.Bots;

/// <summary>Turns the policy's channel-agnostic reply into a Bot Framework message.</summary>
internal static class ReplyActivities
{
    /// <summary>
    /// The message for <paramref name="reply"/>: Markdown text, plus for an answer a citation and a card. Follow-ups
    /// are suggested actions in 1:1 chats and card buttons elsewhere, since Teams ignores suggested actions there.
    /// </summary>
    public static Activity From(BotReply reply, bool oneToOne, string? question = null)
    {
        var activity = MessageFactory.Text(MarkdownRenderer.Render(reply));
        if (oneToOne && reply.FollowUps.Count > 0)
        {
            activity = activity with { SuggestedActions = MessageFactory.SuggestedActions(reply.FollowUps, string.Empty).SuggestedActions };
        }

        if (reply.Kind == ReplyKind.Answer && reply.Answer is { } answer)
        {
            activity = activity with
            {
                Entities = [Citation(answer.Source.Title, answer.Source.Url, answer.Sentence)],
                Attachments = [AnswerCard.Create(answer, question ?? string.Empty, reply.Alternatives, oneToOne ? [] : reply.FollowUps)],
            };
        }

        return activity;
    }

    /// <summary>A schema.org Message/Claim citation that Teams and Web Chat render under the answer.</summary>
    private static Entity Citation(string title, Uri url, string @abstract)
    {
        // schema.org's keys start with '@', which C# names can't: dictionaries keep them exact.
        var appearance = new Dictionary<string, object> { ["@type"] = "DigitalDocument", ["name"] = title, ["url"] = url.ToString(), ["abstract"] = @abstract };
        var claim = new Dictionary<string, object> { ["@type"] = "Claim", ["position"] = 1, ["appearance"] = appearance };
        return new Entity
        {
            Type = "https://schema.org/Message",
            Properties = new Dictionary<string, JsonElement>
            {
                ["@type"] = JsonSerializer.SerializeToElement("Message"),
                ["@context"] = JsonSerializer.SerializeToElement("https://schema.org"),
                ["@id"] = JsonSerializer.SerializeToElement(string.Empty),
                ["citation"] = JsonSerializer.SerializeToElement(new[] { claim }),
            },
        };
    }
}
