using DystoniaBot.BotFramework.Builder;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.Conversation.Policy;
using DystoniaBot.Web.State;

namespace DystoniaBot.Web.Bots;

/// <summary>Maps activities to the conversation policy and its replies back to activities; nothing more.</summary>
public sealed class DystoniaBotHandler : ActivityHandler
{
    private readonly ConversationPolicy _policy;
    private readonly IConversationStateStore _states;

    /// <summary>Creates the handler for one turn.</summary>
    public DystoniaBotHandler(ConversationPolicy policy, IConversationStateStore states)
    {
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _states = states ?? throw new ArgumentNullException(nameof(states));
    }

    /// <inheritdoc />
    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        await turnContext.SendActivityAsync(MessageFactory.Typing(), cancellationToken);

        var key = StateKey(activity);
        var state = await _states.GetAsync(key, cancellationToken);
        var turn = _policy.Respond(activity.RemoveRecipientMention(), activity.Locale, state);
        await _states.SetAsync(key, turn.State, cancellationToken);
        await turnContext.SendActivityAsync(ReplyActivities.From(turn.Reply, IsOneToOne(activity)), cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membersAdded);
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var botJoined = membersAdded.Any(m => m.Id == activity.Recipient?.Id);

        // In a 1:1 chat greet the user who joins; in a team or group greet once, when the bot itself is added,
        // never for every member who joins later.
        if (IsOneToOne(activity) ? membersAdded.Any(m => m.Id != activity.Recipient?.Id) : botJoined)
        {
            await turnContext.SendActivityAsync(ReplyActivities.From(_policy.Welcome(), IsOneToOne(activity)), cancellationToken);
        }
    }

    private static bool IsOneToOne(Activity activity) =>
        activity.Conversation?.IsGroup != true && activity.Conversation?.ConversationType is null or "personal";

    private static string StateKey(Activity activity) => $"{activity.ChannelId}/{activity.Conversation?.Id}";
}
