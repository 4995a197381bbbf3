namespace MLOps.Runtime;

/// <summary>
/// Picks a share of calls, lock-free: call n is taken when a hash of (seed, n) falls below the rate. The same seed
/// takes the same calls in the same order, so a test can count exactly; many threads only share one counter.
/// </summary>
internal sealed class Sampler(double rate, int? seed)
{
    private readonly ulong _seed = (ulong)(seed ?? Random.Shared.Next());
    private readonly ulong _threshold = rate >= 1 ? ulong.MaxValue : (ulong)(rate * ulong.MaxValue);
    private long _calls;

    public bool Take()
    {
        if (_threshold == ulong.MaxValue)
        {
            return true;
        }

        ulong n = (ulong)Interlocked.Increment(ref _calls);
        return Mix((_seed << 32) ^ n) < _threshold;
    }

    // SplitMix64's finaliser: consecutive counters give independent-looking 64-bit values.
    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
