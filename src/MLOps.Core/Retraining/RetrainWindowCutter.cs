using System.Globalization;
using System.Text;
using MLOps.Core.Data.Fingerprints;
using MLOps.Core.Data.Readers;
using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;
using MLOps.Core.IO;
using MLOps.Core.Spec;
using MLOps.ModelFormat.Contract;

namespace MLOps.Core.Retraining;

/// <summary>
/// Cuts a retrain's window (the spec's <c>retrain:</c>) out of its data: one pass finds the newest value of the window's
/// column, a second writes the rows after <c>newest - last</c> as one CSV file (window.csv, the schema's columns in
/// the schema's text forms, so it validates and trains like the spec's own data) and window.json (<see cref="RetrainLineage"/>)
/// beside it. The same data gives the same bytes, so an unchanged window does not retrain (the run cache keys on it).
/// </summary>
public static class RetrainWindowCutter
{
    public const string DataFileName = "window.csv";

    /// <summary>Writes the window under <paramref name="outputDirectory"/> and returns its lineage, or null with the problem in <paramref name="bag"/>.</summary>
    public static RetrainLineage? Cut(ModelSpec spec, TableSchema schema, string outputDirectory, DiagnosticBag bag)
    {
        if (spec.Retrain is not { } retrain)
        {
            bag.Error(Codes.RetrainNotConfigured, $"{spec.Name} has no retrain: section, so there is no fresh-data window to train on. Add one (docs/model-spec.md#retrain), e.g. retrain: {{ window: {{ by: date, last: 2 months }} }}.", spec.SourcePath);
            return null;
        }

        ColumnSchema by = schema.Find(retrain.Window.By)!;
        try
        {
            if (Newest(retrain.Data, by, bag) is not { } newest)
            {
                if (!bag.HasErrors)
                {
                    bag.Error(Codes.RetrainWindowEmpty, $"The retrain data {Visible.Quote(retrain.Data)} has no value in column {Visible.Quote(by.Name)}, so no window can be counted back from its newest one.", spec.SourcePath, retrain.Line);
                }

                return null;
            }

            DateTime after = retrain.Window.StartAfter(newest);
            Directory.CreateDirectory(outputDirectory);
            string file = Path.Combine(outputDirectory, DataFileName);
            long rows = Write(retrain.Data, schema, by, after, file, bag);
            if (bag.HasErrors)
            {
                return null;
            }

            if (rows == 0)
            {
                bag.Error(Codes.RetrainWindowEmpty, $"The window {retrain.Window.Last} by {by.Name} (after {Text(after)}) holds no rows of {Visible.Quote(retrain.Data)}.", spec.SourcePath, retrain.Line);
                return null;
            }

            var lineage = new RetrainLineage(retrain.Data, DataFingerprint.Of(retrain.Data).Value, by.Name, retrain.Window.Last, Text(after), Text(newest), rows);
            JsonFile.Write(Path.Combine(outputDirectory, RetrainLineage.FileName), lineage);
            return lineage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bag.Error(Codes.RetrainDataUnreadable, $"The retrain data {Visible.Quote(retrain.Data)} could not be read, or its window not written under {Visible.Quote(outputDirectory)}: {e.Message}", spec.SourcePath, retrain.Line);
            return null;
        }
    }

    private static DateTime? Newest(string data, ColumnSchema by, DiagnosticBag bag)
    {
        DateTime? newest = null;
        using ITableReader reader = TableReader.Open(data, bag, new TableReaderOptions { Columns = [by.Name] });
        int field = Index(reader, by.Name, data, bag);
        while (field >= 0 && reader.Read())
        {
            if (field < reader.FieldCount && Parse(reader, field, by) is { } value && (newest is null || value > newest))
            {
                newest = value;
            }
        }

        return newest;
    }

    private static long Write(string data, TableSchema schema, ColumnSchema by, DateTime after, string file, DiagnosticBag bag)
    {
        string[] columns = [.. schema.Columns.Select(c => c.Name)];
        using ITableReader reader = TableReader.Open(data, bag, new TableReaderOptions { Columns = columns });
        int[] fields = [.. columns.Select(c => Index(reader, c, data, bag))];
        int byField = Array.IndexOf(columns, by.Name);
        if (fields[byField] < 0)
        {
            return 0;
        }

        string temp = TextFile.TempPath(file);
        long rows = 0;
        using (var writer = new StreamWriter(temp, append: false, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            writer.WriteLine(string.Join(',', columns.Select(Quote)));
            var line = new StringBuilder();
            while (reader.Read())
            {
                if (Parse(reader, fields[byField], by) is not { } when || when <= after)
                {
                    continue;
                }

                line.Clear();
                for (int i = 0; i < columns.Length; i++)
                {
                    line.Append(i == 0 ? "" : ",").Append(Quote(Field(reader, fields[i], schema.Columns[i])));
                }

                writer.WriteLine(line);
                rows++;
            }
        }

        File.Move(temp, file, overwrite: true);
        return rows;
    }

    // A typed value (a Parquet timestamp) is ISO 8601; a CSV or JSON string is in the schema's format already.
    private static string Field(ITableReader reader, int field, ColumnSchema column)
    {
        if (field < 0 || field >= reader.FieldCount)
        {
            return "";
        }

        string text = reader[field].ToString();
        return column.Type == ColumnType.DateTime && column.Format is { } format && reader.IsTypedValue(field)
            && ValueParser.TryDateTime(text, null, out DateTime value)
            ? value.ToString(format, CultureInfo.InvariantCulture)
            : text;
    }

    private static DateTime? Parse(ITableReader reader, int field, ColumnSchema by) =>
        ValueParser.TryDateTime(reader[field], reader.IsTypedValue(field) ? null : by.Format, out DateTime value) ? value : null;

    private static int Index(ITableReader reader, string column, string data, DiagnosticBag bag)
    {
        int index = reader.Columns.ToList().IndexOf(column);
        if (index < 0 && !bag.HasErrors)
        {
            bag.Error(Codes.RetrainDataUnreadable, $"The retrain data {Visible.Quote(data)} has no column {Visible.Quote(column)}; its columns are {Visible.List(reader.Columns)}. It must have the schema's columns.", data);
        }

        return index;
    }

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Text(DateTime value) => value.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
}
