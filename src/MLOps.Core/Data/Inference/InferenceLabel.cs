using MLOps.Core.Diagnostics;
using MLOps.Core.Data.Readers;
using MLOps.Core.Data.Schema;

namespace MLOps.Core.Data.Inference;

/// <summary>
/// The label column of schema inference (<see cref="InferenceOptions.Label"/>): it must be in the data's header
/// (MLOPS1070 otherwise), and the inferred schema marks it training-only, as serving data does not have it.
/// </summary>
internal static class InferenceLabel
{
    public static readonly IReadOnlyList<string> TrainingOnly = ["training"];

    /// <summary>True when there is no label, the header is empty (reported as such later), or the header has it.</summary>
    public static bool IsInHeader(string? label, ITableReader reader, string headerFile, DiagnosticBag bag)
    {
        if (label is null || reader.Columns.Count == 0 || reader.Columns.Contains(label, StringComparer.Ordinal))
        {
            return true;
        }

        bag.Error(Codes.InferLabelNotInData,
            $"the label column {Visible.Quote(label)} is not in the data, so it cannot be marked training-only. The header has: {Visible.List(reader.Columns)}. Give the label's name as the header spells it (case matters), or leave the label out.",
            headerFile, TableReader.ClampLine(reader.HeaderLocation));
        return false;
    }

    public static ColumnSchema Mark(ColumnSchema column, string? label) =>
        column.Name == label ? column with { Environments = TrainingOnly } : column;
}
