using System.ComponentModel.DataAnnotations;

namespace DystoniaBot.DirectLine;

/// <summary>Our Direct Line 3.0 channel (section <c>DirectLine</c>).</summary>
public sealed class DirectLineOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "DirectLine";

    /// <summary>
    /// The secret other sites use with <c>tokens/generate</c> to start conversations; empty turns that endpoint off
    /// (the bot's own page gets its tokens from <c>/api/directline/token</c>).
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>How long a token lives; clients refresh it before then.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long tokens may be refreshed one after another from the start of a session (a new conversation, or a
    /// resume); after it the bot's page resumes with its secret, and a copied token can't be kept alive for ever.
    /// </summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan MaxSessionAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Largest activity a client may post, in bytes.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 32 * 1024;

    /// <summary>Longest message text a client may post, in characters.</summary>
    [Range(1, 100_000)]
    public int MaxTextLength { get; set; } = 2000;

    /// <summary>Activities one conversation may hold (the user's and the bot's together).</summary>
    [Range(10, 1_000_000)]
    public int MaxActivitiesPerConversation { get; set; } = 2000;

    /// <summary>
    /// Bytes a conversation's visitor may add to the stored log per UTC day (their activities as stored, a few KB at
    /// most each): far more than anyone types in a day, and a cap on what one conversation can put on disk.
    /// </summary>
    [Range(16 * 1024, 1L << 30)]
    public long MaxVisitorBytesPerConversationPerDay { get; set; } = 256 * 1024;

    /// <summary>
    /// Bytes all visitors together may add to the stored log per UTC day (every instance sharing the database): new
    /// conversations are limited per address and per host, but many addresses could still fill the disk.
    /// </summary>
    [Range(1024 * 1024, 1L << 40)]
    public long MaxVisitorBytesPerDay { get; set; } = 1L << 30;

    /// <summary>
    /// Requests one token (one conversation) may make per minute, polling included; without an app id, also what one
    /// client address may post to /api/messages (up to ten million: tests/load/run.sh lifts it for its one address).
    /// </summary>
    [Range(1, 10_000_000)]
    public int RequestsPerMinute { get; set; } = 300;

    /// <summary>New conversations one client address may start per minute through the page's token endpoint.</summary>
    [Range(1, 100_000)]
    public int ConversationsPerMinute { get; set; } = 20;

    /// <summary>New conversations this host starts per minute, all addresses together.</summary>
    [Range(1, 1_000_000)]
    public int NewConversationsPerMinute { get; set; } = 600;

    /// <summary>Days a conversation is kept after its last activity.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 30;

    /// <summary>Activities a GET returns at most; the watermark pages through the rest.</summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 100;

    /// <summary>WebSocket streams one conversation may have open at once (a visitor's tabs and reconnects).</summary>
    [Range(1, 1000)]
    public int MaxStreamsPerConversation { get; set; } = 4;

    /// <summary>WebSocket streams one client address (an IPv6 /64) may have open at once.</summary>
    [Range(1, 100_000)]
    public int MaxStreamsPerAddress { get; set; } = 20;

    /// <summary>WebSocket streams this host keeps open at once, all conversations together.</summary>
    [Range(1, 1_000_000)]
    public int MaxStreams { get; set; } = 400;

    /// <summary>How often an idle WebSocket gets an empty keep-alive message.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The bot's account in Direct Line conversations.</summary>
    [Required]
    public string BotId { get; set; } = "dystoniabot";

    /// <summary>The bot's display name.</summary>
    [Required]
    public string BotName { get; set; } = "DystoniaBot";
}
