using MLOps.Core.Diagnostics;
using MLOps.Core.Data.Profiling;
using MLOps.Core.Data.Readers;
using MLOps.Core.Data.Schema;

namespace MLOps.Core.Data.Validation;

/// <summary>
/// Checks a data file (CSV, Parquet or JSON Lines: see <see cref="TableReader"/>), or a folder of them, against its schema in one
/// streaming pass: the header names every schema column (extra columns are allowed; a name twice is an error),
/// and every value has the column's type, is present unless nullable, lies within min/max and in the allowed
/// set. It reports every violation (the first few individually, then counts), so one run tells the user
/// everything that is wrong. Problems with the file itself (bad bytes, corrupt Parquet) are violations too.
/// For Parquet, whose records are rows rather than lines, a diagnostic's line is the row and its message says so.
/// For a folder, a diagnostic at a location names the part file it is in; the end-of-pass checks name the folder.
/// </summary>
public static class DataValidator
{
    /// <param name="profiler">When given, every value of the same pass is also profiled (the drift baseline).</param>
    /// <param name="environment">The environment validated for (<see cref="TableSchema.KnownEnvironments"/>): a column
    /// declared for other environments only is neither required nor checked.</param>
    /// <param name="label">The spec's label column, if known: a missing label's message says how to mark it training-only.</param>
    public static ValidationReport Validate(string dataPath, TableSchema schema, DiagnosticBag bag, int maxDiagnostics = 20, TableProfiler? profiler = null, string environment = TableSchema.DefaultEnvironment, string? label = null)
    {
        // Held until the format is known (a folder's is its parts'): a Parquet diagnostic's line is a row, and says so.
        var found = new DiagnosticBag();
        var log = new ViolationLog(dataPath, found, maxDiagnostics);
        ValidationReport report;
        try
        {
            var options = new TableReaderOptions { Columns = [.. schema.Columns.Select(c => c.Name)] };
            using ITableReader reader = TableReader.Open(dataPath, (code, message, location, field) => log.Report(code, null, message, location, field), options, log.EnterPart);
            report = Check(reader, schema, log, profiler, environment, label);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Report(Codes.DataFileMissing, null, $"cannot open the data file: {e.Message} Check the data path in the model spec.");
            report = log.Finish(0, TableReader.FormatOf(dataPath));
        }
        bool byRow = report.LocationUnit == "row";
        foreach (Diagnostic d in found)
        {
            bag.Add(byRow && d.Line > 0 ? d with { Message = $"row {d.Line}: {d.Message}" } : d);
        }
        return report;
    }

    private static ValidationReport Check(ITableReader reader, TableSchema schema, ViolationLog log, TableProfiler? profiler, string environment, string? label)
    {
        long rows = 0;
        (ColumnCheck Text, ColumnCheck? Typed, int Column)[] checks = [];
        long[] nulls = [];
        if (reader.Columns.Count > 0)
        {
            checks = MatchHeader(reader, schema, log, environment, label);
            nulls = new long[checks.Length];
            UniqueKeyCheck? unique = UniqueKeyCheck.Create(schema, reader.Columns, log);
            int headerFields = reader.Columns.Count;
            while (reader.Read())
            {
                rows++;
                if (reader.FieldCount != headerFields)
                {
                    // Values of a ragged row are likely shifted: checking them would only add noise.
                    ReportRagged(reader, headerFields, log);
                    continue;
                }
                for (int i = 0; i < checks.Length; i++)
                {
                    (ColumnCheck text, ColumnCheck? typed, int column) = checks[i];
                    bool isTyped = typed is not null && reader.IsTypedValue(text.Field);
                    ColumnCheck check = isTyped ? typed! : text;
                    ReadOnlySpan<char> value = reader[check.Field];
                    if (value.IsEmpty)
                    {
                        nulls[i]++;
                    }
                    check.Check(value, reader.Location, log);
                    if (profiler is not null)
                    {
                        Profile(profiler, column, value, isTyped);
                    }
                }
                unique?.Check(reader, log);
            }
        }

        log.EnterPart(null); // What follows is about the data as a whole, not the last part read.
        if (rows == 0 && !reader.Stopped) // A reader that stopped has said why.
        {
            log.Report(Codes.DataFileEmpty, null, reader switch
            {
                FolderTableReader folder => $"none of the data folder's {folder.PartCount} data file(s) has a data row. Point the model at a folder whose parts hold rows.",
                _ when reader.Format == TableFormat.Parquet => "the Parquet file has no rows. Point the model at a file with at least one row.",
                _ when reader.Format == TableFormat.JsonLines => "the data file has no JSON objects. Point the model at a JSON Lines file with one object per line.",
                _ => $"the data file has {(reader.Columns.Count == 0 ? "no header row" : "a header but no data rows")}. Point the model at a CSV file with a header and at least one row.",
            });
        }
        else
        {
            TableChecks.Finish(schema, rows, checks.Select(c => schema.Columns[c.Column]).ToArray(), nulls, log);
        }
        return log.Finish(rows, reader.Format);
    }

