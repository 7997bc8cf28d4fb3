using System.Text.Json;
using DystoniaBot.BotFramework.Builder;
using DystoniaBot.BotFramework.Builder.Teams;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.BotFramework.Schema.Teams;

namespace DystoniaBot.BotFramework.Tests.Builder;

public sealed class TeamsActivityHandlerTests
{
    private sealed class NoSends : BotAdapter
    {
        public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("an invoke sends nothing");
    }

    private sealed class Echo : TeamsActivityHandler
    {
        public MessagingExtensionQuery? Received { get; private set; }

        protected override Task<MessagingExtensionResponse> OnTeamsMessagingExtensionQueryAsync(ITurnContext turnContext, MessagingExtensionQuery query, CancellationToken cancellationToken)
        {
            Received = query;
            return Task.FromResult(new MessagingExtensionResponse { ComposeExtension = new MessagingExtensionResult { Type = "message", Text = "ok" } });
        }
    }

    private static async Task<InvokeResponse?> Invoke(IBot bot, string name, string value)
    {
        var context = new TurnContext(new NoSends(), new Activity { Type = ActivityTypes.Invoke, Name = name, Value = JsonDocument.Parse(value).RootElement });
        await bot.OnTurnAsync(context);
        return context.InvokeResponse;
    }

    [Fact]
    public async Task Query_ShouldReachTheOverride_WithParametersPagingAndUnknownFields()
    {
        var bot = new Echo();

        var response = await Invoke(bot, "composeExtension/query",
            """{"commandId": "search", "parameters": [{"name": "query", "value": "cure"}], "queryOptions": {"skip": 5, "count": 10}, "future": 1}""");

        Assert.Equal(200, response?.Status);
        Assert.Equal("ok", Assert.IsType<MessagingExtensionResponse>(response!.Body).ComposeExtension?.Text);
        Assert.Equal("search", bot.Received?.CommandId);
        Assert.Equal("cure", bot.Received?.Parameters?[0].Value?.GetString());
        Assert.Equal((5, 10), (bot.Received?.QueryOptions?.Skip, bot.Received?.QueryOptions?.Count));
        Assert.True(bot.Received?.Properties?.ContainsKey("future"));
    }

    [Fact]
    public async Task UnreadableQuery_ShouldReachTheOverrideAsAnEmptyQuery()
    {
        var bot = new Echo();

        var response = await Invoke(bot, "composeExtension/query", """{"commandId": ["not", "text"]}""");

        Assert.Equal(200, response?.Status);
        Assert.Null(bot.Received?.CommandId);
    }

    [Fact]
    public async Task Query_ShouldBeNotImplemented_WhenTheBotDoesNotHandleIt()
    {
        var response = await Invoke(new TeamsActivityHandler(), "composeExtension/query", """{"commandId": "search"}""");

        Assert.Equal(501, response?.Status);
    }
}
