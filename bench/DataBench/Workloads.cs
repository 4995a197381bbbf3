using System.Diagnostics;
using System.Globalization;
using MLOps.Core.Data.Profiling;
using MLOps.Core.Data.Readers;
using MLOps.Core.Data.Schema;
using MLOps.Core.Data.Validation;
using MLOps.Core.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DataBench;

/// <summary>The work being measured. Each returns a figure (rows read, a hash) that is checked to be the same on every run.</summary>
internal static class Workloads
{
    private const int BufferSize = 1 << 20;

    /// <summary>What the pipeline's ValidateData step does: validate and profile in one pass, then finish the profile.</summary>
    public static string ValidateAndProfile(string path, TableSchema schema)
    {
        var profiler = new TableProfiler(schema);
        ValidationReport report = DataValidator.Validate(path, schema, new DiagnosticBag(), profiler: profiler);
        DataProfile profile = profiler.Finish(report.RowsRead);
        return $"{report.RowsRead} rows, {report.ErrorCount} errors, {profile.Columns.Count} columns profiled";
    }

    public static string ValidateOnly(string path, TableSchema schema)
    {
        ValidationReport report = DataValidator.Validate(path, schema, new DiagnosticBag());
        return $"{report.RowsRead} rows, {report.ErrorCount} errors";
    }

    /// <summary>The CSV reader alone: every field of every row read, nothing checked.</summary>
    public static string ReadOnly(string path, TableSchema schema)
    {
        var options = new TableReaderOptions { Columns = [.. schema.Columns.Select(c => c.Name)] };
        using ITableReader reader = TableReader.Open(path, (DiagnosticBag?)null, options);
        long rows = 0, chars = 0;
        while (reader.Read())
        {
            rows++;
            for (int i = 0; i < reader.FieldCount; i++)
            {
                chars += reader[i].Length;
            }
        }
        return $"{rows} rows, {chars} chars";
    }

    /// <summary>A plain ML.NET program loading the CSV into an IDataView and reading every value of every row.</summary>
    public static string MLNetLoad(string path)
    {
        var ml = new MLContext(seed: 42);
        TextLoader loader = ml.Data.CreateTextLoader(FlightsTextLoader.Options());
        IDataView view = loader.Load(path);
        using DataViewRowCursor cursor = view.GetRowCursor(view.Schema);
        ValueGetter<DateTime> date = cursor.GetGetter<DateTime>(view.Schema["date"]);
        ValueGetter<float> delay = cursor.GetGetter<float>(view.Schema["delay"]);
        ValueGetter<float> distance = cursor.GetGetter<float>(view.Schema["distance"]);
        ValueGetter<ReadOnlyMemory<char>> origin = cursor.GetGetter<ReadOnlyMemory<char>>(view.Schema["origin"]);
        ValueGetter<ReadOnlyMemory<char>> destination = cursor.GetGetter<ReadOnlyMemory<char>>(view.Schema["destination"]);
        DateTime d = default;
        float delayValue = 0, distanceValue = 0;
        ReadOnlyMemory<char> from = default, to = default;
        long rows = 0, ticks = 0;
        double sum = 0;
        int chars = 0;
        while (cursor.MoveNext())
        {
            date(ref d);
            delay(ref delayValue);
            distance(ref distanceValue);
            origin(ref from);
            destination(ref to);
            rows++;
            ticks ^= d.Ticks;
            sum += delayValue + distanceValue;
            chars += from.Length + to.Length;
        }
        return $"{rows} rows, checksum {ticks ^ (long)sum ^ chars}";
    }

    /// <summary>The file's bytes read the way Fingerprint reads them, hashed by nothing.</summary>
    public static string ReadBytes(string path)
    {
        byte[] buffer = new byte[BufferSize];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        long total = 0;
        int read;
        while ((read = stream.Read(buffer, 0, BufferSize)) > 0)
        {
            total += read;
        }
        return $"{total} bytes";
    }

    /// <summary>`sha256sum FILE`, process start included (about a millisecond).</summary>
    public static string Sha256Sum(string path)
    {
        var start = new ProcessStartInfo("sha256sum") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(path);
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("cannot start sha256sum");
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"sha256sum exited with {process.ExitCode.ToString(CultureInfo.InvariantCulture)}");
        }
        return output.Split(' ', 2)[0];
    }
}
