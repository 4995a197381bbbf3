namespace MLOps.Core.Diagnostics;

/// <summary>
/// Every diagnostic code, by area (one partial file per area). A code is never reused, and each one
/// is explained in docs/diagnostics.md (a test keeps the two in step).
/// 0xxx spec/config, 1xxx data and schema, 2xxx training, 3xxx evaluation and gates,
/// 4xxx versioning and packaging, 5xxx registry and publish, 6xxx runtime, 8xxx tracking (run store, searching runs,
/// sweeps, report).
/// </summary>
public static partial class Codes
{
}
