using System.Globalization;
using MLOps.ModelFormat.Contract;

namespace MLOps.Core.Packaging;

/// <summary>The model card's line on how the rows were split: which rows judged the model, and how many each split had.</summary>
public static class SplitCardLine
{
    /// <summary>"- Split: by time on `date`: test from 2001-02-15 ...", or null when lineage does not record the split.</summary>
    public static string? Render(SplitLineage? split)
    {
        if (split is null)
        {
            return null;
        }

        string how = split.Kind switch
        {
            SplitLineage.Time => $"by time on `{split.Column}`: the test rows are those at or after {split.TestFrom}"
                + (split.ValidationFrom is { } from ? $", the validation rows those from {from}" : "")
                + ", so the model is judged on a period after the one it learned from",
            SplitLineage.File => $"the test rows are a separate file, `{split.TestData?.Path}` (fingerprint `{split.TestData?.Fingerprint}`)"
                + (split.ValidationFraction is { } v ? $"; validation rows drawn at random ({Text(v)} of the data, seed {split.Seed})" : ""),
            _ => $"random, test fraction {Text(split.TestFraction ?? 0)}" + (split.ValidationFraction is { } f ? $", validation fraction {Text(f)}" : "") + $", seed {split.Seed}",
        };
        string validation = split.Rows.Validation is { } rows ? string.Create(CultureInfo.InvariantCulture, $", {rows:N0} validation") : "";
        return string.Create(CultureInfo.InvariantCulture, $"- Split: {how}. Rows: {split.Rows.Train:N0} train{validation}, {split.Rows.Test:N0} test.");
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
