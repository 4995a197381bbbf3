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

    /// <summary>
    /// The split as run params (invariant text): split_kind always; split_by, split_test_from, split_validation_from for a
    /// time split; split_validation_fraction and split_test_data when set. training.json's split_test_fraction and split_seed
    /// complete them.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Params(SplitSpec split)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["split_kind"] = split.Kind.ToString().ToLowerInvariant(),
        };
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                values[name] = value;
            }
        }

        Add("split_by", split.By);
        Add("split_test_from", split.TestFrom is { } test ? SplitSpecReader.Text(test) : null);
        Add("split_validation_from", split.ValidationFrom is { } from ? SplitSpecReader.Text(from) : null);
        Add("split_validation_fraction", split.ValidationFraction is { } v ? Text(v) : null);
        Add("split_test_data", split.TestData);
        return values;
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
