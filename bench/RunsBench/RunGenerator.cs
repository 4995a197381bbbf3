using System.Globalization;
using MLOps.Core.Tracking;

namespace RunsBench;

/// <summary>
/// Deterministic, realistic runs: five models of three tasks, five trainers with their own hyperparameters (6-10 params),
/// 9 metrics of the model's task on the test and validation splits, 1-3 tags, a year of start times, statuses and
/// sources in the proportions a busy team sees, sweeps as children of a parent run.
/// </summary>
internal static class RunGenerator
{
    private static readonly string[] Models = ["FlightDelay", "ChurnRisk", "FraudScore", "HousePrice", "IrisSpecies"];
    private static readonly string[] Trainers = ["LightGbm", "FastTree", "FastForest", "SdcaLogisticRegression", "LbfgsLogisticRegression"];
    private static readonly string[] Binary = ["auc", "accuracy", "f1_score", "log_loss", "log_loss_reduction", "precision", "recall", "auprc", "entropy"];
    private static readonly string[] Regression = ["r_squared", "rmse", "mae", "mse", "loss", "mape", "explained_variance", "max_error"];
    private static readonly string[] Multiclass = ["macro_accuracy", "micro_accuracy", "log_loss", "log_loss_reduction", "top_k_accuracy", "per_class_min", "per_class_max", "f1_macro", "kappa", "entropy"];
    private static readonly string[] Notes = ["baseline", "big leaves", "more data", "new features", "retrain after drift", "bigger trees", "smaller learning rate"];
    private static readonly string[] Branches = ["main", "feature/time-split", "feature/new-cols", "release/1.x"];

    public static IEnumerable<Run> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);
        string? sweepParent = null;
        int trialsLeft = 0;
        for (int i = 0; i < count; i++)
        {
            string model = Models[random.Next(Models.Length)];
            string trainer = Trainers[random.Next(Trainers.Length)];
            DateTimeOffset started = start.AddSeconds(365.0 * 86400 * i / count + random.Next(60));
            string id = random.NextInt64().ToString("x16", CultureInfo.InvariantCulture);
            bool trial = trialsLeft > 0;
            if (!trial && random.Next(50) == 0)
            {
                sweepParent = id; // This run parents the next 8 trials.
                trialsLeft = 8;
            }
            else if (trial)
            {
                trialsLeft--;
            }

            int roll = random.Next(100);
            RunStatus status = roll < 80 ? RunStatus.Succeeded : roll < 88 ? RunStatus.Cached : roll < 94 ? RunStatus.GateFailed : roll < 99 ? RunStatus.Failed : RunStatus.Running;
            yield return new Run
            {
                Id = id,
                Model = model,
                Status = status,
                Source = trial ? RunSources.Sweep : random.Next(3) switch { 0 => RunSources.Build, 1 => RunSources.Cake, _ => RunSources.Cli },
                StartedAt = started,
                EndedAt = status == RunStatus.Running ? null : started.AddSeconds(2 + random.NextDouble() * 600),
                ParentId = trial ? sweepParent : null,
                Params = Params(random, trainer, i),
                Metrics = status is RunStatus.Failed or RunStatus.Running ? [] : Metrics(random, model),
                Tags = Tags(random),
                DataFingerprint = $"xxh128:{random.NextInt64():x16}",
                GitCommit = $"{random.NextInt64():x16}{random.NextInt64():x16}{random.Next():x8}",
                GitDirty = random.Next(5) == 0,
                Host = $"agent-{random.Next(12)}",
                ProcessId = random.Next(1000, 60000),
                CiSystem = random.Next(2) == 0 ? "github-actions" : null,
                ModelSha256 = $"{random.NextInt64():x16}{random.NextInt64():x16}",
                PackageId = $"{model}.Model",
                PackageVersion = $"1.{i / 1000}.{i % 1000}",
            };
        }
    }

    private static Dictionary<string, string> Params(Random random, string trainer, int i)
    {
        var p = new Dictionary<string, string>
        {
            ["trainer"] = trainer,
            ["seed"] = random.Next(1, 100).ToString(CultureInfo.InvariantCulture),
            ["spec_sha256"] = $"{i / 200:x8}{random.Next(4):x8}",
        };
        if (trainer is "LightGbm" or "FastTree" or "FastForest")
        {
            p["NumberOfLeaves"] = new[] { "15", "31", "63", "127" }[random.Next(4)];
            p["NumberOfTrees"] = random.Next(50, 500).ToString(CultureInfo.InvariantCulture);
            p["MinimumExampleCountPerLeaf"] = new[] { "10", "20", "50" }[random.Next(3)];
            if (trainer != "FastForest")
                p["LearningRate"] = Math.Round(0.01 + random.NextDouble() * 0.3, 4).ToString(CultureInfo.InvariantCulture);
            if (trainer == "LightGbm")
            {
                p["FeatureFraction"] = Math.Round(0.5 + random.NextDouble() / 2, 2).ToString(CultureInfo.InvariantCulture);
                p["L2Regularization"] = random.Next(3) == 0 ? "auto" : Math.Round(random.NextDouble(), 3).ToString(CultureInfo.InvariantCulture);
            }
        }
        else
        {
            p["L1Regularization"] = Math.Round(random.NextDouble() / 10, 4).ToString(CultureInfo.InvariantCulture);
            p["L2Regularization"] = Math.Round(random.NextDouble() / 10, 4).ToString(CultureInfo.InvariantCulture);
            p["MaximumNumberOfIterations"] = random.Next(10, 200).ToString(CultureInfo.InvariantCulture);
        }

        return p;
    }

    private static List<RunMetric> Metrics(Random random, string model)
    {
        string[] names = model switch { "HousePrice" => Regression, "IrisSpecies" => Multiclass, _ => Binary };
        var metrics = new List<RunMetric>(names.Length * 2);
        foreach (string name in names)
        {
            double test = Math.Round(0.5 + random.NextDouble() * 0.45, 6);
            metrics.Add(new RunMetric(RunMetric.Test, name, test));
            metrics.Add(new RunMetric(RunMetric.Validation, name, Math.Round(test + (random.NextDouble() - 0.5) * 0.04, 6)));
        }

        return metrics;
    }

    private static Dictionary<string, string> Tags(Random random)
    {
        var tags = new Dictionary<string, string> { ["branch"] = Branches[random.Next(Branches.Length)] };
        if (random.Next(3) == 0)
            tags["note"] = Notes[random.Next(Notes.Length)];
        if (random.Next(4) == 0)
            tags["owner"] = $"user{random.Next(20)}";
        return tags;
    }
}
