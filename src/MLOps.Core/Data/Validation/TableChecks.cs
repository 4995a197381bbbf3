using System.Globalization;
using MLOps.Core.Diagnostics;
using MLOps.Core.Data.Schema;

namespace MLOps.Core.Data.Validation;

/// <summary>The checks decided at the end of the pass: the row count and each column's fraction of empty values.</summary>
internal static class TableChecks
{
    public static void Finish(TableSchema schema, long rows, ColumnSchema[] columns, long[] nulls, ViolationLog log)
    {
        if (schema.Rows is { } range && (rows < range.Min || rows > range.Max))
        {
            string expected = (range.Min, range.Max) switch
            {
                ({ } min, { } max) => $"between {min} and {max}",
                ({ } min, null) => $"at least {min}",
                _ => $"at most {range.Max}",
            };
            log.Report(Codes.RowCountOutOfRange, null,
                $"the data has {rows} rows, but the schema expects {expected} (schema: {schema.SourcePath}). Check the data is complete, or change \"rows\" in the schema.");
        }
        for (int i = 0; i < columns.Length; i++)
        {
            double fraction = rows == 0 ? 0 : (double)nulls[i] / rows;
            if (columns[i].MaxNullFraction is { } max && fraction > max)
            {
                if (log.Tally(Codes.TooManyNulls, columns[i].Name, 0, Percent(fraction), hasValue: true, count: nulls[i]))
                {
                    log.Show(Codes.TooManyNulls,
                        $"column {Visible.Quote(columns[i].Name)} is empty in {nulls[i]} of {rows} rows ({Percent(fraction)}), more than the schema's max_null_fraction {max.ToString(CultureInfo.InvariantCulture)} (schema: {schema.SourcePath}). Fill in the missing values or raise \"max_null_fraction\".");
                }
            }
        }
    }

    private static string Percent(double fraction) => ViolationLog.Percent(fraction);
}
