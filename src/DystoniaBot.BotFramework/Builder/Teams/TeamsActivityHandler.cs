using System.Text.Json;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.BotFramework.Schema.Teams;
using DystoniaBot.BotFramework.Serialization;

namespace DystoniaBot.BotFramework.Builder.Teams;

/// <summary>
/// An <see cref="ActivityHandler"/> that also dispatches Teams' invokes, like the SDK's TeamsActivityHandler: for
/// now the search command of a messaging extension.
/// </summary>
public class TeamsActivityHandler : ActivityHandler
{
    /// <inheritdoc />
    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.Activity.Name != MessagingExtensionTypes.QueryInvokeName)
        {
            return await base.OnInvokeActivityAsync(turnContext, cancellationToken);
        }

        try
        {
            var response = await OnTeamsMessagingExtensionQueryAsync(turnContext, ReadQuery(turnContext.Activity.Value), cancellationToken);
            return new InvokeResponse(200, response);
        }
        catch (NotImplementedException)
        {
            return new InvokeResponse(501);
        }
    }

    /// <summary>A search command from the compose box; the default answers 501 Not Implemented.</summary>
    protected virtual Task<MessagingExtensionResponse> OnTeamsMessagingExtensionQueryAsync(ITurnContext turnContext, MessagingExtensionQuery query, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    // DYSTONIABOT: the SDK fails the invoke when the value does not read as a query; Teams shows that as an error
    // with no explanation, so an unreadable value becomes an empty query that the bot can explain.
    private static MessagingExtensionQuery ReadQuery(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } element)
        {
            return new MessagingExtensionQuery();
        }

        try
        {
            return element.Deserialize<MessagingExtensionQuery>(ProtocolJson.Options) ?? new MessagingExtensionQuery();
        }
        catch (JsonException)
        {
            return new MessagingExtensionQuery();
        }
    }
}
