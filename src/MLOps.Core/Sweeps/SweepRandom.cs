namespace MLOps.Core.Sweeps;

/// <summary>
/// The seeded generator random sweeps draw from: SplitMix64 (Steele, Lea and Flood 2014), written out here rather than
/// System.Random because <c>new Random(seed)</c>'s sequence is only promised for one .NET version; a sweep must draw
/// the same trials on every agent and every runtime, today and after an upgrade.
/// </summary>
internal sealed class SweepRandom(int seed)
{
    private ulong _state = unchecked((ulong)seed);

    /// <summary>The next value, uniform in [0, 1), with 53 random bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    private ulong Next()
    {
        unchecked
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
