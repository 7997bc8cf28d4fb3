using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DystoniaBot.Web.Staff;

/// <summary>The outcome of a password sign-in: a principal, or why not.</summary>
/// <param name="Principal">The signed-in staff member, on success.</param>
/// <param name="NextTryAt">When another try will be allowed, if not at once.</param>
/// <param name="Paused">True when the password was not even checked: it came before <paramref name="NextTryAt"/>.</param>
public sealed record StaffSignInResult(ClaimsPrincipal? Principal, DateTimeOffset? NextTryAt, bool Paused = false);

/// <summary>Checks local staff accounts' passwords (PBKDF2 hashes from configuration), with growing delays after failures.</summary>
public sealed partial class StaffSignIn
{
    private static readonly PasswordHasher<StaffAccountOptions> Hasher = StaffPasswords.Hasher;
    private static readonly StaffAccountOptions DecoyUser = new();

    // Hashed once so that an unknown name costs as much as a known one and can't be told apart by timing.
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(DecoyUser, Guid.NewGuid().ToString()));
    private readonly IOptionsMonitor<StaffOptions> _options;
    private readonly SignInThrottle _throttle;
    private readonly StaffAudit _audit;
    private readonly ILogger<StaffSignIn> _logger;
    private StaffOptions? _lastValid;

    /// <summary>Creates the service.</summary>
    public StaffSignIn(IOptionsMonitor<StaffOptions> options, SignInThrottle throttle, StaffAudit audit, ILogger<StaffSignIn> logger)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _throttle = throttle ?? throw new ArgumentNullException(nameof(throttle));
        _audit = audit ?? throw new ArgumentNullException(nameof(audit));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>True when at least one local account is configured.</summary>
    public bool HasAccounts => Current.Accounts.Count > 0;

    /// <summary>True when OpenID Connect sign-in is configured.</summary>
    public bool HasOpenIdConnect => Current.OpenIdConnect.IsEnabled;

    /// <summary>The staff settings; when the staff file was changed into something invalid, the last valid ones.</summary>
    public StaffOptions Current
    {
        get
        {
            try
            {
                return _lastValid = _options.CurrentValue;
            }
            catch (OptionsValidationException e) when (_lastValid is not null)
            {
                // Startup validated the first version, so there is always one to fall back on; a hand-edited file
                // with a mistake must not lock everyone out.
                LogInvalid(_logger, e.Message);
                return _lastValid;
            }
        }
    }

    /// <summary>
    /// Checks <paramref name="password"/> for the account <paramref name="name"/>, asked from <paramref name="address"/>
    /// (the client's, as the host resolved it through known proxies); refused unchecked while a delay is in force.
    /// </summary>
    public async Task<StaffSignInResult> VerifyAsync(string name, string password, IPAddress? address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(password);
        var options = Current;
        var keys = SignInThrottle.Keys(name, address);
        using var turn = await _throttle.TakeTurnAsync(keys, cancellationToken);
        if (await _throttle.NextTryAtAsync(keys, options, cancellationToken) is { } paused)
        {
            // Not checked, not counted: a guess made during the wait learns nothing and makes it no longer.
            LogPaused(_logger, Loggable(options, name));
            return new StaffSignInResult(null, paused, Paused: true);
        }

        var account = options.Accounts.TryGetValue(name.Trim(), out var found) ? found : null;
        var verdict = Hasher.VerifyHashedPassword(account ?? DecoyUser, account?.PasswordHash ?? DecoyHash.Value, password);
        if (account is null || verdict == PasswordVerificationResult.Failed)
        {
            await _throttle.FailedAsync(keys, cancellationToken);
            LogFailed(_logger, Loggable(options, name));

            // Checked failures only (a try refused during a wait is not): the delays bound how fast anyone can add these.
            await _audit.RecordAsync(Loggable(options, name), "sign-in-failed", "from " + keys.AddressKey, cancellationToken);
            return new StaffSignInResult(null, await _throttle.NextTryAtAsync(keys, options, cancellationToken));
        }

        await _throttle.SucceededAsync(keys, cancellationToken);
        LogSignedIn(_logger, name);
        var accountName = options.Accounts.Keys.First(k => string.Equals(k, name.Trim(), StringComparison.OrdinalIgnoreCase));
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            Rehash(options, accountName, account, password);
        }

        await _audit.RecordAsync(accountName, "sign-in", "password from " + keys.AddressKey, cancellationToken);

        return new StaffSignInResult(Principal(accountName, account.Role, "password", Stamp(accountName, account)), null);
    }

    /// <summary>
    /// The name typed, as the log may show it: an account's name, or "an unknown name" — a password typed into the name
    /// field must not land in the log, nor a line break forge a log line.
    /// </summary>
    private static string Loggable(StaffOptions options, string typed) =>
        options.Accounts.Keys.FirstOrDefault(k => string.Equals(k, typed.Trim(), StringComparison.OrdinalIgnoreCase)) ?? StaffAudit.UnknownName;

    /// <summary>The claim naming one sign-in (a session), revoked when it signs out.</summary>
    public const string SessionClaim = "sid";

    /// <summary>The claim holding the account's stamp when the session began.</summary>
    public const string StampClaim = "stamp";

    /// <summary>A console principal with a name, one role, a new session id and, for a password account, its stamp.</summary>
    public static ClaimsPrincipal Principal(string name, string role, string authenticationType, string? stamp = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.Role, role), new(SessionClaim, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))) };
        if (stamp is not null)
        {
            claims.Add(new Claim(StampClaim, stamp));
        }

        return new(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>
    /// Whether a password session still stands for its account as the staff settings say now: the account exists,
    /// with the same role and password. A removed account, a demotion or a new password ends every session begun before.
    /// </summary>
    public bool StillValid(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.AuthenticationType != "password")
        {
            return true;
        }

        var name = principal.Identity.Name;
        return name is not null && Current.Accounts.TryGetValue(name, out var account)
            && principal.FindFirst(StampClaim)?.Value is { } stamp
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stamp), Encoding.ASCII.GetBytes(Stamp(name, account)));
    }

    /// <summary>
    /// What a session remembers of its account: a digest of its name, role and security stamp (never the hash). An account
    /// without a stamp yet stands in with a digest of its hash; its first rehash writes that digest down as its stamp, so
    /// the rehash ends no session while a new password (a new stamp from the CLI) ends them all.
    /// </summary>
    private static string Stamp(string name, StaffAccountOptions account) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{name}\n{account.Role}\n{SecurityStamp(account)}")))[..32];

    private static string SecurityStamp(StaffAccountOptions account) =>
        account.SecurityStamp ?? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(account.PasswordHash ?? string.Empty)));

    /// <summary>
    /// Replaces a hash made with fewer iterations than <see cref="StaffPasswords.Iterations"/> in the staff file, now
    /// that the password is known to be right. Best effort: the sign-in goes on whatever happens to the file.
    /// </summary>
    private void Rehash(StaffOptions options, string accountName, StaffAccountOptions account, string password)
    {
        var path = StaffFile.Resolve(options.File);
        try
        {
            var change = StaffFileWriter.ReplacePasswordHash(path, accountName, account.PasswordHash!, Hasher.HashPassword(account, password), SecurityStamp(account));
            if (change == StaffFileChange.Written)
            {
                LogRehashed(_logger, accountName, StaffPasswords.Iterations);
            }
            else if (change == StaffFileChange.NotInFile)
            {
                LogRehashElsewhere(_logger, accountName, path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogRehashFailed(_logger, accountName, path, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The staff settings changed into invalid ones and are ignored until fixed: {Problem}")]
    private static partial void LogInvalid(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff {Name}'s password hash was replaced with one of {Iterations} PBKDF2 iterations")]
    private static partial void LogRehashed(ILogger logger, string name, int iterations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff {Name}'s password hash has too few PBKDF2 iterations, but the account is not in {Path}: set its password again with 'dystoniabot staff add' where it is configured")]
    private static partial void LogRehashElsewhere(ILogger logger, string name, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff {Name}'s password hash has too few PBKDF2 iterations and could not be replaced in {Path}; sign-in goes on")]
    private static partial void LogRehashFailed(ILogger logger, string name, string path, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff {Name} signed in to the console")]
    private static partial void LogSignedIn(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed staff sign-in for {Name}")]
    private static partial void LogFailed(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff sign-in for {Name} refused unchecked: too soon after failed ones")]
    private static partial void LogPaused(ILogger logger, string name);
}
