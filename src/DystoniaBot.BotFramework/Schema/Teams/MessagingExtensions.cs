using System.Text.Json;
using System.Text.Json.Serialization;

namespace DystoniaBot.BotFramework.Schema.Teams;

/// <summary>The value of a <c>composeExtension/query</c> invoke: a search command run from the compose box.</summary>
public sealed record MessagingExtensionQuery
{
    /// <summary>The command's id in the app manifest.</summary>
    public string? CommandId { get; init; }

    /// <summary>The command's parameters as the user filled them in (<c>initialRun</c> when the command opens).</summary>
    public IReadOnlyList<MessagingExtensionParameter>? Parameters { get; init; }

    /// <summary>Which page of results Teams wants.</summary>
    public MessagingExtensionQueryOptions? QueryOptions { get; init; }

    /// <summary>State returned by a sign-in or configuration step.</summary>
    public string? State { get; init; }

    /// <summary>Fields this version does not know, kept for the round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>One named parameter of a messaging extension command.</summary>
public sealed record MessagingExtensionParameter
{
    /// <summary>The parameter's name in the app manifest.</summary>
    public string? Name { get; init; }

    /// <summary>Its value (Teams sends text).</summary>
    public JsonElement? Value { get; init; }

    /// <summary>Fields this version does not know, kept for the round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>Paging of a messaging extension query.</summary>
public sealed record MessagingExtensionQueryOptions
{
    /// <summary>How many results to skip.</summary>
    public int? Skip { get; init; }

    /// <summary>How many results to return.</summary>
    public int? Count { get; init; }
}

/// <summary>The body of the invoke response to a messaging extension.</summary>
public sealed record MessagingExtensionResponse
{
    /// <summary>The result.</summary>
    public MessagingExtensionResult? ComposeExtension { get; init; }
}

/// <summary>What a messaging extension returns: a list of results, or a message.</summary>
public sealed record MessagingExtensionResult
{
    /// <summary><c>list</c> or <c>grid</c>.</summary>
    public string? AttachmentLayout { get; init; }

    /// <summary><c>result</c>, <c>message</c>, <c>auth</c> or <c>config</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The results (type <c>result</c>).</summary>
    public IReadOnlyList<MessagingExtensionAttachment>? Attachments { get; init; }

    /// <summary>The text shown instead of results (type <c>message</c>).</summary>
    public string? Text { get; init; }
}

/// <summary>A result card and the preview Teams lists it with.</summary>
// DYSTONIABOT: the SDK's MessagingExtensionAttachment derives from Attachment; ours is a sealed record, so the
// fields are repeated here.
public sealed record MessagingExtensionAttachment
{
    /// <summary>MIME type of the card inserted into the message.</summary>
    public string? ContentType { get; init; }

    /// <summary>The card's JSON (see <see cref="Attachment.Content"/>).</summary>
    public object? Content { get; init; }

    /// <summary>The card shown in the result list (a thumbnail or hero card).</summary>
    public Attachment? Preview { get; init; }
}

/// <summary>Values of <see cref="MessagingExtensionResult.Type"/> and names Teams uses in messaging extensions.</summary>
public static class MessagingExtensionTypes
{
    /// <summary>A list of results.</summary>
    public const string Result = "result";

    /// <summary>A plain message instead of results.</summary>
    public const string Message = "message";

    /// <summary>Results one under the other.</summary>
    public const string List = "list";

    /// <summary>The invoke name of a search command.</summary>
    public const string QueryInvokeName = "composeExtension/query";

    /// <summary>The parameter Teams sends when a command with <c>initialRun</c> opens, before anything is typed.</summary>
    public const string InitialRunParameter = "initialRun";
}
