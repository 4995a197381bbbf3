using System.Globalization;
using Microsoft.Build.Framework;
using MLOps.Core.Diagnostics;
using MLOps.Core.Evaluation;
using MLOps.Core.IO;
using MLOps.Core.Spec;

namespace MLOps.Tasks;

/// <summary>
/// Fetches the champion (the version a stage serves) from its feed, verifies its model against its lineage and scores
/// the candidate's test rows with it: champion.json, which the gate compares the candidate with.
/// </summary>
public sealed class EvaluateChampion : MLOpsTask
{
    [Required]
    public string SpecFile { get; set; } = "";

    [Required]
    public string PackageId { get; set; } = "";

    [Required]
    public string TestSetFile { get; set; } = "";

    [Required]
    public string ChampionFeed { get; set; } = "";

    [Required]
    public string ChampionVersion { get; set; } = "";

    [Required]
    public string OutputFile { get; set; } = "";

    protected override void Run(DiagnosticBag bag)
    {
        if (File.Exists(OutputFile))
        {
            File.Delete(OutputFile);
        }

        if (SpecLoader.Load(SpecFile, bag) is not { } spec)
        {
            return;
        }

        if (!File.Exists(TestSetFile))
        {
            bag.Error(Codes.TrainingOutputMissing, $"'{TestSetFile}' is missing. Run the Train target first (dotnet build runs it).", SpecFile);
            return;
        }

        if (ChampionEvaluator.Evaluate(spec, PackageId, ChampionFeed, ChampionVersion, TestSetFile, bag) is not { } champion)
        {
            return;
        }

        JsonFile.Write(OutputFile, champion);
        Progress(champion.Metrics is { } metrics
            ? $"{spec.Name}: champion {champion.Version} ({champion.Stage}): " + string.Join(", ", MetricCatalog.Headline(spec.Task).Where(metrics.ContainsKey)
                .Select(m => $"{m} {metrics[m].ToString("0.0000", CultureInfo.InvariantCulture)}"))
            : $"{spec.Name}: champion {champion.Version} ({champion.Stage}) cannot score the test rows: {champion.NotComparable}");
    }
}
