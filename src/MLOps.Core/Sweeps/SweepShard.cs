using System.Globalization;

namespace MLOps.Core.Sweeps;

/// <summary>
/// One shard of a sweep's trials, <c>i/n</c> (1-based): the trials whose 0-based index modulo n is i-1, so n agents
/// each take every n-th trial and together run the plan exactly once, in any order.
/// </summary>
public sealed record SweepShard(int Index, int Count)
{
    public static SweepShard All { get; } = new(1, 1);

    public bool IsWhole => Count == 1;

    public bool Contains(SweepTrial trial) => (trial.Number - 1) % Count == Index - 1;

    public IReadOnlyList<SweepTrial> Of(IEnumerable<SweepTrial> plan) => [.. plan.Where(Contains)];

    /// <summary>Reads <c>i/n</c>; empty text is the whole sweep; null when the text is not a shard (1 &lt;= i &lt;= n).</summary>
    public static SweepShard? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return All;
        }

        string[] parts = text.Trim().Split('/');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int i)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            && n >= 1 && i >= 1 && i <= n
            ? new SweepShard(i, n)
            : null;
    }

    public override string ToString() => $"{Index}/{Count}";
}
