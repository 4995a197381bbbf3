using System.Globalization;
using System.Text;
using MLOps.Core.Data.Fingerprints;
using MLOps.Core.Data.Profiling;
using MLOps.Core.Spec;
using MLOps.ModelFormat.Contract;

namespace MLOps.Core.Packaging;

/// <summary>
/// The model card: the package's README.md, which NuGet feeds display. It says what the model predicts,
/// how well (the held-out metrics and gates), from which data and code, and how to call it.
/// </summary>
public static class ModelCard
{
    public static string Render(ModelSpec spec, Lineage lineage, string apiClass, string inputClass, DataProfile? profile = null)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# {lineage.ModelId} {lineage.ModelVersion}");
        md.AppendLine();
        md.AppendLine(spec.Description ?? $"A {lineage.Task} model trained by the MLOps pipeline.");
        md.AppendLine();
        AppendVersion(md, lineage.VersionDecision);
        md.AppendLine("## Intended use");
        md.AppendLine();
        md.AppendLine(spec.IntendedUse ?? "Not stated in the model spec.");
        md.AppendLine();
        md.AppendLine("## Metrics (held-out test split)");
        md.AppendLine();
        md.AppendLine("| metric | value | gate | verdict |");
        md.AppendLine("|---|---|---|---|");
        foreach (string name in MetricCatalog.For(spec.Task).Where(lineage.Metrics.ContainsKey))
        {
            var gate = spec.Gates.FirstOrDefault(g => g.Metric == name);
            var verdict = lineage.Gates.FirstOrDefault(g => g.Metric == name);
            md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {lineage.Metrics[name]:0.0000} | {(gate is null ? "" : Gates.QualityGate.Threshold(gate))} | {(verdict is null ? "" : verdict.Passed ? "passed" : "failed")} |");
        }

        md.AppendLine();
        md.AppendLine("Log-loss is in bits (ML.NET's convention); `log_loss_nats` in lineage.json is the same in nats.");
        md.AppendLine();
        ChampionCardSection.Render(md, spec, lineage);
        md.AppendLine("## Data");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Dataset: `{lineage.Data.Path}` ({(lineage.Data.Files is { } parts ? $"a folder of {parts.Count} files, " : "")}fingerprint `{lineage.Data.Fingerprint}`), {lineage.Data.Rows:N0} rows: {lineage.Data.TrainRows:N0} for training, {lineage.Data.TestRows:N0} held out.");
        if (SplitCardLine.Render(lineage.Split) is { } splitLine)
        {
            md.AppendLine(splitLine);
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"- Label: `{spec.Label.Column}`{(spec.Label.Rule is { } r ? $" {r}" : "")}.");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Features: {string.Join(", ", spec.Features.Select(Describe))}.");
        md.AppendLine();
        if (profile is not null)
        {
            md.AppendLine("### Data profile");
            md.AppendLine();
            md.AppendLine("The training data as validated (`profile.json` in the package holds the full profile: the drift baseline).");
            md.AppendLine();
            md.AppendLine(ProfileMarkdown.Render(profile));
        }

        md.AppendLine("## Training");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Trainer: {lineage.Trainer.Name}, seed {lineage.Trainer.Seed}, parameters: {Parameters(lineage.Trainer.Parameters)}.");
        if (lineage.Sweep is { } sweep)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- Sweep: these parameters won a sweep of {sweep.Trials} trials (trial {sweep.Trial}, {sweep.Metric} {sweep.Value:0.0000} on the validation split; parent run `{sweep.Parent}`). The test split judged this model only.");
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"- Code: commit `{lineage.Code.GitCommit ?? "unknown"}`{Uncommitted(lineage.Code)}; ML.NET {lineage.Tools.MLNet}.");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Model file sha256: `{lineage.ModelSha256}`; full lineage in `lineage.json`.");
        md.AppendLine();
        md.AppendLine("## Use");
        md.AppendLine();
        md.AppendLine("```csharp");
        md.AppendLine(CultureInfo.InvariantCulture, $"var model = {apiClass}.Load();   // verifies the model file against its lineage");
        md.AppendLine(CultureInfo.InvariantCulture, $"var prediction = model.Predict(new {inputClass} {{ /* ... */ }});");
        md.AppendLine("```");
        return md.ToString();
    }

    // Why this version: the contract compared with the feed's latest (docs/registry.md#versions).
    private static void AppendVersion(StringBuilder md, VersionDecision? decision)
    {
        if (decision is null)
            return;

        md.AppendLine("## Version");
        md.AppendLine();
        string previous = decision.Previous is { } p ? $" (previous {p})" : "";
        md.AppendLine(decision.Changes.Count == 0
            ? $"{Capitalized(decision.Change)}: {decision.Reason}{previous}."
            : $"{Capitalized(decision.Change)}{previous}, for these changes of the typed API:");
        foreach (string change in decision.Changes)
            md.AppendLine(CultureInfo.InvariantCulture, $"- {change}");
        md.AppendLine();
        if (decision.Prerelease is { } why)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"A pre-release: {why}.");
            md.AppendLine();
        }
    }

    private static string Capitalized(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private static string Describe(FeatureSpec f) => (f.Derive, f.Encoding) switch
    {
        (not null, FeatureEncoding.OneHot) => $"{f.Name} (one-hot of {f.Derive} of `{f.Source}`)",
        (not null, _) => $"{f.Name} ({f.Derive} of `{f.Source}`)",
        (null, FeatureEncoding.OneHot) => $"{f.Name} (one-hot of `{f.Source}`)",
        (null, FeatureEncoding.Text) => $"{f.Name} (text features of `{f.Source}`)",
        _ => $"{f.Name} (`{f.Source}`)",
    };

    private static string Parameters(IReadOnlyDictionary<string, double> parameters) =>
        parameters.Count == 0 ? "ML.NET defaults" : string.Join(", ", parameters.Select(p => $"{p.Key}={p.Value.ToString(CultureInfo.InvariantCulture)}"));

    private static string Uncommitted(CodeLineage code) => (code.GitDirty, code.InputsNotInCommit) switch
    {
        (true, { Count: > 0 } inputs) => $" (with uncommitted changes; not in the commit: {string.Join(", ", inputs.Select(i => $"`{i}`"))})",
        (true, _) => " (with uncommitted changes)",
        _ => "",
    };
}
