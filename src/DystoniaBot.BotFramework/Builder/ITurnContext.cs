using DystoniaBot.BotFramework.Schema;

namespace DystoniaBot.BotFramework.Builder;

/// <summary>One turn: the incoming activity and the means to reply.</summary>
public interface ITurnContext
{
    /// <summary>The incoming activity.</summary>
    Activity Activity { get; }

    /// <summary>Whether the activity came without a token (a bot without an app id): nothing vouches for its sender.</summary>
    // DYSTONIABOT: the SDK keeps the caller's ClaimsIdentity in TurnState; an anonymous request's has no claims.
    bool IsAnonymous { get; }

    /// <summary>Whether the bot has replied during this turn.</summary>
    bool Responded { get; }

    /// <summary>Sends an activity to the conversation (filled in from the incoming one where unset).</summary>
    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    /// <summary>Sends activities in order.</summary>
    Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default);
}
