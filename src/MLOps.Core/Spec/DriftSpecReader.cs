using System.Globalization;
using MLOps.Core.Diagnostics;
using MLOps.Core.Drift;
using YamlDotNet.RepresentationModel;

namespace MLOps.Core.Spec;

/// <summary>
/// Reads the spec's <c>drift:</c> section (docs/model-spec.md#drift) with the rest of the spec's line-aware
/// diagnostics. Column names are checked against the columns the drift check compares in <see cref="DriftSpecCheck"/>,
/// which needs the schema.
/// </summary>
internal static class DriftSpecReader
{
    public static DriftSpec? Read(YamlMap root)
    {
        if (root.Map("drift", required: false) is not { } map)
        {
            return null;
        }

        map.RejectUnknownKeys("share", "prediction", "columns");
        double? share = map.Number("share", required: false);
        if (share is <= 0 or > 1)
        {
            map.Error(Codes.DriftShareInvalid, "share", $"drift.share is the share of compared columns that must drift for the dataset to drift: above 0 and at most 1; found {Text(share.Value)}. 0.5 (the default) needs half of them.");
        }

        var columns = new List<DriftColumnSpec>();
        YamlMap? columnMap = map.Map("columns", required: false);
        foreach (var (column, _, line) in columnMap?.Entries() ?? [])
        {
            if (columnMap!.Map(column, required: true) is { } entry && ReadColumn(entry, column, line) is { } spec)
            {
                columns.Add(spec);
            }
        }

        return new DriftSpec(share, ReadPrediction(map), columns, root.LineOf("drift"));
    }

    private static bool? ReadPrediction(YamlMap map)
    {
        if (map.Node("prediction") is not { } node)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: "true" or "false" } s)
        {
            return s.Value == "true";
        }

        map.Error(Codes.DriftPredictionInvalid, "prediction", $"drift.prediction must be true (compare the model's output too, the default) or false; found {Visible.Quote(node is YamlScalarNode v ? v.Value ?? "" : "a " + node.NodeType.ToString().ToLowerInvariant())}.");
        return null;
    }

    private static DriftColumnSpec? ReadColumn(YamlMap entry, string column, int line)
    {
        int before = entry.Bag.Count;
        entry.RejectUnknownKeys("method", "threshold");
        string? method = entry.String("method", required: false);
        double? threshold = entry.Number("threshold", required: false);
        if (method is not null && !DriftMethods.IsKnown(method))
        {
            entry.Error(Codes.DriftMethodUnknown, "method", $"Drift method {Visible.Quote(method)} (drift.columns.{column}) is not one the drift check has. Valid methods are: {string.Join(", ", DriftMethods.Names)}.");
        }

        bool pValue = method is not null && DriftMethods.IsPValue(method);
        if (threshold is <= 0 || (pValue && threshold >= 1))
        {
            entry.Error(Codes.DriftThresholdInvalid, "threshold", $"drift.columns.{column}.threshold must be above 0{(pValue ? $" and below 1 ({method} compares a p-value with it: 0.05 is usual)" : " (the distance or statistic above which the column drifts)")}; found {Text(threshold!.Value)}.");
        }

        if (method is null && threshold is null && entry.Bag.Count == before)
        {
            entry.Bag.Error(Codes.DriftMethodUnknown, $"drift.columns.{column} needs a method, a threshold or both, e.g. {column}: {{ method: psi, threshold: 0.2 }}.", entry.File, line);
        }

        return entry.Bag.Count > before ? null : new DriftColumnSpec(column, method, threshold, line);
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
