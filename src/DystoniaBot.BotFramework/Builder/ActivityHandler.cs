using DystoniaBot.BotFramework.Schema;

namespace DystoniaBot.BotFramework.Builder;

/// <summary>
/// Dispatches a turn by activity type, like the SDK's ActivityHandler. Unknown activity types are ignored (rule
/// A2014); an invoke nobody handles is answered 501.
/// </summary>
public class ActivityHandler : IBot
{
    /// <inheritdoc />
    public virtual async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        switch (turnContext.Activity.Type)
        {
            case ActivityTypes.Message:
                await OnMessageActivityAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.ConversationUpdate:
                await OnConversationUpdateActivityAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.Invoke:
                var response = await OnInvokeActivityAsync(turnContext, cancellationToken);
                if (turnContext is TurnContext context)
                {
                    context.InvokeResponse = response;
                }

                break;
            default:
                break;
        }
    }

    /// <summary>A message from the user.</summary>
    protected virtual Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Members joined or left; calls <see cref="OnMembersAddedAsync"/> when someone other than the bot joined.</summary>
    protected virtual Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var added = turnContext.Activity.MembersAdded;
        return added is { Count: > 0 } && added.Any(m => m is not null && m.Id != turnContext.Activity.Recipient?.Id)
            ? OnMembersAddedAsync(added, turnContext, cancellationToken)
            : Task.CompletedTask;
    }

    /// <summary>Members joined the conversation (the list may include the bot itself).</summary>
    protected virtual Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>An invoke; the default answers 501 Not Implemented.</summary>
    protected virtual Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.FromResult(new InvokeResponse(501));
}