    // A datetime column with a format gets a second check for typed values (Parquet timestamps), which the
    // reader renders in ISO 8601: they are dates already, so the format of the column's text does not apply.
    private static (ColumnCheck, ColumnCheck?, int)[] MatchHeader(ITableReader reader, TableSchema schema, ViolationLog log, string environment, string? label)
    {
        var fields = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < reader.Columns.Count; i++)
        {
            string name = reader.Columns[i];
            if (!fields.TryAdd(name, i)) // The first of duplicate names wins.
            {
                log.Report(Codes.HeaderDuplicateColumn, name,
                    $"the header names column {Visible.Quote(name)} twice (fields {fields[name] + 1} and {i + 1}), so its values are ambiguous; the first is used. Rename or remove one of them.",
                    reader.HeaderLocation, i + 1);
            }
        }

        var checks = new List<(ColumnCheck, ColumnCheck?, int)>(schema.Columns.Count);
        for (int index = 0; index < schema.Columns.Count; index++)
        {
            ColumnSchema column = schema.Columns[index];
            if (!column.AppliesIn(environment))
            {
                continue; // Neither required nor checked here (the label when serving).
            }
            foreach ((string code, string check) in CheckKinds.ValueChecks)
            {
                log.Tolerate(code, column.Name, column.MostlyFor(check));
            }
            if (fields.TryGetValue(column.Name, out int field))
            {
                ColumnCheck? typed = reader.Format != TableFormat.Csv && column is { Type: ColumnType.DateTime, Format: not null }
                    ? new ColumnCheck(column with { Format = null }, field, schema.SourcePath)
                    : null;
                checks.Add((new ColumnCheck(column, field, schema.SourcePath), typed, index));
            }
            else if (column.Required)
            {
                log.Report(Codes.HeaderMissingColumn, column.Name, MissingColumn.Message(column, reader.Columns, schema.SourcePath, environment, label), reader.HeaderLocation);
            }
        }
        return [.. checks];
    }

    // A typed value (a Parquet timestamp rendered in ISO 8601) is a date already; text is parsed as the schema says.
    private static void Profile(TableProfiler profiler, int column, ReadOnlySpan<char> value, bool isTyped)
    {
        if (isTyped && DateTime.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out DateTime date))
        {
            profiler.ObserveDateTime(column, date);
        }
        else
        {
            profiler.ObserveField(column, value);
        }
    }

    private static void ReportRagged(ITableReader reader, int headerFields, ViolationLog log)
    {
        if (log.Tally(Codes.RowFieldCountMismatch, null))
        {
            log.Show(Codes.RowFieldCountMismatch,
                $"the row has {reader.FieldCount} fields but the header has {headerFields}. Quote values that contain the separator or a line break, and give every row one value per header column.",
                reader.Location);
        }
    }
}
