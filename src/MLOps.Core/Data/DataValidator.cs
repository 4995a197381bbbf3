using MLOps.Core.Diagnostics;

namespace MLOps.Core.Data;

/// <summary>
/// Checks a CSV data file against its schema in one streaming pass: the header names every schema column
/// (extra columns are allowed), and every value has the column's type, is present unless nullable, lies
/// within min/max and in the allowed set. It reports every violation (the first few individually, then
/// counts), so one run tells the user everything that is wrong.
/// </summary>
public static class DataValidator
{
    public static ValidationReport Validate(string dataPath, TableSchema schema, DiagnosticBag bag, int maxDiagnostics = 20)
    {
        var log = new ViolationLog(dataPath, bag, maxDiagnostics);
        CsvReader reader;
        try
        {
            reader = CsvReader.Open(dataPath, bag: bag);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Report(Codes.DataFileMissing, null, $"cannot open the data file: {e.Message} Check the data path in the model spec.");
            return log.ToReport(0);
        }

        using (reader)
        {
            long rows = 0;
            if (reader.ReadRecord())
            {
                ColumnCheck[] checks = MatchHeader(reader, schema, log);
                int headerFields = reader.FieldCount;
                while (reader.ReadRecord())
                {
                    rows++;
                    if (reader.FieldCount != headerFields)
                    {
                        // Values of a ragged row are likely shifted: checking them would only add noise.
                        ReportRagged(reader, headerFields, log);
                        continue;
                    }
                    foreach (ColumnCheck check in checks)
                    {
                        check.Check(reader[check.Field], reader.Line, log);
                    }
                }
            }

            if (reader.HasUnterminatedQuote)
            {
                log.Tally(Codes.UnterminatedQuote, null); // The reader already reported where.
            }
            else if (rows == 0)
            {
                log.Report(Codes.DataFileEmpty, null, $"the data file has {(reader.Line == 0 ? "no header row" : "a header but no data rows")}. Point the model at a CSV file with a header and at least one row.");
            }
            log.Summarize();
            return log.ToReport(rows);
        }
    }

    private static ColumnCheck[] MatchHeader(CsvReader reader, TableSchema schema, ViolationLog log)
    {
        var fields = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = reader.FieldCount - 1; i >= 0; i--)
        {
            fields[reader.GetString(i)] = i; // The first of duplicate names wins.
        }

        var checks = new List<ColumnCheck>(schema.Columns.Count);
        foreach (ColumnSchema column in schema.Columns)
        {
            if (fields.TryGetValue(column.Name, out int field))
            {
                checks.Add(new ColumnCheck(column, field, schema.SourcePath));
            }
            else
            {
                string header = string.Join(", ", fields.OrderBy(f => f.Value).Select(f => f.Key));
                log.Report(Codes.HeaderMissingColumn, column.Name,
                    $"the header has no column '{column.Name}', which the schema declares (schema: {schema.SourcePath}). The header has: {header}. Add the column to the data or remove it from the schema.",
                    reader.Line);
            }
        }
        return [.. checks];
    }

    private static void ReportRagged(CsvReader reader, int headerFields, ViolationLog log)
    {
        if (log.Tally(Codes.RowFieldCountMismatch, null))
        {
            log.Show(Codes.RowFieldCountMismatch,
                $"the row has {reader.FieldCount} fields but the header has {headerFields}. Quote values that contain the separator or a line break, and give every row one value per header column.",
                reader.Line);
        }
    }
}
