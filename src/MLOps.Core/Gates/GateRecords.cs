using MLOps.Core.Diagnostics;
using MLOps.Core.IO;
using MLOps.ModelFormat.Contract;

namespace MLOps.Core.Gates;

/// <summary>
/// What the gate step leaves beside gate.json for the package step: the champion comparison (gate.champion.json) and
/// the override used (gate.override.json), each present only when there is one; the package step puts them in lineage.
/// </summary>
public static class GateRecords
{
    public const string ChampionFile = "gate.champion.json";

    public const string OverrideFile = "gate.override.json";

    /// <summary>Deletes both records: a gate that fails leaves neither behind for a later pack.</summary>
    public static void Clear(string directory)
    {
        File.Delete(Path.Combine(directory, ChampionFile));
        File.Delete(Path.Combine(directory, OverrideFile));
    }

    public static void Write(string directory, GateOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Clear(directory);
        if (outcome.Champion is { } champion)
        {
            JsonFile.Write(Path.Combine(directory, ChampionFile), champion);
        }

        if (outcome.Override is { } applied)
        {
            JsonFile.Write(Path.Combine(directory, OverrideFile), applied);
        }
    }

    /// <summary><paramref name="lineage"/> with the champion comparison and the override the gate step recorded in <paramref name="directory"/>.</summary>
    public static Lineage Attach(Lineage lineage, string directory, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(lineage);
        string champion = Path.Combine(directory, ChampionFile);
        string applied = Path.Combine(directory, OverrideFile);
        return lineage with
        {
            Champion = File.Exists(champion) ? IntermediateFile.Read<ChampionComparison>(champion, bag) : null,
            GateOverride = File.Exists(applied) ? IntermediateFile.Read<GateOverride>(applied, bag) : null,
        };
    }
}
