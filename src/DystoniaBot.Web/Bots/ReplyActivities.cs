using System.Collections.Concurrent;
using System.Text.Json;
using DystoniaBot.BotFramework.Builder;
using DystoniaBot.BotFramework.Connector;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.Conversation.Policy;
using DystoniaBot.Conversation.Rendering;

namespace DystoniaBot.Web.Bots;

/// <summary>Turns the policy's channel-agnostic reply into a Bot Framework message.</summary>
internal static class ReplyActivities
{
    /// <summary>
    /// The message for <paramref name="reply"/>: Markdown text, plus for an answer a citation and a card, and in Teams
    /// for an emergency a card with the numbers to call. Follow-ups are suggested actions in 1:1 chats and card buttons
    /// elsewhere, since Teams ignores suggested actions there.
    /// </summary>
    public static Activity From(BotReply reply, bool oneToOne, string? question = null, string? channelId = null)
    {
        var activity = MessageFactory.Text(MarkdownRenderer.RenderForChat(reply)) with { Speak = MarkdownRenderer.Speech(reply) };
        if (oneToOne && reply.FollowUps.Count > 0)
        {
            activity = activity with { SuggestedActions = MessageFactory.SuggestedActions(reply.FollowUps, string.Empty).SuggestedActions };
        }

        if (reply.Kind == ReplyKind.Answer && reply.Answer is { } answer)
        {
            activity = activity with
            {
                // The one place the source is named: Web Chat and Teams show it under the answer, from its [1].
                Entities = [Citation($"{answer.Source.Title} — {answer.Source.Publisher}, {answer.Source.License} licence", answer.Source.Url, answer.Sentence)],
                Attachments = [AnswerCard.Create(answer, question ?? string.Empty, reply.Alternatives, reply.AlternativeQuestions ?? [], oneToOne ? [] : reply.FollowUps)],
            };
        }

        if (reply.Kind == ReplyKind.Emergency && channelId == Channels.Msteams && reply.NumbersToCall is { Count: > 0 })
        {
            // Web Chat on the bot's page marks the reply as an alert itself (see PageEvent); Teams gets the alert as a card.
            activity = activity with { Attachments = [EmergencyCard.Create(reply)] };
        }

        return activity;
    }

    /// <summary>
    /// What the bot's own page reads in a reply's <c>channelData</c> (other clients ignore it): an emergency reply, or
    /// an event of the "Ask a question" flow and the ticket it concerns.
    /// </summary>
    public static JsonElement PageEvent(string name, string? reference = null) =>
        JsonSerializer.SerializeToElement(new { dystoniabot = new { @event = name, reference } });

    // The passages' sentences are few and answers repeat them: each citation is built once (bounded; the entity and
    // its parsed JSON are never changed once built, so replies can share them).
    private const int MaxCachedCitations = 4096;
    private static readonly ConcurrentDictionary<(string Title, Uri Url, string Abstract), Entity> Citations = new();

    /// <summary>A schema.org Message/Claim citation that Teams and Web Chat render under the answer.</summary>
    private static Entity Citation(string title, Uri url, string @abstract)
    {
        if (Citations.TryGetValue((title, url, @abstract), out var cached))
        {
            return cached;
        }

        if (Citations.Count >= MaxCachedCitations)
        {
            Citations.Clear();
        }

        return Citations[(title, url, @abstract)] = BuildCitation(title, url, @abstract);
    }

    private static Entity BuildCitation(string title, Uri url, string @abstract)
    {
        // Written in one pass (schema.org's keys start with '@', which C# names can't) and parsed once.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("@type", "Message");
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@id", string.Empty);
            json.WriteStartArray("citation");
            json.WriteStartObject();
            json.WriteString("@type", "Claim");
            json.WriteNumber("position", 1);
            json.WriteStartObject("appearance");
            json.WriteString("@type", "DigitalDocument");
            json.WriteString("name", title);
            json.WriteString("url", url.ToString());
            json.WriteString("abstract", @abstract);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        var properties = new Dictionary<string, JsonElement>(4, StringComparer.Ordinal);
        foreach (var property in JsonElement.ParseValue(ref reader).EnumerateObject())
        {
            properties[property.Name] = property.Value;
        }

        return new Entity { Type = "https://schema.org/Message", Properties = properties };
    }
}
