using System.Globalization;
using System.Text.RegularExpressions;
using MLOps.Core.Data.Readers;
using MLOps.Core.Diagnostics;

namespace MLOps.Core.Spec;

/// <summary>
/// Reads the spec's <c>retrain:</c> section (docs/model-spec.md#retrain). That window.by is a datetime column of the
/// schema is checked with the schema, in <see cref="SpecSchemaCheck"/>.
/// </summary>
internal static partial class RetrainSpecReader
{
    public static RetrainSpec? Read(YamlMap root, string dir, DataSpec? data)
    {
        if (root.Map("retrain", required: false) is not { } map)
        {
            return null;
        }

        int before = map.Bag.Count;
        map.RejectUnknownKeys("data", "window");
        string? path = map.String("data", required: false) is { } text ? Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(dir, text))) : data?.Path;
        if (map.Node("data") is not null && path is not null && !DataFiles.Exists(path))
        {
            map.Error(Codes.SpecFileMissing, "data", $"Retrain data file or folder {Visible.Quote(path)} (retrain.data) not found. Check the path; it is relative to the spec's folder.");
        }

        RetrainWindow? window = null;
        if (map.Map("window", required: true) is { } w)
        {
            w.RejectUnknownKeys("by", "last");
            string? by = w.String("by", required: true);
            string? last = w.String("last", required: true);
            (int Count, WindowUnit Unit)? span = last is null ? null : Span(last);
            if (last is not null && span is null)
            {
                w.Error(Codes.RetrainWindowInvalid, "last", $"retrain.window.last must be a whole number above 0 and a unit (days, weeks or months), such as \"2 months\"; found {Visible.Quote(last)}.");
            }

            window = by is not null && span is { } s ? new RetrainWindow(by, s.Count, s.Unit) : null;
        }

        return map.Bag.Count > before || path is null || window is null ? null : new RetrainSpec(path, window, root.LineOf("retrain"));
    }

    private static (int, WindowUnit)? Span(string text)
    {
        Match match = SpanPattern().Match(text.Trim());
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count <= 0)
        {
            return null;
        }

        return (count, match.Groups[2].Value.TrimEnd('s') switch
        {
            "day" => WindowUnit.Days,
            "week" => WindowUnit.Weeks,
            _ => WindowUnit.Months,
        });
    }

    [GeneratedRegex(@"^(\d+)\s+(days?|weeks?|months?)$", RegexOptions.CultureInvariant)]
    private static partial Regex SpanPattern();
}
