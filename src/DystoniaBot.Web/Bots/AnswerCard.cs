using System.Text.Json;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.Knowledge.Search;

namespace DystoniaBot.Web.Bots;

/// <summary>
/// The Adaptive Card (1.5, built by hand: the AdaptiveCards package is not available) that goes with an answer:
/// the source, "Read the source", "Helpful" / "Not helpful", "Did you mean" choices, and — where suggested actions
/// don't show (Teams channels and group chats) — the follow-up questions as buttons.
/// </summary>
internal static class AnswerCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>What a card button sends back: <c>{"action": "feedback"|"ask", …}</c>.</summary>
    public const string ActionField = "action";

    public static Attachment Create(SearchHit answer, string question, IReadOnlyList<SearchHit> alternatives, IReadOnlyList<string> followUpButtons)
    {
        var actions = new List<object>
        {
            new Dictionary<string, object> { ["type"] = "Action.OpenUrl", ["title"] = "Read the source", ["url"] = answer.Source.Url.ToString() },
            Submit("Helpful", new { action = "feedback", helpful = true, passageId = answer.Passage.Id, question }),
            Submit("Not helpful", new { action = "feedback", helpful = false, passageId = answer.Passage.Id, question }),
        };

        foreach (var alternative in alternatives.Take(2))
        {
            actions.Add(Submit("Did you mean: " + Shorten(alternative.Sentence), new { action = "passage", passageId = alternative.Passage.Id }));
        }

        // Teams shows at most six buttons on a card.
        foreach (var followUp in followUpButtons.Take(MaxButtons - actions.Count))
        {
            actions.Add(Submit(followUp, new { action = "ask", question = followUp, msteams = new { type = "imBack", value = followUp } }));
        }

        var card = new Dictionary<string, object>
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = new object[]
            {
                new { type = "TextBlock", text = $"Source: {answer.Source.Title} — {answer.Source.Publisher} ({answer.Source.License})", wrap = true, size = "Small", isSubtle = true },
                new { type = "TextBlock", text = "Was this answer helpful?", wrap = true, size = "Small" },
            },
            ["actions"] = actions,
        };
        return new Attachment { ContentType = ContentType, Content = JsonSerializer.SerializeToElement(card, ProtocolJson.Options) };
    }

    private const int MaxButtons = 6;

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57].TrimEnd() + "…";

    private static Dictionary<string, object> Submit(string title, object data) =>
        new() { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data };
}
