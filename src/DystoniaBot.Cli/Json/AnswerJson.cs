using System.Text.Json.Serialization;
using DystoniaBot.Conversation.Policy;
using DystoniaBot.Knowledge.Documents;
using DystoniaBot.Knowledge.Search;

namespace DystoniaBot.Cli.Json;

/// <summary>The attribution of an answer, in the JSON contract.</summary>
internal sealed record SourceJson(string Title, string Publisher, string Url, string License)
{
    public static SourceJson From(SourceInfo source) => new(source.Title, source.Publisher, source.Url.ToString(), source.License);
}

/// <summary>A "did you mean" alternative, in the JSON contract.</summary>
internal sealed record AlternativeJson(string PassageId, string Passage, double Score);

/// <summary>
/// One answer of <c>ask --json</c>: exactly these fields, in this order. Scripts and the staff tools rely on it,
/// so a change here is a breaking change.
/// </summary>
internal sealed record AnswerJson(
    [property: JsonPropertyName("q")] string Q,
    string Kind,
    string? Passage,
    string? Sentence,
    double? Score,
    string? PassageId,
    SourceJson? Source,
    string? Disclaimer,
    bool Escalate,
    IReadOnlyList<AlternativeJson> Alternatives)
{
    public static AnswerJson From(string question, BotReply reply)
    {
        var answer = reply.Kind == ReplyKind.Answer ? reply.Answer : null;
        return new AnswerJson(
            question,
            KindName(reply.Kind),
            answer?.Passage.Text,
            answer?.Sentence,
            reply.Score is { } score ? Math.Round(score, 3) : null,
            answer?.Passage.Id,
            answer is null ? null : SourceJson.From(answer.Source),
            reply.Kind is ReplyKind.Answer or ReplyKind.NoAnswer ? reply.Disclaimer : null,
            reply.Escalate,
            reply.Alternatives.Select(a => new AlternativeJson(a.Passage.Id, a.Passage.Text, Math.Round(a.Score, 3))).ToList());
    }

    public static string KindName(ReplyKind kind) => kind switch
    {
        ReplyKind.Answer => "answer",
        ReplyKind.NoAnswer => "no_answer",
        ReplyKind.Emergency => "emergency",
        ReplyKind.Handoff => "handoff",
        _ => "smalltalk",
    };
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AnswerJson))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
