using System.Globalization;
using MLOps.Core.Data.Profiling;
using MLOps.Core.Data.Schema;
using MLOps.Core.IO;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Profiling;

public sealed class ProfileBoundsTests
{
    private static readonly TableSchema Schema = new(
    [
        new ColumnSchema("x", ColumnType.Float),
        new ColumnSchema("k", ColumnType.Integer, Min: 0, Max: 1000),
        new ColumnSchema("s", ColumnType.Categorical),
        new ColumnSchema("t", ColumnType.Text),
    ], "schema.json");

    [Fact]
    public void Should_write_identical_json_bytes_When_the_same_input_is_profiled_twice()
    {
        // Given two profilers fed the same 100,000 rows
        using var temp = new TempFolder();
        string first = temp.PathOf("a/profile.json"), second = temp.PathOf("b/profile.json");
        Directory.CreateDirectory(Path.GetDirectoryName(first)!);
        Directory.CreateDirectory(Path.GetDirectoryName(second)!);

        // When each is written with JsonFile
        JsonFile.Write(first, Profile(100_000));
        JsonFile.Write(second, Profile(100_000));

        // Then the files are byte-identical and read back to the same profile
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        Assert.Equal(File.ReadAllText(first), JsonFile.Serialize(JsonFile.Read<DataProfile>(first)));
        Assert.Contains("\"std_dev\":", File.ReadAllText(first), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_not_grow_retained_memory_When_three_times_the_rows_are_profiled()
    {
        // Given one profiler over a high-cardinality number, an integer, a categorical and a text column (every text distinct)
        var profiler = new TableProfiler(Schema);
        var retained = new List<long>();

        // When 1M, 2M and 3M rows have been observed
        for (int million = 1; million <= 3; million++)
        {
            Feed(profiler, (million - 1) * 1_000_000, million * 1_000_000);
            retained.Add(profiler.RetainedBytes);
        }

        // Then the retained size stays under the documented bound every time: per numeric column
        // 8 * 16,384 (sample) + 8 * 8,192 (grid) + 8 * 20 (bins) + 16,384 (HyperLogLog) + 28 * 10,000 at most
        // (exact counts, dropped at the limit), per categorical column 512 + 16,384 + 10,000 * (50 + 2 * 5-char values),
        // per text column the numeric bound for its lengths (at most 28 * 150 exact counts: lengths are under 150)
        // and 16,384 for the HyperLogLog that replaced its exact set of hashes
        const long numeric = (8 * 16_384) + (8 * 8_192) + (8 * 20);
        const long bound = (2 * (numeric + 16_384)) + 512 + 16_384 + (10_000 * 60) + numeric + (28 * 150) + 16_384;
        Assert.All(retained, r => Assert.True(r <= bound, $"{string.Join(", ", retained)} > {bound}"));
    }

    [Fact]
    public void Should_not_allocate_per_value_When_texts_are_observed()
    {
        // Given a profiler past its exact-count limit on the text column
        var profiler = new TableProfiler(Schema);
        Feed(profiler, 0, 100_000);

        // When another 200,000 distinct texts are observed
        Span<char> text = stackalloc char[TextLength];
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 100_000; i < 300_000; i++)
        {
            profiler.ObserveText(3, Text(i, text));
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Then nothing is allocated: texts are hashed, not kept
        Assert.True(allocated < 10_000, $"{allocated} bytes");
    }

    [Fact]
    public void Should_not_allocate_per_value_When_numbers_are_observed()
    {
        // Given a profiler past its exact-count limit
        var profiler = new TableProfiler(Schema);
        Feed(profiler, 0, 100_000);

        // When another million numbers are observed
        long before = GC.GetAllocatedBytesForCurrentThread();
        var random = new Random(5);
        for (int i = 0; i < 1_000_000; i++)
        {
            profiler.ObserveNumber(0, random.NextDouble() * 1000);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Then (apart from rare grid re-centring) nothing is allocated
        Assert.True(allocated < 200_000, $"{allocated} bytes");
    }

    private static DataProfile Profile(int rows)
    {
        var profiler = new TableProfiler(Schema);
        Feed(profiler, 0, rows);
        return profiler.Finish(rows);
    }

    private static void Feed(TableProfiler profiler, int from, int to)
    {
        Span<char> text = stackalloc char[16];
        Span<char> comment = stackalloc char[TextLength];
        for (int i = from; i < to; i++)
        {
            ulong h = (ulong)i * 0x9E3779B97F4A7C15UL;
            profiler.ObserveNumber(0, (h >> 11) * (1.0 / (1UL << 53)) * 1000);
            profiler.ObserveNumber(1, (double)(h >> 54));
            ((int)(h >> 40) % 50_000).TryFormat(text, out int written, provider: CultureInfo.InvariantCulture);
            profiler.ObserveText(2, text[..written]);
            profiler.ObserveText(3, Text(i, comment));
        }
    }

    private const int TextLength = 140;

    // Row i's text: its number, then up to 127 'x' (a pseudo-random count), so every text is distinct.
    private static ReadOnlySpan<char> Text(int i, Span<char> buffer)
    {
        i.TryFormat(buffer, out int digits, provider: CultureInfo.InvariantCulture);
        int length = digits + (int)(((ulong)i * 0x9E3779B97F4A7C15UL) >> 57);
        buffer[digits..length].Fill('x');
        return buffer[..length];
    }
}
