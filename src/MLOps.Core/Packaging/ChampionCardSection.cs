using System.Globalization;
using System.Text;
using MLOps.Core.Gates;
using MLOps.Core.Spec;
using MLOps.ModelFormat.Contract;

namespace MLOps.Core.Packaging;

/// <summary>
/// The model card's "Against the champion" section (both models on the same test rows: metric, candidate, champion,
/// delta, threshold, verdict) and its "Gate override" section; nothing when lineage records neither.
/// </summary>
public static class ChampionCardSection
{
    public static void Render(StringBuilder md, ModelSpec spec, Lineage lineage)
    {
        ArgumentNullException.ThrowIfNull(md);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(lineage);
        if (lineage.Champion is { } champion)
        {
            md.AppendLine("## Against the champion");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"The champion is {lineage.ModelId} {champion.Version}, served by {champion.Stage} (model sha256 `{champion.ModelSha256}`), evaluated on the same held-out rows. Verdict: **{(champion.Passed ? "passed" : lineage.GateOverride is null ? "failed" : "failed, overridden")}**.");
            md.AppendLine();
            if (champion.NotComparable is { } reason)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"The champion could not be compared: {reason}.");
            }
            else
            {
                Table(md, spec, lineage, champion);
            }

            md.AppendLine();
        }

        if (lineage.GateOverride is { } applied)
        {
            md.AppendLine("## Gate override");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Failed gates were let through by {applied.By}: \"{applied.Reason}\".");
            md.AppendLine();
        }
    }

    private static void Table(StringBuilder md, ModelSpec spec, Lineage lineage, ChampionComparison champion)
    {
        md.AppendLine("| metric | candidate | champion | delta | threshold | verdict |");
        md.AppendLine("|---|---|---|---|---|---|");
        IEnumerable<string> names = MetricCatalog.Headline(spec.Task).Concat(champion.Verdicts.Select(v => v.Metric)).Distinct();
        foreach (string name in names.Where(n => lineage.Metrics.ContainsKey(n) && champion.Metrics.ContainsKey(n)))
        {
            double candidate = lineage.Metrics[name];
            double theirs = champion.Metrics[name];
            ChampionVerdict? verdict = champion.Verdicts.FirstOrDefault(v => v.Metric == name);
            ChampionGateSpec? gate = spec.Champion?.Metrics.FirstOrDefault(g => g.Metric == name);
            string threshold = gate is null ? "" : ChampionThreshold.Describe(gate);
            string outcome = verdict is null ? "" : verdict.Passed ? "passed" : lineage.GateOverride is null ? "failed" : "failed (overridden)";
            md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {candidate:0.0000} | {theirs:0.0000} | {candidate - theirs:+0.0000;-0.0000;0.0000} | {threshold} | {outcome} |");
        }

        md.AppendLine();
        md.AppendLine("Improvements are read in each metric's direction: higher is better, except for log-loss, rmse, mae and mse.");
    }
}
