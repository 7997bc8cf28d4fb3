using DystoniaBot.Conversation.Persistence;
using DystoniaBot.DirectLine;
using DystoniaBot.Handoff;
using DystoniaBot.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DystoniaBot.Web.Extensions;

/// <summary>Where the bot keeps its data: the embedded SQLite file, or PostgreSQL when a connection string is configured.</summary>
public static partial class StorageExtensions
{
    // Long enough for a database that is starting beside the bot, short enough that a wrong address fails visibly.
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Registers the stores behind <see cref="IConversationStateStore"/>, <see cref="IConversationReferenceStore"/>,
    /// <see cref="IFeedbackStore"/>, <see cref="ITicketStore"/> and <see cref="IDirectLineStore"/>, chosen by
    /// <see cref="StorageOptions"/> when first resolved.
    /// </summary>
    public static IServiceCollection AddDystoniaBotStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SqliteStore>();
        services.AddSingleton<PostgresStore>();
        services.AddSingleton<IConversationStateStore>(Configured<IConversationStateStore>);
        services.AddSingleton<IConversationReferenceStore>(Configured<IConversationReferenceStore>);
        services.AddSingleton<IFeedbackStore>(Configured<IFeedbackStore>);
        services.AddSingleton<ITicketStore>(Configured<ITicketStore>);
        services.AddSingleton<ICuratedSubmissionStore>(Configured<ICuratedSubmissionStore>);
        services.AddSingleton<IDirectLineStore>(Configured<IDirectLineStore>);
        services.AddSingleton<IRetentionStore>(Configured<IRetentionStore>);
        services.AddSingleton<IRevokedSessions>(Configured<IRevokedSessions>);
        services.AddSingleton<ISignInFailures>(Configured<ISignInFailures>);
        services.AddSingleton<IStorageHealth>(Configured<IStorageHealth>);

        // The key ring behind the staff's cookies lives in the same database: kept across restarts, and shared by
        // every replica on PostgreSQL (under one application name, so they read each other's cookies).
        services.AddDataProtection().SetApplicationName("DystoniaBot");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = Configured<IXmlRepository>(provider)));
        return services;
    }

    /// <summary>
    /// Opens the configured store now, creating or migrating its schema, so that a bad setting or an unreachable
    /// database stops startup with a message naming <c>Storage:…</c> rather than failing the first conversation.
    /// </summary>
    public static void PrepareDystoniaBotStorage(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("DystoniaBot.Storage");
        if (!options.UsesPostgres)
        {
            services.GetRequiredService<SqliteStore>();
            LogSqlite(logger, options.ResolvedSqlitePath);
            return;
        }

        var store = services.GetRequiredService<PostgresStore>();
        var database = store.Describe();
        using var timeout = new CancellationTokenSource(StartupTimeout);
        try
        {
            store.MigrateAsync(timeout.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            // One clear line for whoever starts the bot; the cause's own message says what the server answered.
            throw new InvalidOperationException(
                $"Storage:PostgresConnectionString: cannot open the PostgreSQL database ({database}): {Cause(e)}. " +
                "Check the setting, that the server is running and reachable, and the user's rights (it creates tables on first start).");
        }

        LogPostgres(logger, database, PostgresStore.SchemaVersion);
    }

    private static string Cause(Exception e) => e switch
    {
        OperationCanceledException => $"no answer within {StartupTimeout.TotalSeconds:0} s",
        { InnerException: { } inner } => $"{e.Message} ({inner.Message})",
        _ => e.Message,
    };

    private static T Configured<T>(IServiceProvider provider)
        where T : class =>
        provider.GetRequiredService<IOptions<StorageOptions>>().Value.UsesPostgres
            ? (T)(object)provider.GetRequiredService<PostgresStore>()
            : (T)(object)provider.GetRequiredService<SqliteStore>();

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage: SQLite file {Path}")]
    private static partial void LogSqlite(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage: PostgreSQL {Database}, schema version {Version}")]
    private static partial void LogPostgres(ILogger logger, string database, int version);
}
