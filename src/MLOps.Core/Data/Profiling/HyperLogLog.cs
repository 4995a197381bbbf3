using System.IO.Hashing;
using System.Numerics;
using System.Runtime.InteropServices;

namespace MLOps.Core.Data.Profiling;

/// <summary>
/// A HyperLogLog distinct-count sketch over 64-bit XxHash64 hashes: 2^14 one-byte registers (16 KiB),
/// relative standard error 1.04/sqrt(2^14) = 0.81%. The estimate is Ertl's improved raw estimator
/// ("New cardinality estimation algorithms for HyperLogLog sketches", 2017), which needs neither bias
/// tables nor a switch to linear counting. Adding the same value twice changes nothing, so it is
/// order-independent and deterministic.
/// </summary>
internal sealed class HyperLogLog
{
    private const int Precision = 14;
    private const int Registers = 1 << Precision;
    private const int Q = 64 - Precision;

    private readonly byte[] _registers = new byte[Registers];

    public static int RetainedBytes => Registers;

    public void Add(double value)
    {
        double normalized = value + 0.0; // -0.0 and 0.0 are one value
        AddHash(XxHash64.HashToUInt64(MemoryMarshal.AsBytes(new ReadOnlySpan<double>(in normalized))));
    }

    public void Add(ReadOnlySpan<char> value) => AddHash(Hash(value));

    /// <summary>The hash <see cref="Add(ReadOnlySpan{char})"/> uses, for callers that keep hashes instead of strings.</summary>
    public static ulong Hash(ReadOnlySpan<char> value) => XxHash64.HashToUInt64(MemoryMarshal.AsBytes(value));

    public void AddHash(ulong hash)
    {
        int index = (int)(hash >> Q);
        ulong rest = hash << Precision;
        byte rank = rest == 0 ? (byte)(Q + 1) : (byte)(BitOperations.LeadingZeroCount(rest) + 1);
        if (rank > _registers[index])
        {
            _registers[index] = rank;
        }
    }

    public long Estimate()
    {
        Span<int> histogram = stackalloc int[Q + 2];
        foreach (byte register in _registers)
        {
            histogram[register]++;
        }
        const double m = Registers;
        double z = m * Tau(1 - (histogram[Q + 1] / m));
        for (int k = Q; k >= 1; k--)
        {
            z = 0.5 * (z + histogram[k]);
        }
        z += m * Sigma(histogram[0] / m);
        double alpha = 1 / (2 * Math.Log(2));
        return (long)Math.Round(alpha * m * m / z);
    }

    private static double Sigma(double x)
    {
        if (x == 1)
        {
            return double.PositiveInfinity;
        }
        double y = 1, z = x, previous;
        do
        {
            x *= x;
            previous = z;
            z += x * y;
            y += y;
        }
        while (z != previous);
        return z;
    }

    private static double Tau(double x)
    {
        if (x is 0 or 1)
        {
            return 0;
        }
        double y = 1, z = 1 - x, previous;
        do
        {
            x = Math.Sqrt(x);
            previous = z;
            y *= 0.5;
            z -= (1 - x) * (1 - x) * y;
        }
        while (z != previous);
        return z / 3;
    }
}
