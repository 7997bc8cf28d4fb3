namespace DystoniaBot.Web.Staff;

/// <summary>
/// Says at startup, in the log only, where staff accounts and keys are read from (the login page doesn't show anonymous
/// visitors the server's folders) and which API keys need attention.
/// </summary>
public sealed partial class StaffStartupReport : IHostedService
{
    private readonly StaffSignIn _staff;
    private readonly TimeProvider _time;
    private readonly ILogger<StaffStartupReport> _logger;

    /// <summary>Creates the report.</summary>
    public StaffStartupReport(StaffSignIn staff, TimeProvider time, ILogger<StaffStartupReport> logger)
    {
        _staff = staff ?? throw new ArgumentNullException(nameof(staff));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = _staff.Current;
        var path = StaffFile.Resolve(options.File);
        LogStaffFile(_logger, path, options.Accounts.Count, options.ApiKeys.Count);
        var now = _time.GetUtcNow();
        foreach (var (name, key) in options.ApiKeys)
        {
            if (key.ExpiresAt is not { } expiresAt)
            {
                // Refusing them would break running tools without warning on an upgrade; they are named until replaced.
                LogNoExpiry(_logger, name);
            }
            else if (expiresAt <= now)
            {
                LogExpired(_logger, name, expiresAt);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The staff API key {Name} never expires (it was made before keys had an expiry): replace it with 'dystoniabot staff key add {Name}', which gives it one")]
    private static partial void LogNoExpiry(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The staff API key {Name} expired at {ExpiresAt} and is refused: replace it with 'dystoniabot staff key add {Name}' or remove it")]
    private static partial void LogExpired(ILogger logger, string name, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff accounts and API keys are read from {Path} ('dystoniabot staff' writes it) and the other configuration: {Accounts} account(s), {Keys} API key(s)")]
    private static partial void LogStaffFile(ILogger logger, string path, int accounts, int keys);
}
