using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace DystoniaBot.SdkBot;

/// <summary>Answers each message with one text reply and welcomes members who join: the least a bot does on every turn.</summary>
internal sealed class ReplyOnceBot : ActivityHandler
{
    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(MessageFactory.Text("You said: " + turnContext.Activity.Text), cancellationToken);

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        foreach (var member in membersAdded.Where(m => m.Id != turnContext.Activity.Recipient?.Id))
        {
            await turnContext.SendActivityAsync(MessageFactory.Text("Welcome, " + member.Name), cancellationToken);
        }
    }
}
