using DystoniaBot.BotFramework.Schema;

namespace DystoniaBot.BotFramework.Builder;

/// <summary>Connects a bot to a channel: delivers what the bot sends during a turn.</summary>
public abstract class BotAdapter
{
    /// <summary>Delivers <paramref name="activities"/> for the turn <paramref name="turnContext"/>.</summary>
    public abstract Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);
}
