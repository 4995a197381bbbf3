using MLOps.Core.Diagnostics;
using MLOps.Core.Data.Readers;
using MLOps.Core.Data.Schema;
using MLOps.Core.Data.Validation;

namespace MLOps.Core.Data.Inference;

/// <summary>
/// Infers a schema from a data file (CSV, Parquet or JSON Lines, see <see cref="TableReader"/>), or a folder of them, in one
/// streaming pass, as TFX's <c>infer_schema</c> does: per column the narrowest type every non-empty value
/// parses as (boolean, then integer, then float, then a date/time in one of a few common formats, else a
/// string: categorical with its sorted distinct values as the allowed list when there are at most
/// <see cref="InferenceOptions.MaxCategories"/> of them, text beyond), nullable when any value is empty, and
/// the observed min/max of numbers. The result is a
/// starting point a user reviews, widens and commits. Problems are diagnostics, never exceptions.
/// </summary>
public static class SchemaInference
{
    private const int MaxDiagnostics = 20;

    /// <summary>The inferred schema (its <see cref="TableSchema.SourcePath"/> is the data file), or null when an error was reported.</summary>
    public static TableSchema? Infer(string dataPath, DiagnosticBag bag, InferenceOptions? options = null)
    {
        options ??= InferenceOptions.Default;
        int errorsBefore = Errors(bag);
        var log = new ViolationLog(dataPath, bag, MaxDiagnostics);
        ITableReader reader;
        try
        {
            reader = TableReader.Open(dataPath, bag, partOpened: log.EnterPart);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bag.Error(Codes.DataFileMissing, $"cannot open the data file: {e.Message} Check the path of the data file to infer a schema from.", dataPath);
            return null;
        }

        using (reader)
        {
            (ColumnInference Column, int Field)[] columns = ReadHeader(reader, options, log.CurrentFile, bag);
            if (!InferenceLabel.IsInHeader(options.Label, reader, log.CurrentFile, bag))
            {
                return null;
            }

            long rows = 0;
            while (reader.Read())
            {
                rows++;
                if (reader.FieldCount != reader.Columns.Count)
                {
                    log.Report(Codes.RowFieldCountMismatch, null,
                        $"the row has {reader.FieldCount} fields but the header has {reader.Columns.Count}; it was left out of the inference. Quote values that contain the separator or a line break, and give every row one value per header column.",
                        reader.Location);
                    continue;
                }
                foreach ((ColumnInference column, int field) in columns)
                {
                    column.Add(reader[field], reader.IsTypedValue(field));
                }
            }

            log.EnterPart(null);
            if (!reader.Stopped && rows == 0) // A file that stopped early was reported by its reader.
            {
                string found = reader.Format != TableFormat.Csv ? "no rows" : reader.Columns.Count == 0 ? "no header row" : "a header but no data rows";
                bag.Error(Codes.DataFileEmpty, $"the data file has {found}, so there is nothing to infer a schema from. Point at a file with at least one row.", dataPath);
            }
            log.Finish(rows);
            return Errors(bag) > errorsBefore ? null : new TableSchema(columns.Select(c => InferenceLabel.Mark(c.Column.ToSchema(), options.Label)).ToArray(), dataPath);
        }
    }

    // A schema names columns by header name: an unnamed column is left out (validation allows extra columns),
    // a repeated name is an error (the schema could not say which column it means).
    private static (ColumnInference, int)[] ReadHeader(ITableReader reader, InferenceOptions options, string headerFile, DiagnosticBag bag)
    {
        var columns = new List<(ColumnInference, int)>(reader.Columns.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int line = TableReader.ClampLine(reader.HeaderLocation);
        for (int field = 0; field < reader.Columns.Count; field++)
        {
            string name = reader.Columns[field];
            if (name.Length == 0)
            {
                bag.Warning(Codes.HeaderColumnUnnamed,
                    $"header column {field + 1} has no name, so the inferred schema leaves it out (validation ignores columns the schema does not declare). Name it in the header to have it inferred.",
                    headerFile, line, field + 1);
            }
            else if (!seen.Add(name))
            {
                bag.Error(Codes.HeaderDuplicateColumn,
                    $"header column {field + 1} repeats the name {Visible.Quote(name)}, so a schema cannot say which of the columns it means. Give every header column a unique name.",
                    headerFile, line, field + 1);
            }
            else
            {
                columns.Add((new ColumnInference(name, options.MaxCategories), field));
            }
        }
        return [.. columns];
    }

    private static int Errors(DiagnosticBag bag) => bag.Count(d => d.Severity == Severity.Error);
}
