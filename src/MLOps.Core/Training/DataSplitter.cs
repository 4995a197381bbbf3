using Microsoft.ML;
using Microsoft.ML.Data;
using MLOps.Core.Spec;

namespace MLOps.Core.Training;

/// <summary>The rows a model is fitted on, the optional validation rows (early stopping, sweeps) and the held-out test rows.</summary>
public sealed record SplitSets(IDataView Train, IDataView Test, IDataView? Validation);

/// <summary>
/// Splits labelled rows as the spec's split says (docs/model-spec.md#split). Random: ML.NET's seeded TrainTestSplit,
/// called exactly as before validation splits existed, so today's specs train the same bytes; the validation rows are
/// then drawn from the remaining rows with the seed + 1 (a second draw with the same seed would repeat the first
/// draw's random numbers). Time: rows at or after test-from are the test split, [validation-from, test-from) the
/// validation split. File: the test rows are the separate test data; the validation rows are drawn from the data.
/// </summary>
public static class DataSplitter
{
    /// <summary>The column a time split copies its datetime column into, to filter on it by a fixed name.</summary>
    internal const string TimeColumn = "__mlops_split_time";

    /// <param name="testData">The separate test rows, labelled the same way (file kind only).</param>
    public static SplitSets Split(MLContext ml, SplitSpec split, IDataView rows, IDataView? testData = null)
    {
        switch (split.Kind)
        {
            case SplitKind.Time:
                return ByTime(ml, split, rows);
            case SplitKind.File:
                IDataView test = testData ?? throw new ArgumentNullException(nameof(testData), "A file split needs its test data.");
                if (split.ValidationFraction is not { } v)
                {
                    return new SplitSets(rows, test, null);
                }

                var drawn = ml.Data.TrainTestSplit(rows, v, seed: unchecked(split.Seed + 1));
                return new SplitSets(drawn.TrainSet, test, drawn.TestSet);
            default:
                var first = ml.Data.TrainTestSplit(rows, split.TestFraction, seed: split.Seed);
                if (split.ValidationFraction is not { } fraction)
                {
                    return new SplitSets(first.TrainSet, first.TestSet, null);
                }

                // The fraction is of all rows; the second draw sees only the (1 - test) rows left.
                var second = ml.Data.TrainTestSplit(first.TrainSet, fraction / (1 - split.TestFraction), seed: unchecked(split.Seed + 1));
                return new SplitSets(second.TrainSet, first.TestSet, second.TestSet);
        }
    }

    private static SplitSets ByTime(MLContext ml, SplitSpec split, IDataView rows)
    {
        DateTime testFrom = split.TestFrom!.Value;
        DateTime trainUntil = split.ValidationFrom ?? testFrom;
        IDataView timed = ml.Transforms.CopyColumns(TimeColumn, split.By!).Fit(rows).Transform(rows);

        // FilterByCustomPredicate drops the rows for which the predicate is true.
        IDataView Keep(Func<DateTime, bool> keep) =>
            ml.Transforms.DropColumns(TimeColumn).Fit(timed).Transform(
                ml.Data.FilterByCustomPredicate<SplitTimeRow>(timed, row => !keep(row.Time)));

        IDataView? validation = split.ValidationFrom is { } from ? Keep(t => t >= from && t < testFrom) : null;
        return new SplitSets(Keep(t => t < trainUntil), Keep(t => t >= testFrom), validation);
    }
}

/// <summary>The row a time split's filter reads (public: ML.NET binds it by reflection).</summary>
public sealed class SplitTimeRow
{
    [ColumnName(DataSplitter.TimeColumn)]
    public DateTime Time { get; set; }
}
