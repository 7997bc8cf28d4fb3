using System.Threading.RateLimiting;
using DystoniaBot.BotFramework.Builder;
using DystoniaBot.BotFramework.Connector;
using DystoniaBot.BotFramework.Connector.Authentication;
using DystoniaBot.BotFramework.Integration.AspNetCore;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.Conversation.Persistence;
using DystoniaBot.Conversation.Policy;
using DystoniaBot.Conversation.Semantics;
using DystoniaBot.DirectLine;
using DystoniaBot.Handoff;
using DystoniaBot.Knowledge;
using DystoniaBot.Knowledge.Documents;
using DystoniaBot.Knowledge.Embeddings;
using DystoniaBot.Knowledge.Search;
using DystoniaBot.Storage;
using DystoniaBot.Web.Bots;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DystoniaBot.Web.Extensions;

/// <summary>The host's composition: services and endpoints.</summary>
public static partial class DystoniaBotExtensions
{
    /// <summary>Registers the knowledge index, the conversation policy, the Bot Framework adapter and the bot.</summary>
    public static IServiceCollection AddDystoniaBot(this IServiceCollection services)
    {
        services.AddOptions<BotFrameworkOptions>().BindConfiguration(string.Empty).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure<IOptions<StorageOptions>, IOptions<DirectLineOptions>, IOptions<HandoffOptions>>((conversation, storage, directLine, handoff) =>
            {
                // What the bot says it keeps is what the retention service deletes: the longer of the two for a chat.
                conversation.Service.ConversationRetentionDays = Math.Max(storage.Value.ConversationRetentionDays, directLine.Value.RetentionDays);
                conversation.Service.TicketRetentionDays = handoff.Value.RetentionDays;
                conversation.Service.FeedbackRetentionDays = storage.Value.FeedbackRetentionDays;
            });

        // One embedding model and one index owner per process, built (or opened) once at startup.
        services.AddSingleton(provider =>
        {
            var path = provider.GetRequiredService<IOptions<KnowledgeOptions>>().Value.EmbeddingModelPath;
            return string.IsNullOrWhiteSpace(path) ? TextEmbedder.Default : TextEmbedder.Load(path);
        });
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            var embedder = provider.GetRequiredService<TextEmbedder>();
            var index = string.IsNullOrWhiteSpace(options.IndexPath)
                ? KnowledgeIndex.Load(options.ResolvedPath, embedder)
                : KnowledgeIndex.Open(options.IndexPath, embedder);
            index.ResultCacheCapacity = options.ResultCacheSize;
            return index;
        });
        services.AddSingleton<IKnowledgeSearch>(provider => provider.GetRequiredService<KnowledgeIndex>());
        services.AddSingleton(provider => StarterQuestions.Load(provider.GetRequiredService<IOptions<KnowledgeOptions>>().Value.ResolvedPath));
        services.AddSingleton(provider => new SemanticReaders(provider.GetRequiredService<TextEmbedder>()));
        services.AddSingleton<ConversationPolicy>();
        services.AddDystoniaBotStorage();
        services.AddOptions<HandoffOptions>().BindConfiguration(HandoffOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IStaffAnswerMessages, StaffAnswerMessages>();
        services.AddSingleton<StaffAnswerDelivery>();
        services.AddHostedService(provider => provider.GetRequiredService<StaffAnswerDelivery>());
        services.AddSingleton<TicketDesk>();
        services.AddSingleton<TicketIntake>();
        services.AddCuratedAnswers();
        services.AddHostedService<RetentionService>();

        // With an app id every request needs a valid token and replies carry the app's token; without one the bot
        // is in local development mode (anonymous), as the SDK does.
        services.AddHttpClient("BotFrameworkAuthentication", client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.ToSettings());
        services.AddSingleton<BotFrameworkAuthentication>(provider =>
        {
            var settings = provider.GetRequiredService<BotCredentialsSettings>();
            return settings.IsAuthenticationEnabled
                ? new ParameterizedBotFrameworkAuthentication(settings, HttpClient(provider), provider.GetService<TimeProvider>())
                : new AnonymousBotFrameworkAuthentication();
        });
        services.AddSingleton<IConnectorCredentials>(provider =>
        {
            var settings = provider.GetRequiredService<BotCredentialsSettings>();
            IConnectorCredentials credentials = provider.GetRequiredService<BotFrameworkAuthentication>() is ParameterizedBotFrameworkAuthentication validated
                ? new ClientCredentialsConnectorCredentials(settings, HttpClient(provider), validated.IsTrustedServiceUrl, provider.GetService<TimeProvider>())
                : new AnonymousConnectorCredentials();
            return new DirectLineAwareCredentials(credentials);
        });

        // Replies go to channel services only (and to our own Direct Line, answered in-process by the handler).
        services.AddSingleton(provider => new ServiceUrlPolicy(provider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.ChannelServiceHosts,
            [new InProcessChannel(DirectLineChannel.ChannelId, DirectLineChannel.ServiceUrl)]));

        // Replies to our own Direct Line are answered in-process by the handler; all others go to the channel.
        services.AddHttpClient<IConnectorClient, ConnectorClient>(client => client.Timeout = TimeSpan.FromSeconds(15))
            .AddHttpMessageHandler(provider => new DirectLineConnectorHandler(provider));
        services.AddSingleton(provider =>
        {
            var perMinute = provider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.ActivitiesPerMinutePerConversation;
            return PartitionedRateLimiter.Create<Activity, string>(activity => RateLimitPartition.GetFixedWindowLimiter(
                $"{activity.ChannelId}|{activity.Conversation?.Id}", _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        services.AddSingleton<CloudAdapter>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(provider => provider.GetRequiredService<CloudAdapter>());
        services.AddDirectLine();
        services.TryAddSingleton(TimeProvider.System);
        services.AddTransient<IBot, DystoniaBotHandler>();
        services.AddKnownProxies();
        return services;
    }

    private static HttpClient HttpClient(IServiceProvider provider) =>
        provider.GetRequiredService<IHttpClientFactory>().CreateClient("BotFrameworkAuthentication");

    /// <summary>
    /// Starts reading the embedding model while the host is built: it takes most of a second, and the index and the
    /// readers, made when the endpoints are mapped, wait for it. A model that can't be read is reported there.
    /// </summary>
    public static WebApplicationBuilder LoadEmbeddingModelEarly(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var path = builder.Configuration[$"{KnowledgeOptions.SectionName}:{nameof(KnowledgeOptions.EmbeddingModelPath)}"];
        _ = Task.Run(() =>
        {
            try
            {
                _ = string.IsNullOrWhiteSpace(path) ? TextEmbedder.Default : TextEmbedder.Load(path);
            }
            catch (EmbeddingModelException)
            {
                // Tried again, and reported with the knowledge folder's other errors, when the index is made.
            }
        });
        return builder;
    }

    /// <summary>Maps /api/messages and /healthz, and loads the index now so a bad knowledge folder stops startup.</summary>
    public static WebApplication MapDystoniaBot(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // First: everything after it sees the client's address and scheme as a known proxy forwarded them.
        app.UseForwardedHeaders();
        // The index (its passages embedded) and the policy's exemplars (embedded too) are made side by side: startup
        // waits for the longer of the two, not both.
        var building = Task.Run(() => app.Services.GetRequiredService<KnowledgeIndex>());
        app.Services.GetRequiredService<SemanticReaders>();
        var index = building.GetAwaiter().GetResult();
        app.Services.GetRequiredService<ConversationPolicy>();

        // Startup leaves tens of megabytes of garbage (the model's vocabulary parsed, the index built, the exemplars
        // embedded) that the collector would keep committed for a long time; one aggressive collection now gives it
        // back before the first request.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        app.Services.PrepareDystoniaBotStorage();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DystoniaBot");
        LogIndex(logger, index.Statistics.Documents, index.Statistics.Passages);
        var anonymous = !app.Services.GetRequiredService<BotCredentialsSettings>().IsAuthenticationEnabled;
        var anyAddress = app.Services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.AllowAnonymousMessagesFromAnyAddress;
        if (anonymous)
        {
            LogAnonymous(logger, anyAddress ? "from any address (AllowAnonymousMessagesFromAnyAddress is set)" : "from this machine only");
        }

        var messages = app.Map("/api/messages", (HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot) =>
            anonymous && !anyAddress && !IsFromThisMachine(http.Connection)
                ? Results.Json(new { error = new { code = "Forbidden", message = "Without a MicrosoftAppId this bot takes unauthenticated messages from this machine only (the Emulator); set AllowAnonymousMessagesFromAnyAddress to open it." } },
                    statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(http)
                : adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted));
        if (anonymous && anyAddress)
        {
            // Opened to other machines without tokens, a caller can make up conversation ids, so its address is limited
            // too (as on Direct Line); with an app id every request comes from the channels' few addresses, and only
            // conversations are; from this machine only, there is no one to limit.
            messages.RequireRateLimiting(DirectLineEndpoints.RateLimitPolicy);
        }

        app.MapGet("/healthz", () => Results.Ok(new { status = "alive" }));
        app.MapStaffConsole();
        app.MapOperations();
        app.MapDirectLineAndPage();
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge index ready: {Documents} document(s), {Passages} passage(s)")]
    private static partial void LogIndex(ILogger logger, int documents, int passages);

    /// <summary>A loopback peer, or none (a Unix socket, or a server in the same process).</summary>
    private static bool IsFromThisMachine(ConnectionInfo connection) =>
        connection.RemoteIpAddress is not { } address || System.Net.IPAddress.IsLoopback(address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No MicrosoftAppId configured: /api/messages accepts unauthenticated requests {From} (local development and the Emulator)")]
    private static partial void LogAnonymous(ILogger logger, string from);
}
