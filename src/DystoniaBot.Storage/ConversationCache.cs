using System.Collections.Concurrent;

namespace DystoniaBot.Storage;

/// <summary>
/// A store's memory of something per conversation (its state, the reference it last wrote, a started Direct Line
/// conversation), bounded: past its capacity it forgets the half used longest ago. A conversation forgotten costs one
/// indexed read (or one redundant write) when it speaks again.
/// </summary>
/// <remarks>
/// Together the caches hold about 1.3 KB a conversation, so ~5 MB at the default 4,000: four times the 1,000 open
/// conversations an instance is sized for, all of them talking. Measured by the soak (tests/load/soak.sh), which
/// starts some 40 conversations a second: with 100,000 the memory grew with every new conversation for the whole run;
/// with 10,000, starting again from empty when full, it saw-toothed and still grew 11.6% from the first minute to the
/// tenth (the caches had not filled by then).
/// </remarks>
internal sealed class ConversationCache<TValue>
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly int _capacity;
    private long _clock;
    private int _count;
    private int _trimming;

    /// <summary>Creates an empty cache of at most <paramref name="capacity"/> conversations.</summary>
    public ConversationCache(int capacity = 4_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        _capacity = capacity;
    }

    /// <summary>How many conversations it holds (at most the capacity, once a trim has run).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The value kept for <paramref name="key"/>, if any; marks it as used now.</summary>
    public bool TryGetValue(string key, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            Volatile.Write(ref entry.LastUsed, Interlocked.Increment(ref _clock));
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> for <paramref name="key"/>, forgetting the least recently used half when full.</summary>
    public void Set(string key, TValue value)
    {
        var entry = new Entry(value, Interlocked.Increment(ref _clock));
        if (!_entries.TryAdd(key, entry))
        {
            _entries[key] = entry;
            return;
        }

        if (Interlocked.Increment(ref _count) > _capacity)
        {
            Trim();
        }
    }

    /// <summary>Forgets everything (the database changed underneath, e.g. retention deleted conversations).</summary>
    public void Clear()
    {
        _entries.Clear();
        Volatile.Write(ref _count, 0);
    }

    private void Trim()
    {
        // One trim at a time; the turns that add conversations meanwhile go on, and are trimmed by the next round.
        if (Interlocked.Exchange(ref _trimming, 1) == 1)
        {
            return;
        }

        try
        {
            do
            {
                var used = _entries.Values.Select(e => Volatile.Read(ref e.LastUsed)).ToArray();
                if (used.Length > _capacity / 2)
                {
                    Array.Sort(used);
                    var keepFrom = used[used.Length - (_capacity / 2)];
                    foreach (var (key, entry) in _entries)
                    {
                        if (Volatile.Read(ref entry.LastUsed) < keepFrom)
                        {
                            _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
                        }
                    }
                }

                // Recounted here, rarely, rather than on every call (a concurrent dictionary's count takes all its locks).
                Volatile.Write(ref _count, _entries.Count);
            }
            while (Volatile.Read(ref _count) > _capacity);
        }
        finally
        {
            Volatile.Write(ref _trimming, 0);
        }
    }

    private sealed class Entry(TValue value, long lastUsed)
    {
        public readonly TValue Value = value;
        public long LastUsed = lastUsed;
    }
}
