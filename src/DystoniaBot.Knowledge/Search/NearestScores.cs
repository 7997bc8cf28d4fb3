namespace DystoniaBot.Knowledge.Search;

/// <summary>
/// The best few scores of a scan and what they belong to, best first: a sorted array filled by insertion, which beats
/// a heap while few are kept (the nearest passages, the nearest labelled questions).
/// </summary>
internal sealed class NearestScores
{
    private readonly int[] _index;
    private readonly float[] _value;

    public NearestScores(int keep)
    {
        _index = new int[Math.Max(0, keep)];
        _value = new float[_index.Length];
    }

    /// <summary>How many are kept so far.</summary>
    public int Count { get; private set; }

    /// <summary>The <paramref name="rank"/>-th best's index (0 is the best).</summary>
    public int IndexAt(int rank) => _index[rank];

    /// <summary>The <paramref name="rank"/>-th best's score.</summary>
    public float ValueAt(int rank) => _value[rank];

    /// <summary>Offers a score; kept if it is among the best so far (a tie keeps the one offered first).</summary>
    public void Offer(int index, float value)
    {
        var keep = _index.Length;
        if (keep == 0 || (Count == keep && value <= _value[keep - 1]))
        {
            return;
        }

        var at = Count < keep ? Count++ : keep - 1;
        while (at > 0 && _value[at - 1] < value)
        {
            _value[at] = _value[at - 1];
            _index[at] = _index[at - 1];
            at--;
        }

        _value[at] = value;
        _index[at] = index;
    }
}
