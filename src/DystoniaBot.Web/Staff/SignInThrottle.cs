using System.Net;
using System.Security.Cryptography;
using System.Text;
using DystoniaBot.DirectLine;
using DystoniaBot.Storage;

namespace DystoniaBot.Web.Staff;

/// <summary>The keys one sign-in attempt is counted under (digests: the store never holds a name, a password or an address).</summary>
/// <param name="NameFromAddress">The name typed, from this client address: the steep delay that stops guessing one account's password.</param>
/// <param name="Address">Every name from this client address: stops trying many names from one place.</param>
/// <param name="Name">The name from every address together: slows a spread-out attack, with a small cap.</param>
/// <param name="AddressKey">The address as it is counted (an IPv6 /64), to take turns by.</param>
public sealed record SignInKeys(string NameFromAddress, string Address, string Name, string AddressKey)
{
    /// <summary>All three keys.</summary>
    public IReadOnlyCollection<string> All => [NameFromAddress, Address, Name];
}

/// <summary>
/// Progressive delays after failed staff sign-ins, never a lockout: each failure makes the next try under the same keys
/// wait longer (doubling from <see cref="StaffOptions.SignInDelay"/>). Counts live in the database, so every instance
/// and a restart see the same ones; old counts go with the retention sweep.
/// </summary>
/// <remarks>
/// Nobody can keep a staff member out by failing on purpose: the steep delay is per (name, address), so it falls on
/// the address that failed; failures from other addresses delay a name by at most
/// <see cref="StaffOptions.MaxSignInDelayPerName"/>. Known and unknown names are counted alike, so the delays don't
/// tell whether a name is an account. Thread-safe.
/// </remarks>
public sealed class SignInThrottle
{
    /// <summary>
    /// Failures from one address, over every name, before the address itself is slowed: colleagues behind one hospital
    /// NAT mistype too, and a few of those shouldn't slow the whole ward.
    /// </summary>
    public const int FreeFailuresPerAddress = 3;

    /// <summary>Failures of one name, over every address, before the name is slowed at all.</summary>
    public const int FreeFailuresPerName = 3;

    // Sign-ins from one address take turns (in this process), so a burst of parallel guesses can't all be checked
    // before the first failure is counted. Striped, so memory stays fixed however many addresses come.
    private readonly SemaphoreSlim[] _turns = [.. Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1))];
    private readonly ISignInFailures _failures;
    private readonly TimeProvider _time;

    /// <summary>Creates the throttle.</summary>
    public SignInThrottle(ISignInFailures failures, TimeProvider time)
    {
        _failures = failures ?? throw new ArgumentNullException(nameof(failures));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>The keys of a sign-in as <paramref name="typedName"/> from <paramref name="address"/> (the connection's, after known proxies).</summary>
    public static SignInKeys Keys(string typedName, IPAddress? address)
    {
        ArgumentNullException.ThrowIfNull(typedName);

        // Account names are case-insensitive; a name is hashed because it may be a password typed into the wrong field.
        var name = typedName.Trim().ToUpperInvariant();
        var client = ClientAddress.Key(address);
        return new SignInKeys(Digest("name-from-address", name + "\n" + client), Digest("address", client), Digest("name", name), client);
    }

    /// <summary>Waits for this address's turn; dispose the result to end it.</summary>
    public async Task<IDisposable> TakeTurnAsync(SignInKeys keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var turn = _turns[(uint)StringComparer.Ordinal.GetHashCode(keys.AddressKey) % (uint)_turns.Length];
        await turn.WaitAsync(cancellationToken);
        return new Turn(turn);
    }

    /// <summary>When a try under <paramref name="keys"/> is allowed again, or null when it is now.</summary>
    public async Task<DateTimeOffset?> NextTryAtAsync(SignInKeys keys, StaffOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(options);
        var now = _time.GetUtcNow();
        DateTimeOffset? latest = null;
        foreach (var count in await _failures.ReadSignInFailuresAsync(keys.All, cancellationToken))
        {
            if (count.LastFailureAt < now - ISignInFailures.RememberedFor)
            {
                continue;
            }

            var delay = count.Key == keys.NameFromAddress ? Delay(count.Failures, 0, options.SignInDelay, options.MaxSignInDelay)
                : count.Key == keys.Address ? Delay(count.Failures, FreeFailuresPerAddress, options.SignInDelay, options.MaxSignInDelay)
                : Delay(count.Failures, FreeFailuresPerName, options.SignInDelay, options.MaxSignInDelayPerName);
            var allowedAt = count.LastFailureAt + delay;
            if (allowedAt > now && (latest is null || allowedAt > latest))
            {
                latest = allowedAt;
            }
        }

        return latest;
    }

    /// <summary>Counts a failed sign-in under every key.</summary>
    public Task FailedAsync(SignInKeys keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var now = _time.GetUtcNow();
        return _failures.RecordSignInFailureAsync(keys.All, now, now - ISignInFailures.RememberedFor, cancellationToken);
    }

    /// <summary>
    /// Forgets the failures of this name from this address, and of the address (someone there knows a password). The
    /// name's count over every address stays: a spread-out attack on it goes on being slowed.
    /// </summary>
    public Task SucceededAsync(SignInKeys keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return _failures.ForgetSignInFailuresAsync([keys.NameFromAddress, keys.Address], cancellationToken);
    }

    /// <summary>The wait after <paramref name="failures"/> failures of which the first <paramref name="free"/> cost nothing: doubling from <paramref name="first"/>, at most <paramref name="cap"/>.</summary>
    public static TimeSpan Delay(int failures, int free, TimeSpan first, TimeSpan cap)
    {
        var slowed = failures - free;
        if (slowed <= 0 || cap <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        // 2^30 times any first delay is past every cap; stop doubling before the arithmetic overflows.
        var ticks = first.Ticks * Math.Pow(2, Math.Min(slowed - 1, 30));
        return ticks >= cap.Ticks ? cap : TimeSpan.FromTicks((long)ticks);
    }

    private static string Digest(string kind, string value) =>
        kind + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(kind + "\n" + value)))[..32];

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}
