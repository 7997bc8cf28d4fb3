using System.Collections.Concurrent;

namespace DystoniaBot.Web.Staff;

/// <summary>
/// Counts failed sign-ins per key (an account name, an address) in a fixed window and locks the key out once it has too
/// many. In memory: a restart forgets, which only ever lets someone try again sooner.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class SignInThrottle
{
    // Enough for any real staff; past it the oldest windows are dropped so a flood of names can't grow memory.
    private const int MaxKeys = 10_000;
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _time;

    /// <summary>Creates the throttle.</summary>
    public SignInThrottle(TimeProvider time) => _time = time ?? throw new ArgumentNullException(nameof(time));

    /// <summary>When <paramref name="key"/> may try again, or null when it may now.</summary>
    public DateTimeOffset? LockedUntil(string key, int maxFailures, TimeSpan period)
    {
        if (_windows.TryGetValue(key, out var window) && window.Failures >= maxFailures)
        {
            var until = window.Start + period;
            if (until > _time.GetUtcNow())
            {
                return until;
            }
        }

        return null;
    }

    /// <summary>Counts a failed sign-in for <paramref name="key"/>.</summary>
    public void Failed(string key, TimeSpan period)
    {
        var now = _time.GetUtcNow();
        if (_windows.Count >= MaxKeys)
        {
            foreach (var stale in _windows.Where(pair => pair.Value.Start + period <= now).Select(pair => pair.Key).ToList())
            {
                _windows.TryRemove(stale, out _);
            }
        }

        _windows.AddOrUpdate(key, _ => new Window(now, 1), (_, window) => window.Start + period <= now ? new Window(now, 1) : window with { Failures = window.Failures + 1 });
    }

    /// <summary>Forgets the failures of <paramref name="key"/> (it signed in).</summary>
    public void Succeeded(string key) => _windows.TryRemove(key, out _);

    private sealed record Window(DateTimeOffset Start, int Failures);
}
