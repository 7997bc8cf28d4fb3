using System.Collections.Concurrent;

namespace DystoniaBot.Knowledge.Caching;

/// <summary>
/// A thread-safe memo of a pure function's results, for texts people send again in the same words. Bounded: when
/// full it starts over, which costs one recomputation per entry and never grows memory. Long texts are not kept.
/// </summary>
/// <typeparam name="TValue">The cached result.</typeparam>
public sealed class BoundedCache<TValue>
{
    private readonly ConcurrentDictionary<(string Text, int Variant), TValue> _entries = new();

    /// <summary>Creates a cache of at most <paramref name="capacity"/> entries (0 keeps none).</summary>
    public BoundedCache(int capacity, int maxTextLength = 200)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
        MaxTextLength = maxTextLength;
    }

    /// <summary>How many entries the cache holds at most.</summary>
    public int Capacity { get; }

    /// <summary>Texts longer than this are computed every time.</summary>
    public int MaxTextLength { get; }

    /// <summary>The result for <paramref name="text"/> (and <paramref name="variant"/>), computed once while cached.</summary>
    public TValue GetOrAdd<TArgument>(string text, int variant, TArgument argument, Func<string, int, TArgument, TValue> compute)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(compute);
        if (Capacity == 0 || text.Length > MaxTextLength)
        {
            return compute(text, variant, argument);
        }

        if (_entries.TryGetValue((text, variant), out var cached))
        {
            return cached;
        }

        var value = compute(text, variant, argument);
        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }

        _entries.TryAdd((text, variant), value);
        return value;
    }
}
