using System.Buffers;
using System.Text.Json;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.Conversation.Policy;
using DystoniaBot.Conversation.Rendering;
using DystoniaBot.Conversation.Safety;

namespace DystoniaBot.Web.Bots;

/// <summary>
/// The Adaptive Card (1.5, built by hand like <see cref="AnswerCard"/>) that goes with an emergency reply in Teams: an
/// alert, in the host's attention style, that is not one more bubble among answers, with each number to call as a
/// button that dials it (<c>tel:</c>), the crisis line first for a crisis. The reply's text stays in the message above
/// it, for clients and notifications without cards; the card says it in plain words for those that can't draw it, and
/// what a voice reads.
/// </summary>
internal static class EmergencyCard
{
    /// <summary>The card's first line for a medical emergency.</summary>
    public const string EmergencyHeading = "Call for help now";

    /// <summary>The card's first line for a crisis.</summary>
    public const string CrisisHeading = "Talk to someone now";

    /// <summary>The card for <paramref name="reply"/>, an emergency reply that names numbers to call.</summary>
    public static Attachment Create(BotReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Kind != ReplyKind.Emergency || reply.NumbersToCall is not { Count: > 0 } numbers)
        {
            throw new ArgumentException("Only an emergency reply with numbers to call has an emergency card.", nameof(reply));
        }

        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            AnswerCard.StartCard(json, speak: MarkdownRenderer.Speech(reply), fallbackText: reply.Text);

            json.WriteStartObject();
            json.WriteString("type", "Container");
            json.WriteString("style", "attention");
            json.WriteStartArray("items");

            json.WriteStartObject();
            json.WriteString("type", "TextBlock");
            json.WriteString("text", reply.RedFlag?.Kind == RedFlagKind.Crisis ? CrisisHeading : EmergencyHeading);
            json.WriteString("style", "heading");
            json.WriteString("weight", "Bolder");
            json.WriteString("size", "Medium");
            json.WriteBoolean("wrap", true);
            json.WriteEndObject();

            // The numbers before any other words: in an emergency the first thing to reach is the call.
            AnswerCard.StartActionSet(json);
            for (var i = 0; i < numbers.Count; i++)
            {
                AnswerCard.OpenUrl(json, $"Call {numbers[i].Number} — {numbers[i].Name}", numbers[i].TelUri, i == 0 ? "positive" : null);
            }

            AnswerCard.EndActionSet(json);

            json.WriteEndArray();
            json.WriteEndObject();

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return AnswerCard.ToAttachment(buffer);
    }
}
