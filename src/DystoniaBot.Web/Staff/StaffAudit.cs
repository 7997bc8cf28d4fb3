using DystoniaBot.Handoff;

namespace DystoniaBot.Web.Staff;

/// <summary>
/// The staff side's entries in the audit log: sign-ins (and failed ones), sign-outs, questions read, API key use and
/// erasures. The actor is always an account's or a key's name, never a name typed that is no account; the target
/// never holds what a user wrote.
/// </summary>
/// <remarks>Thread-safe; a singleton.</remarks>
public sealed partial class StaffAudit
{
    /// <summary>What an actor is called when the name typed is no account (what was typed may be a password).</summary>
    public const string UnknownName = "an unknown name";

    /// <summary>Shortest time between two "API key used" entries of one key.</summary>
    public static readonly TimeSpan KeyUseInterval = TimeSpan.FromMinutes(1);

    // Most keys remembered for the per-minute entry; past it the map starts again (at worst one entry too many).
    private const int MaxKeysRemembered = 1_000;
    private readonly Dictionary<string, DateTimeOffset> _lastKeyUse = new(StringComparer.OrdinalIgnoreCase);
    private readonly ITicketStore _log;
    private readonly TimeProvider _time;
    private readonly ILogger<StaffAudit> _logger;

    /// <summary>Creates the service.</summary>
    public StaffAudit(ITicketStore log, TimeProvider time, ILogger<StaffAudit> logger)
    {
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// Appends an entry. Best effort: a database that fails here is logged, and what was being done goes on (a
    /// sign-in or a read is not refused because its entry couldn't be written).
    /// </summary>
    public async Task RecordAsync(string actor, string action, string target, CancellationToken cancellationToken)
    {
        try
        {
            await _log.AuditAsync(actor, action, target, cancellationToken);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or TimeoutException or InvalidOperationException)
        {
            LogNotWritten(_logger, action, actor, e);
        }
    }

    /// <summary>
    /// Records that the API key <paramref name="keyName"/> was used (for <paramref name="request"/>), at most once a
    /// minute per key in this process: a tool polling every few seconds would otherwise write thousands of identical
    /// entries a day, kept for two years, burying the ones that matter; once a minute still says which key was in use
    /// and when. What the key did that changes anything (answers, closes, erasures) has entries of its own.
    /// </summary>
    public Task KeyUsedAsync(string keyName, string request, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        lock (_lastKeyUse)
        {
            if (_lastKeyUse.TryGetValue(keyName, out var last) && now - last < KeyUseInterval)
            {
                return Task.CompletedTask;
            }

            if (_lastKeyUse.Count >= MaxKeysRemembered)
            {
                _lastKeyUse.Clear();
            }

            _lastKeyUse[keyName] = now;
        }

        return RecordAsync(keyName, "api-key-used", request, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit entry {Action} by {Actor} could not be written")]
    private static partial void LogNotWritten(ILogger logger, string action, string actor, Exception exception);
}
