using System.Buffers;
using System.Text.Json;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.Conversation.Rendering;
using DystoniaBot.Knowledge.Search;

namespace DystoniaBot.Web.Bots;

/// <summary>
/// The Adaptive Card (1.5, built by hand: the AdaptiveCards package is not available) that goes with an answer:
/// "Helpful" / "Not helpful", "Read the full paragraph", "Did you mean" choices, and — where suggested actions
/// don't show (Teams channels and group chats) — the follow-up questions as buttons.
/// </summary>
/// <remarks>Written with Utf8JsonWriter: one is built for every answer, and reflection-based serialization of
/// anonymous objects showed in the host's profile.</remarks>
internal static class AnswerCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>What a card button sends back: <c>{"action": "feedback"|"ask"|"passage", …}</c>.</summary>
    public const string ActionField = "action";

    private const int MaxButtons = 6;

    public static Attachment Create(SearchHit answer, string question, IReadOnlyList<SearchHit> alternatives, IReadOnlyList<string?> alternativeQuestions,
        IReadOnlyList<string> followUpButtons)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            StartCard(json);
            TextBlock(json, "Was this answer helpful?", subtle: false);
            FeedbackRow(json, answer.Passage.Id, question);
            json.WriteEndArray();

            // The source is named once, by the message's citation; the card offers the rest of the paragraph.
            json.WriteStartArray("actions");
            var buttons = 0;
            if (MarkdownRenderer.SaysMoreThanTheSentence(answer))
            {
                Submit(json, "Read the full paragraph", "passage", "passageId", answer.Passage.Id, teamsImBack: false);
                buttons++;
            }

            // "Did you mean" as the question a person would ask; a passage no example question leads to is not offered
            // rather than shown as a cut sentence.
            for (var i = 0; i < Math.Min(2, alternatives.Count); i++)
            {
                if (i < alternativeQuestions.Count && alternativeQuestions[i] is { } alternativeQuestion)
                {
                    Submit(json, "Did you mean: " + alternativeQuestion, "passage", "passageId", alternatives[i].Passage.Id, teamsImBack: false);
                    buttons++;
                }
            }

            // Teams shows at most six buttons on a card.
            foreach (var followUp in followUpButtons.Take(MaxButtons - buttons))
            {
                Submit(json, followUp, "ask", "question", followUp, teamsImBack: true);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return ToAttachment(buffer);
    }

    /// <summary>
    /// The card that goes with a staff answer delivered into the chat: who answered, and "Helpful" / "Not helpful",
    /// stored like any rating with the ticket in place of a passage (<c>ticket:Q-…</c>).
    /// </summary>
    public static Attachment ForStaffAnswer(string ticketReference, string question)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            StartCard(json);
            TextBlock(json, $"Answered by our health-line staff ({ticketReference})", subtle: true);
            TextBlock(json, "Did this answer help?", subtle: false);
            json.WriteEndArray();
            json.WriteStartArray("actions");
            Feedback(json, "Helpful", helpful: true, StaffAnswerPassageId(ticketReference), question);
            Feedback(json, "Not helpful", helpful: false, StaffAnswerPassageId(ticketReference), question);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return ToAttachment(buffer);
    }

    /// <summary>What a rating of a staff answer records in place of a passage id.</summary>
    public static string StaffAnswerPassageId(string ticketReference) => "ticket:" + ticketReference;

    /// <summary>Whether <paramref name="passageId"/> has the form <see cref="StaffAnswerPassageId"/> gives (a ticket's reference).</summary>
    public static bool IsStaffAnswerPassageId(string passageId) =>
        passageId.Length <= 32 && passageId.StartsWith("ticket:Q-", StringComparison.Ordinal) && passageId[9..].All(char.IsAsciiLetterOrDigit);

    /// <summary>Opens the card object (with what a voice reads and what a client without cards shows, if given) and its body.</summary>
    internal static void StartCard(Utf8JsonWriter json, string? speak = null, string? fallbackText = null)
    {
        json.WriteStartObject();
        json.WriteString("type", "AdaptiveCard");
        json.WriteString("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        json.WriteString("version", "1.5");
        if (speak is not null)
        {
            json.WriteString("speak", speak);
        }

        if (fallbackText is not null)
        {
            json.WriteString("fallbackText", fallbackText);
        }

        json.WriteStartArray("body");
    }

    /// <summary>The "Read the source" button.</summary>
    internal static void ReadTheSource(Utf8JsonWriter json, Uri url) => OpenUrl(json, "Read the source", url);

    /// <summary>A button that opens <paramref name="url"/> (a page, or a number to dial), optionally in a style ("positive").</summary>
    internal static void OpenUrl(Utf8JsonWriter json, string title, Uri url, string? style = null)
    {
        json.WriteStartObject();
        json.WriteString("type", "Action.OpenUrl");
        json.WriteString("title", title);
        json.WriteString("url", url.ToString());
        if (style is not null)
        {
            json.WriteString("style", style);
        }

        json.WriteEndObject();
    }

    /// <summary>Opens a set of buttons placed among the body's items; close it with <see cref="EndActionSet"/>.</summary>
    internal static void StartActionSet(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("type", "ActionSet");
        json.WriteStartArray("actions");
    }

    /// <summary>Closes what <see cref="StartActionSet"/> opened.</summary>
    internal static void EndActionSet(Utf8JsonWriter json)
    {
        json.WriteEndArray();
        json.WriteEndObject();
    }

    internal static Attachment ToAttachment(ArrayBufferWriter<byte> buffer) => new() { ContentType = ContentType, Content = new RawJson(buffer.WrittenMemory) };

    /// <summary>A small wrapped text block, subtle for source lines.</summary>
    internal static void TextBlock(Utf8JsonWriter json, string text, bool subtle)
    {
        json.WriteStartObject();
        json.WriteString("type", "TextBlock");
        json.WriteString("text", text);
        json.WriteBoolean("wrap", true);
        json.WriteString("size", "Small");
        if (subtle)
        {
            json.WriteBoolean("isSubtle", true);
        }

        json.WriteEndObject();
    }

    /// <summary>
    /// "Helpful" and "Not helpful" side by side, whatever the host's button layout (Web Chat stacks a card's actions):
    /// two columns of one button each.
    /// </summary>
    private static void FeedbackRow(Utf8JsonWriter json, string passageId, string question)
    {
        json.WriteStartObject();
        json.WriteString("type", "ColumnSet");
        json.WriteStartArray("columns");
        foreach (var helpful in new[] { true, false })
        {
            json.WriteStartObject();
            json.WriteString("type", "Column");
            json.WriteString("width", "auto");
            json.WriteStartArray("items");
            StartActionSet(json);
            Feedback(json, helpful ? "Helpful" : "Not helpful", helpful, passageId, question);
            EndActionSet(json);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Feedback(Utf8JsonWriter json, string title, bool helpful, string passageId, string question)
    {
        json.WriteStartObject();
        json.WriteString("type", "Action.Submit");
        json.WriteString("title", title);
        json.WriteStartObject("data");
        json.WriteString(ActionField, "feedback");
        json.WriteBoolean("helpful", helpful);
        json.WriteString("passageId", passageId);
        json.WriteString("question", question);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Submit(Utf8JsonWriter json, string title, string action, string field, string value, bool teamsImBack)
    {
        json.WriteStartObject();
        json.WriteString("type", "Action.Submit");
        json.WriteString("title", title);
        json.WriteStartObject("data");
        json.WriteString(ActionField, action);
        json.WriteString(field, value);
        if (teamsImBack)
        {
            // Teams posts the button's text as the user's message, as a suggested action would.
            json.WriteStartObject("msteams");
            json.WriteString("type", "imBack");
            json.WriteString("value", value);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

}
