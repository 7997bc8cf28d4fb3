using System.Globalization;
using DystoniaBot.BotFramework.Schema;

namespace DystoniaBot.BotFramework.Builder;

/// <summary>
/// The context of one turn. Outgoing activities are completed from the incoming one (conversation, sender and
/// recipient swapped, reply-to id). With <c>deliveryMode: expectReplies</c> they are buffered for the HTTP response
/// instead of being sent to the channel (rules A3112–A3116).
/// </summary>
public sealed class TurnContext : ITurnContext
{
    private readonly BotAdapter _adapter;
    private readonly List<Activity> _buffered = [];
    private int _sequence;

    /// <summary>Creates the context of a turn for <paramref name="activity"/>.</summary>
    public TurnContext(BotAdapter adapter, Activity activity)
    {
        _adapter = adapter ?? throw new ArgumentNullException(nameof(adapter));
        Activity = activity ?? throw new ArgumentNullException(nameof(activity));
    }

    /// <inheritdoc />
    public Activity Activity { get; }

    /// <inheritdoc />
    public bool IsAnonymous { get; init; }

    /// <inheritdoc />
    public bool Responded { get; private set; }

    /// <summary>The replies buffered for an expectReplies request, in order.</summary>
    public IReadOnlyList<Activity> BufferedReplies => _buffered;

    /// <summary>The answer to an invoke activity, set by the bot.</summary>
    public InvokeResponse? InvokeResponse { get; set; }

    /// <inheritdoc />
    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default) =>
        (await SendActivitiesAsync([activity], cancellationToken))[0];

    /// <inheritdoc />
    public async Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var completed = activities.Select(Complete).ToList();
        Responded |= completed.Any(a => a.Type != ActivityTypes.Typing);
        if (Activity.DeliveryMode == DeliveryModes.ExpectReplies)
        {
            var responses = new List<ResourceResponse>();
            foreach (var activity in completed)
            {
                if (activity.Type == ActivityTypes.Typing)
                {
                    // Typing means nothing in a single HTTP response: acknowledged, not buffered.
                    responses.Add(new ResourceResponse(null));
                    continue;
                }

                var id = string.Create(CultureInfo.InvariantCulture, $"{Activity.Id ?? "reply"}-{++_sequence}");
                _buffered.Add(activity with { Id = id });
                responses.Add(new ResourceResponse(id));
            }

            return responses;
        }

        return await _adapter.SendActivitiesAsync(this, completed, cancellationToken);
    }

    private Activity Complete(Activity activity) => activity with
    {
        Type = activity.Type ?? ActivityTypes.Message,
        ChannelId = activity.ChannelId ?? Activity.ChannelId,
        ServiceUrl = activity.ServiceUrl ?? Activity.ServiceUrl,
        Conversation = activity.Conversation ?? Activity.Conversation,
        From = activity.From ?? Activity.Recipient,
        Recipient = activity.Recipient ?? Activity.From,
        Locale = activity.Locale ?? Activity.Locale,
        ReplyToId = activity.ReplyToId ?? Activity.Id,
    };
}
