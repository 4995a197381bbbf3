using MLOps.Core.Diagnostics;
using MLOps.Core.Tracking;

namespace MLOps.Cli.Runs;

/// <summary>The text of <c>mlops runs show</c>: a block per kind of fact, a name and a value per line, '-' where the run records nothing.</summary>
internal static class RunDetails
{
    public static void Write(TextWriter output, Run run, int children, IReadOnlyList<string> documents)
    {
        output.WriteLine($"run {run.Id}");
        Block(output, "",
            ("model", run.Model), ("status", run.Status.ToName()), ("source", run.Source), ("started", RunText.Instant(run.StartedAt)),
            ("ended", RunText.Instant(run.EndedAt)), ("duration", RunText.Duration(run)), ("parent", run.ParentId),
            ("cached from", run.CachedFrom), ("children", children.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Block(output, "lineage",
            ("data", run.DataFingerprint), ("git commit", run.GitCommit is null ? null : run.GitCommit + (run.GitDirty == true ? " (dirty)" : "")),
            ("host", run.Host is null ? null : run.Host + (run.ProcessId is { } pid ? $" (pid {pid})" : "")), ("ci", run.CiSystem), ("ci run", run.CiRunUrl),
            ("tools", run.ToolVersions.Count == 0 ? null : string.Join(", ", run.ToolVersions.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key} {t.Value}"))));
        Block(output, "artifacts",
            ("model sha256", run.ModelSha256), ("package", run.PackageId is null ? null : $"{run.PackageId} {run.PackageVersion}".TrimEnd()),
            ("documents", documents.Count == 0 ? null : string.Join(", ", documents)));
        Block(output, "params", [.. run.Params.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, (string?)p.Value))]);
        Metrics(output, run);
        Block(output, "tags", [.. run.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Key, (string?)t.Value))]);
    }

    private static void Metrics(TextWriter output, Run run)
    {
        output.WriteLine();
        output.WriteLine("metrics");
        List<string> splits = [.. run.Metrics.Select(m => m.Split).Distinct().OrderBy(s => s == RunMetric.Test ? 0 : 1).ThenBy(s => s, StringComparer.Ordinal)];
        if (splits.Count == 0)
        {
            output.WriteLine("  -");
            return;
        }

        var table = new TextTable(["name", .. splits]).AlignRight([.. Enumerable.Range(1, splits.Count)]);
        foreach (string name in run.Metrics.Select(m => m.Name).Distinct().Order(StringComparer.Ordinal))
            table.Add([name, .. splits.Select(split => RunText.Metric(run.Metric(name, split)))]);
        using var indented = new StringWriter();
        table.Write(indented);
        foreach (string line in indented.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries))
            output.WriteLine("  " + line);
    }

    private static void Block(TextWriter output, string title, params (string Name, string? Value)[] lines)
    {
        if (title.Length > 0)
        {
            output.WriteLine();
            output.WriteLine(title);
        }

        if (lines.Length == 0)
            output.WriteLine("  -");
        int width = lines.Length == 0 ? 0 : lines.Max(l => l.Name.Length);
        foreach ((string name, string? value) in lines)
            output.WriteLine(Visible.Escape($"  {name.PadRight(width)}  {value ?? RunText.None}"));
    }
}
