namespace DystoniaBot.BotFramework.Builder;

/// <summary>A bot: handles one turn of a conversation.</summary>
public interface IBot
{
    /// <summary>Handles the incoming activity of <paramref name="turnContext"/>.</summary>
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}
