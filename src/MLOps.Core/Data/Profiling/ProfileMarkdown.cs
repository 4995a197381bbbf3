using System.Globalization;
using System.Text;

namespace MLOps.Core.Data.Profiling;

/// <summary>
/// The profile as a compact markdown table for the model card: one row per column with its type, missing
/// share, distinct count ("~" when estimated) and either min / median / max, its top three values, or (free
/// text) "length" and the min / median / max length of its values.
/// </summary>
public static class ProfileMarkdown
{
    private const int MaxShownLength = 40;

    public static string Render(DataProfile profile)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{profile.Rows:N0} rows.\n\n");
        text.Append("| Column | Type | Missing | Distinct | Min / median / max or top values |\n");
        text.Append("|---|---|---:|---:|---|\n");
        foreach (ColumnProfile column in profile.Columns)
        {
            long total = column.Count + column.Missing + column.Invalid;
            string missing = total == 0 ? "-" : ((double)column.Missing / total).ToString("0.0%", CultureInfo.InvariantCulture);
            string distinct = (column.Distinct.Estimated ? "~" : "") + column.Distinct.Value.ToString("N0", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"| {Escape(column.Name)} | {column.Type} | {missing} | {distinct} | {Summary(column)} |\n");
        }
        return text.ToString();
    }

    private static string Summary(ColumnProfile column)
    {
        if (column.DateTime is { } range)
        {
            return $"{range.Min} / {range.Median} / {range.Max}";
        }
        if (column.Numeric is { } numeric)
        {
            return $"{Number(numeric.Min)} / {Number(numeric.Quantiles.P50)} / {Number(numeric.Max)}";
        }
        if (column.Length is { } length)
        {
            return $"length {Number(length.Min)} / {Number(length.Quantiles.P50)} / {Number(length.Max)}";
        }
        if (column.Categories is { Top.Count: > 0 } categories)
        {
            return string.Join(", ", categories.Top.Take(3).Select(c =>
                $"{Escape(Shorten(c.Value))} ({c.Fraction.ToString("0.0%", CultureInfo.InvariantCulture)})"));
        }
        return "-";
    }

    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static string Shorten(string value) => value.Length > MaxShownLength ? value[..MaxShownLength] + "..." : value;

    // Pipes would split the cell; line breaks would end the row.
    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
