namespace MLOps.Core.Data.Profiling;

/// <summary>
/// A uniform random sample of fixed size (Vitter/Li "Algorithm L": after the sample is full, it draws how
/// many values to skip, so most values cost one comparison). The generator is a seeded SplitMix64, so the
/// same input in the same order always gives the same sample. Quantiles of the sample estimate the data's
/// quantiles with a rank error whose standard deviation is sqrt(p(1-p)/capacity).
/// </summary>
internal sealed class ReservoirSample
{
    private readonly double[] _sample;
    private ulong _state;
    private long _seen;
    private long _next;
    private double _w;

    public ReservoirSample(int capacity, ulong seed)
    {
        _sample = new double[capacity];
        _state = seed;
    }

    public int RetainedBytes => _sample.Length * sizeof(double);

    /// <summary>True while every value seen is in the sample, so its quantiles are exact.</summary>
    public bool IsComplete => _seen <= _sample.Length;

    public void Add(double value)
    {
        long index = _seen++;
        if (index < _sample.Length)
        {
            _sample[index] = value;
            if (index == _sample.Length - 1)
            {
                _w = Math.Exp(Math.Log(NextUniform()) / _sample.Length);
                _next = index + Skip() + 1;
            }
        }
        else if (index == _next)
        {
            _sample[(int)(NextUniform() * _sample.Length)] = value;
            _w *= Math.Exp(Math.Log(NextUniform()) / _sample.Length);
            _next = index + Skip() + 1;
        }
    }

    /// <summary>The sampled values, sorted ascending (a copy).</summary>
    public double[] Sorted()
    {
        double[] sorted = _sample[..(int)Math.Min(_seen, _sample.Length)];
        Array.Sort(sorted);
        return sorted;
    }

    private long Skip()
    {
        double skip = Math.Floor(Math.Log(NextUniform()) / double.LogP1(-_w));
        return skip >= long.MaxValue / 2 ? long.MaxValue / 2 : (long)skip;
    }

    // A double in (0, 1) from SplitMix64.
    private double NextUniform()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return ((z >> 11) + 0.5) * (1.0 / (1UL << 53));
    }
}
