using System.Threading.RateLimiting;
using DystoniaBot.BotFramework.Builder;
using DystoniaBot.BotFramework.Integration.AspNetCore;
using DystoniaBot.BotFramework.Schema;
using Microsoft.Extensions.Options;

namespace DystoniaBot.DirectLine;

/// <summary>Why a post was refused, as an HTTP status and a message for the client.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Code">Direct Line's error code.</param>
/// <param name="Message">What went wrong, for people.</param>
public sealed record DirectLineError(int Status, string Code, string Message);

/// <summary>
/// Our Direct Line channel: it stores every activity of a conversation in order, hands the user's to the bot as any
/// channel would, and takes the bot's replies at its Connector endpoint (<see cref="ServiceUrl"/>), so the bot needs
/// nothing special for it — proactive messages included.
/// </summary>
public sealed partial class DirectLineChannel : IDisposable
{
    /// <summary>The channel id the bot sees.</summary>
    public const string ChannelId = "directline";

    /// <summary>
    /// The serviceUrl of Direct Line activities. The bot's Connector requests to it are answered in this process
    /// (see <see cref="DirectLineConnectorHandler"/>), never sent over the network; <c>.localhost</c> names can't
    /// reach anywhere else.
    /// </summary>
    public static readonly Uri ServiceUrl = new("https://directline.localhost/");

    private readonly IDirectLineStore _store;
    private readonly DirectLineHub _hub;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _time;
    private readonly ILogger<DirectLineChannel> _logger;
    private readonly FixedWindowRateLimiter _newConversations;

