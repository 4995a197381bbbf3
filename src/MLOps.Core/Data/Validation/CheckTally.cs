using MLOps.Core.Diagnostics;

namespace MLOps.Core.Data.Validation;

/// <summary>
/// One check's count so far (a code on a column, or on the file), its first examples and, for a check with a
/// tolerance below 1, the diagnostics held back until the end of the pass decides whether they are errors.
/// </summary>
internal sealed class CheckTally(string code, string? column, double mostly)
{
    public string Code { get; } = code;

    public string? Column { get; } = column;

    public double Mostly { get; } = mostly;

    public bool Deferred => Mostly < 1;

    public long Count { get; set; }

    public List<ViolationExample> Examples { get; } = [];

    public List<Diagnostic> Held { get; } = [];

    /// <summary>True when the failing fraction is within the tolerance: the check is a warning, not an error.</summary>
    public bool IsWithinTolerance(double fraction) => Deferred && fraction <= 1 - Mostly + 1e-12;
}
