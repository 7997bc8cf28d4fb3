using DystoniaBot.BotFramework.Builder;
using DystoniaBot.BotFramework.Schema;

namespace DystoniaBot.LibraryBot;

/// <summary>Answers each message with one text reply and welcomes members who join, as the SDK bot's ReplyOnceBot does.</summary>
internal sealed class ReplyOnceBot : ActivityHandler
{
    protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(MessageFactory.Text("You said: " + turnContext.Activity.Text, TextFormatTypes.Plain), cancellationToken);

    protected override async Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        foreach (var member in membersAdded.Where(m => m.Id != turnContext.Activity.Recipient?.Id))
        {
            await turnContext.SendActivityAsync(MessageFactory.Text("Welcome, " + member.Name, TextFormatTypes.Plain), cancellationToken);
        }
    }
}