    /// <summary>Creates the channel.</summary>
    public DirectLineChannel(IDirectLineStore store, DirectLineHub hub, DirectLineTokens tokens, IOptions<DirectLineOptions> options,
        IServiceProvider services, TimeProvider time, ILogger<DirectLineChannel> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _hub = hub ?? throw new ArgumentNullException(nameof(hub));
        Tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        Options = options.Value;
        _services = services ?? throw new ArgumentNullException(nameof(services));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _newConversations = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = Options.NewConversationsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    /// <summary>
    /// Whether one more conversation may start now: however many addresses ask (each is limited on its own), this
    /// host starts at most <see cref="DirectLineOptions.NewConversationsPerMinute"/> a minute, so a crowd of addresses
    /// can't fill the database with empty conversations.
    /// </summary>
    public bool MayStartConversation()
    {
        using var lease = _newConversations.AttemptAcquire();
        return lease.IsAcquired;
    }

    /// <inheritdoc />
    public void Dispose() => _newConversations.Dispose();

    /// <summary>The token issuer.</summary>
    public DirectLineTokens Tokens { get; }

    /// <summary>The channel's limits and names.</summary>
    public DirectLineOptions Options { get; }

    /// <summary>The store of conversations.</summary>
    public IDirectLineStore Store => _store;

    private ChannelAccount Bot => new() { Id = Options.BotId, Name = Options.BotName, Role = "bot" };

    /// <summary>Creates a conversation for a new visitor and returns it with a token for it.</summary>
    public async Task<(string ConversationId, string UserId, string Token)> CreateConversationAsync(CancellationToken cancellationToken)
    {
        var conversationId = DirectLineTokens.NewId();
        var userId = "dl_" + DirectLineTokens.NewId(12);
        await _store.CreateConversationAsync(conversationId, userId, cancellationToken);
        return (conversationId, userId, Tokens.Issue(conversationId, userId));
    }

    /// <summary>
    /// A new resume secret for <paramref name="conversationId"/>: what the visitor's browser keeps to come back to the
    /// conversation another day. Only its hash is stored, so the database alone can't resume anyone's conversation.
    /// </summary>
    public async Task<string> CreateResumeSecretAsync(string conversationId, CancellationToken cancellationToken)
    {
        var secret = DirectLineTokens.NewId(32);
        await _store.SaveResumeSecretAsync(conversationId, DirectLineTokens.HashSecret(secret), cancellationToken);
        return secret;
    }

    /// <summary>The conversation <paramref name="secret"/> resumes, or null when it is unknown, revoked or the conversation is gone.</summary>
    public async Task<DirectLineConversation?> FindResumableAsync(string secret, CancellationToken cancellationToken) =>
        secret.Length is > 0 and <= 256 && await _store.FindResumableAsync(DirectLineTokens.HashSecret(secret), cancellationToken) is { } conversationId
            ? await _store.FindConversationAsync(conversationId, cancellationToken)
            : null;

    /// <summary>Deletes the conversation <paramref name="secret"/> resumes, with its log and every secret of it.</summary>
    public async Task ForgetAsync(string secret, CancellationToken cancellationToken)
    {
        if (await FindResumableAsync(secret, cancellationToken) is { } conversation)
        {
            await _store.ForgetConversationAsync(conversation.Id, cancellationToken);
            LogForgotten(_logger);
        }
    }

    /// <summary>
    /// Tells the bot, once, that the user and the bot joined, so the welcome is waiting before the user types
    /// (Web Chat itself sends no conversationUpdate).
    /// </summary>
    public async Task StartAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (!conversation.Started && await _store.MarkStartedAsync(conversation.Id, cancellationToken))
        {
            var user = new ChannelAccount { Id = conversation.UserId, Role = "user" };
            await DeliverAsync(Stamp(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [Bot, user] }, conversation.Id, user));
        }
    }

    /// <summary>
    /// Stores what the user posted, shows it on the user's sockets and runs the bot's turn, during which
    /// <see cref="DirectLineVisitor.CurrentAddress"/> is the key of <paramref name="clientAddress"/>.
    /// </summary>
    /// <returns>The stored activity's id, or why it was refused.</returns>
    public async Task<(string? Id, DirectLineError? Error)> PostFromUserAsync(DirectLineGrant grant, Activity posted, System.Net.IPAddress? clientAddress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(posted);
        if (Refuse(posted) is { } refusal)
        {
            return (null, refusal);
        }

        var (kept, tooLarge) = VisitorActivity.Keep(posted);
        if (kept is null)
        {
            return (null, tooLarge);
        }

        // The token says who the user is; whatever the body claims, the activity comes from that user.
        var user = new ChannelAccount { Id = grant.UserId, Name = Truncate(posted.From?.Name, 100), Role = "user" };
        var activity = Stamp(kept, grant.ConversationId, user);
        if (activity.Type == ActivityTypes.Typing)
        {
            await PublishTypingAsync(grant.ConversationId, activity with { Id = DirectLineTokens.NewId(8) }, cancellationToken);
            return (null, null);
        }

        if (await _store.AppendAsync(grant.ConversationId, activity,
            new AppendLimits(Options.MaxActivitiesPerConversation, Options.MaxVisitorBytesPerConversationPerDay, Options.MaxVisitorBytesPerDay), cancellationToken) is not { } stored)
        {
            return (null, Full());
        }

        _hub.Publish(grant.ConversationId, new StreamItem(stored.Activity, stored.Sequence));
        using (DirectLineVisitor.Enter(clientAddress is null ? null : ClientAddress.Key(clientAddress)))
        {
            await DeliverAsync(stored.Activity);
        }
        return (stored.Activity.Id, null);
    }

    /// <summary>
    /// Takes an activity the bot sent through the Connector API: typing goes to the sockets only, anything else is
    /// stored first. Null when the conversation does not exist.
    /// </summary>
    public async Task<(ResourceResponse? Response, DirectLineError? Error)> ReceiveFromBotAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (await _store.FindConversationAsync(conversationId, cancellationToken) is not { } conversation)
        {
            return (null, new DirectLineError(StatusCodes.Status404NotFound, "BadArgument", "Conversation not found."));
        }

        var reply = activity with
        {
            ChannelId = ChannelId,
            ServiceUrl = null,
            Conversation = new ConversationAccount { Id = conversationId },
            From = activity.From ?? Bot,
            Recipient = new ChannelAccount { Id = conversation.UserId, Role = "user" },
            Timestamp = _time.GetUtcNow(),
        };
        if (reply.Type == ActivityTypes.Typing)
        {
            var typing = reply with { Id = DirectLineTokens.NewId(8) };
            await PublishTypingAsync(conversationId, typing, cancellationToken);
            return (new ResourceResponse(typing.Id), null);
        }

        // The bot's own replies may exceed the limit a little: a user's last allowed message still gets its answer.
        if (await _store.AppendAsync(conversationId, reply, new AppendLimits(Options.MaxActivitiesPerConversation + 20), cancellationToken) is not { } stored)
        {
            return (null, Full());
        }

        _hub.Publish(conversationId, new StreamItem(stored.Activity, stored.Sequence));
        return (new ResourceResponse(stored.Activity.Id), null);
    }

    private DirectLineError? Refuse(Activity posted)
    {
        if (posted.Type is not (ActivityTypes.Message or ActivityTypes.Typing or ActivityTypes.Event))
        {
            return new DirectLineError(StatusCodes.Status400BadRequest, "BadArgument", "Only message, typing and event activities can be posted.");
        }

        if (posted.Attachments is { Count: > 0 })
        {
            return new DirectLineError(StatusCodes.Status400BadRequest, "BadArgument", "This bot does not accept files or attachments.");
        }

        return posted.Text is { Length: var length } && length > Options.MaxTextLength
            ? new DirectLineError(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"Messages can be at most {Options.MaxTextLength} characters long.")
            : null;
    }

    // One refusal for the store's limits (messages in all, bytes today for the conversation or the host): the visitor
    // can do the same about each, and what the host has stored today is nobody's business.
    private DirectLineError Full() => new(StatusCodes.Status409Conflict, "ConversationFull",
        $"This conversation can't take more messages: it has reached its limit ({Options.MaxActivitiesPerConversation} messages, or what can be stored today). Please try again tomorrow or start a new conversation.");

    private Activity Stamp(Activity activity, string conversationId, ChannelAccount user) => activity with
    {
        Id = null,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl.AbsoluteUri,
        Conversation = new ConversationAccount { Id = conversationId },
        From = user,
        Recipient = Bot,
        Timestamp = _time.GetUtcNow(),
    };

    private async Task DeliverAsync(Activity activity)
    {
        // The turn does not belong to the client's request: a client that goes away mid-turn still gets its answer.
        var adapter = _services.GetRequiredService<CloudAdapter>();
        if (!await adapter.ProcessActivityAsync(activity, _services.GetRequiredService<IBot>(), CancellationToken.None))
        {
            LogUndelivered(_logger, activity.Type ?? "?");
        }
    }

    /// <summary>Hands typing to this process's sockets, and to the other processes sharing the store for theirs.</summary>
    private async Task PublishTypingAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        // Who and when only: a posted typing activity may carry anything, and PostgreSQL's NOTIFY takes 8000 bytes at most.
        var typing = new Activity
        {
            Type = ActivityTypes.Typing,
            Id = activity.Id,
            Timestamp = activity.Timestamp,
            ChannelId = activity.ChannelId,
            From = activity.From is { } from ? new ChannelAccount { Id = from.Id, Name = from.Name, Role = from.Role } : null,
            Recipient = activity.Recipient is { } to ? new ChannelAccount { Id = to.Id, Name = to.Name, Role = to.Role } : null,
            Conversation = new ConversationAccount { Id = conversationId },
        };
        _hub.Publish(conversationId, new StreamItem(typing, null));
        try
        {
            await _store.ShareTypingAsync(conversationId, typing, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Typing is a courtesy: a database that can't pass it on must not fail the post or the bot's reply.
            LogTypingNotShared(_logger, e);
        }
    }

    private static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Direct Line typing indicator could not be passed on to the other instances")]
    private static partial void LogTypingNotShared(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The bot's turn for a Direct Line {ActivityType} failed and no apology could be stored")]
    private static partial void LogUndelivered(ILogger logger, string activityType);

    [LoggerMessage(Level = LogLevel.Information, Message = "A visitor had their Direct Line conversation forgotten")]
    private static partial void LogForgotten(ILogger logger);
}
