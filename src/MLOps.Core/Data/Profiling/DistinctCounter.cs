namespace MLOps.Core.Data.Profiling;

/// <summary>
/// Counts distinct strings in bounded memory without keeping them: a set of their 64-bit XxHash64 hashes while
/// it holds at most <see cref="ProfileOptions.ExactDistinctLimit"/> values, then the HyperLogLog the category
/// accumulator switches to, fed the same hashes. Keeping hashes suits free text, where nearly every value is
/// new: no string is allocated per value, and a long text costs no more than a short one. The count below the
/// limit is exact unless two values share a hash (odds about 3 in 10^12 at 10,000 values).
/// </summary>
internal sealed class DistinctCounter(int exactLimit)
{
    // A HashSet<ulong> slot: the value (8 bytes), its hash code and next index (4 each), and a bucket (4).
    private const int BytesPerSlot = 20;

    private HashSet<ulong>? _exact = [];
    private HyperLogLog? _hll;

    // EnsureCapacity(0) only reads the capacity: the set's slots, used or not.
    public long RetainedBytes => _exact is { } exact ? (long)exact.EnsureCapacity(0) * BytesPerSlot : HyperLogLog.RetainedBytes;

    public void Add(ReadOnlySpan<char> value)
    {
        ulong hash = HyperLogLog.Hash(value);
        if (_exact is null)
        {
            _hll!.AddHash(hash);
        }
        else if (_exact.Add(hash) && _exact.Count > exactLimit)
        {
            // A HyperLogLog does not depend on the order its values come in, so the set's order is fine.
            _hll = new HyperLogLog();
            foreach (ulong seen in _exact)
            {
                _hll.AddHash(seen);
            }
            _exact = null;
        }
    }

    public DistinctCount Count => _exact is { } exact ? new(exact.Count, false) : new(_hll!.Estimate(), true);
}
