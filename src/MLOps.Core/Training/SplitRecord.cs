using System.Globalization;
using MLOps.Core.Data.Fingerprints;
using MLOps.Core.Spec;
using MLOps.ModelFormat.Contract;

namespace MLOps.Core.Training;

/// <summary>What training.json and lineage say about a split: its kind, its settings and the rows each split got.</summary>
public static class SplitRecord
{
    public static SplitLineage Of(SplitSpec split, SplitRows rows) => split.Kind switch
    {
        SplitKind.Time => new SplitLineage(SplitLineage.Time, rows)
        {
            Column = split.By,
            TestFrom = SplitSpecReader.Text(split.TestFrom!.Value),
            ValidationFrom = split.ValidationFrom is { } from ? SplitSpecReader.Text(from) : null,
        },
        SplitKind.File => new SplitLineage(SplitLineage.File, rows)
        {
            ValidationFraction = split.ValidationFraction,
            Seed = split.ValidationFraction is null ? null : split.Seed,
            TestData = TestData(split.TestData!),
        },
        _ => new SplitLineage(SplitLineage.Random, rows) { TestFraction = split.TestFraction, ValidationFraction = split.ValidationFraction, Seed = split.Seed },
    };

    private static TestDataLineage TestData(string path)
    {
        DataFingerprint fingerprint = DataFingerprint.Of(path);
        return new TestDataLineage(path, fingerprint.Value, fingerprint.Files);
    }

    /// <summary>One line for messages and the CLI: "random: test 0.2, validation 0.1, seed 42", "time on date: test from 2001-02-15", ...</summary>
    public static string Describe(SplitSpec split) => split.Kind switch
    {
        SplitKind.Time => $"time on {split.By}: test from {SplitSpecReader.Text(split.TestFrom!.Value)}"
            + (split.ValidationFrom is { } from ? $", validation from {SplitSpecReader.Text(from)}" : ""),
        SplitKind.File => $"test data {split.TestData}" + (split.ValidationFraction is { } v ? $", validation {Text(v)}, seed {split.Seed}" : ""),
        _ => $"random: test {Text(split.TestFraction)}" + (split.ValidationFraction is { } f ? $", validation {Text(f)}" : "") + $", seed {split.Seed}",
    };

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
