using System.Buffers;
using System.Text.Json;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.BotFramework.Schema.Teams;
using DystoniaBot.Knowledge.Documents;
using DystoniaBot.Knowledge.Search;

namespace DystoniaBot.Web.Bots;

/// <summary>
/// The Teams search command for health-line staff (<c>deployment/teams/manifest.json</c>): passages of the knowledge
/// base as cards to drop into a chat, each with its source and credit line. Anything wrong with the request is
/// answered with a message saying what, never with an error.
/// </summary>
internal static class SearchExtensionResults
{
    /// <summary>The command's id in the manifest.</summary>
    public const string CommandId = "searchKnowledge";

    /// <summary>The command's one parameter: the words to search for.</summary>
    public const string QueryParameter = "query";

    /// <summary>Results a page holds when Teams does not say.</summary>
    public const int DefaultCount = 10;

    /// <summary>Most results a page holds (Teams asks for 25).</summary>
    public const int MaxCount = 25;

    /// <summary>Longest query read; a longer text is not a search.</summary>
    public const int MaxQueryLength = 500;

    /// <summary>Starter questions whose best passages are offered when the command opens.</summary>
    public const int StarterResults = 4;

    private const string ThumbnailContentType = "application/vnd.microsoft.card.thumbnail";

    /// <summary>The response to <paramref name="query"/>.</summary>
    public static MessagingExtensionResponse Create(MessagingExtensionQuery query, IKnowledgeSearch search, StarterQuestions starters)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(starters);

        if (string.IsNullOrEmpty(query.CommandId))
        {
            return Message("The search request could not be read: it has no command id.");
        }

        if (query.CommandId != CommandId)
        {
            return Message($"Unknown command '{query.CommandId}': this app has one search command, '{CommandId}'.");
        }

        var skip = query.QueryOptions?.Skip ?? 0;
        var count = query.QueryOptions?.Count ?? DefaultCount;
        if (skip < 0 || count < 0)
        {
            return Message("The paging options skip and count must not be negative.");
        }

        count = Math.Clamp(count == 0 ? DefaultCount : count, 1, MaxCount);
        var parameters = query.Parameters ?? [];
        if (parameters.Any(p => p?.Name == MessagingExtensionTypes.InitialRunParameter) && !parameters.Any(p => p?.Name == QueryParameter))
        {
            return Results(skip > 0 ? [] : StarterHits(search, starters));
        }

        var text = parameters.FirstOrDefault(p => p?.Name == QueryParameter)?.Value is { ValueKind: JsonValueKind.String } value ? value.GetString()!.Trim() : null;
        if (text is null)
        {
            return Message($"The search needs a '{QueryParameter}' parameter with the words to look for.");
        }

        if (text.Length == 0)
        {
            return Message("Type a question or a few words to search the knowledge base.");
        }

        if (text.Length > MaxQueryLength)
        {
            return Message($"The search text is too long: at most {MaxQueryLength} characters.");
        }

        var hits = search.Search(text, skip + count).Hits;
        if (hits.Count == 0 && skip == 0)
        {
            return Message($"Nothing in the knowledge base matches \"{text}\". Try other words, or a whole question.");
        }

        return Results([.. hits.Skip(skip)]);
    }

    /// <summary>The best passage of each of the first starter questions, each passage once.</summary>
    private static List<SearchHit> StarterHits(IKnowledgeSearch search, StarterQuestions starters) =>
        [.. starters.Questions
            .Take(StarterResults)
            .Select(q => search.Search(q, 1).Best)
            .OfType<SearchHit>()
            .DistinctBy(h => h.Passage.Id)];

    private static MessagingExtensionResponse Message(string text) => new()
    {
        ComposeExtension = new MessagingExtensionResult { Type = MessagingExtensionTypes.Message, Text = text },
    };

    private static MessagingExtensionResponse Results(IReadOnlyList<SearchHit> hits) => new()
    {
        ComposeExtension = new MessagingExtensionResult
        {
            Type = MessagingExtensionTypes.Result,
            AttachmentLayout = MessagingExtensionTypes.List,
            Attachments = [.. hits.Select(Result)],
        },
    };

    private static MessagingExtensionAttachment Result(SearchHit hit) => new()
    {
        ContentType = AnswerCard.ContentType,
        Content = Write(json => PassageCard(json, hit)),
        Preview = new Attachment { ContentType = ThumbnailContentType, Content = Write(json => Preview(json, hit)) },
    };

    /// <summary>The card inserted into the message: the passage, its source, the licence's credit line and a link.</summary>
    private static void PassageCard(Utf8JsonWriter json, SearchHit hit)
    {
        var source = hit.Source;
        AnswerCard.StartCard(json);
        json.WriteStartObject();
        json.WriteString("type", "TextBlock");
        json.WriteString("text", hit.Passage.Text);
        json.WriteBoolean("wrap", true);
        json.WriteEndObject();
        AnswerCard.TextBlock(json, $"Source: {source.Title} — {source.Publisher} ({source.License})", subtle: true);
        AnswerCard.TextBlock(json, source.Attribution, subtle: true);
        json.WriteEndArray();
        json.WriteStartArray("actions");
        AnswerCard.ReadTheSource(json, source.Url);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The line in the result list: the answering sentence, and where it comes from.</summary>
    private static void Preview(Utf8JsonWriter json, SearchHit hit)
    {
        json.WriteStartObject();
        json.WriteString("title", hit.Sentence);
        json.WriteString("text", $"{hit.Source.Title} — {hit.Source.Publisher}");
        json.WriteEndObject();
    }

    private static RawJson Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        return new RawJson(buffer.WrittenMemory);
    }
}
