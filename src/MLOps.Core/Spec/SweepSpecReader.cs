using System.Globalization;
using MLOps.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace MLOps.Core.Spec;

/// <summary>
/// Reads the spec's <c>sweep:</c> section (docs/sweeps.md) with the same line-aware diagnostics as the rest of the
/// spec: every mistake is an MLOPS006x at its line, and all of them are reported at once.
/// </summary>
internal static class SweepSpecReader
{
    public static SweepSpec? Read(YamlMap root, TaskType task, TrainerName? trainer, bool hasValidationSplit)
    {
        if (root.Map("sweep", required: false) is not { } map)
        {
            return null;
        }

        int before = map.Bag.Count;
        map.RejectUnknownKeys("metric", "strategy", "trials", "seed", "parallel", "parameters");
        string metric = map.String("metric", required: false) ?? SweepSpec.DefaultMetric(task);
        if (!MetricCatalog.For(task).Contains(metric))
        {
            map.Error(Codes.SweepInvalidSetting, "metric", $"Sweep metric {Visible.Quote(metric)} is not reported for task {SpecNames.Of(task)}. Valid metrics are: {string.Join(", ", MetricCatalog.For(task))}.");
        }

        SweepStrategy? strategy = ReadStrategy(map);
        int beforeTrials = map.Bag.Count;
        int? trials = map.Integer("trials", required: false);
        if (strategy == SweepStrategy.Random && trials is null or < 1 && map.Bag.Count == beforeTrials)
        {
            map.Error(Codes.SweepTrialsMissing, map.Node("trials") is null ? "strategy" : "trials",
                $"A random sweep needs the number of trials to draw, at least 1; found {(trials is { } t ? t.ToString(CultureInfo.InvariantCulture) : "none")}. Add e.g. trials: 8 (and seed: 7) under sweep.");
        }

        int? parallel = map.Integer("parallel", required: false);
        if (parallel < 1)
        {
            map.Error(Codes.SweepInvalidSetting, "parallel", $"sweep.parallel is the number of trial processes at once and must be at least 1; found {parallel}. Leave it out to use the processor count.");
        }

        IReadOnlyList<SweepParameter> parameters = ReadParameters(map, strategy, trainer);
        if (!hasValidationSplit)
        {
            // A sweep is judged on the validation split only; the test split stays for the one model chosen.
            map.Bag.Error(Codes.SweepNeedsValidationSplit,
                "The spec sweeps but has no validation split to judge the trials on (the test split judges only the model chosen). Add validation-fraction: 0.1 under split (or validation-from: <instant> for a split by time).",
                map.File, root.LineOf("sweep"));
        }
        if (map.Bag.Count > before || strategy is null)
        {
            return null;
        }

        if (strategy == SweepStrategy.Grid && GridSize(parameters) > SweepSpec.MaxTrials)
        {
            map.Error(Codes.SweepInvalidSize, "parameters", $"The grid has {GridSize(parameters):N0} trials (the product of the lists' lengths); a sweep runs at most {SweepSpec.MaxTrials:N0}. Shorten the lists, or use strategy: random with trials: N.");
            return null;
        }

        return new SweepSpec(metric, strategy.Value, strategy == SweepStrategy.Random ? trials : null, map.Integer("seed", required: false) ?? 0, parallel, parameters, root.LineOf("sweep"));
    }

    private static SweepStrategy? ReadStrategy(YamlMap map)
    {
        string text = map.String("strategy", required: false) ?? "grid";
        switch (text)
        {
            case "grid":
                return SweepStrategy.Grid;
            case "random":
                return SweepStrategy.Random;
            default:
                map.Error(Codes.SweepUnknownStrategy, "strategy", $"Unknown sweep strategy {Visible.Quote(text)}. Valid strategies are: grid (every combination of the listed values), random (trials: N draws, seeded).");
                return null;
        }
    }

    private static List<SweepParameter> ReadParameters(YamlMap map, SweepStrategy? strategy, TrainerName? trainer)
    {
        var parameters = new List<SweepParameter>();
        int before = map.Bag.Count;
        if (map.Map("parameters", required: true) is not { } space)
        {
            return parameters;
        }

        foreach (var (name, value, line) in space.Entries())
        {
            if (trainer is not null && !trainer.ParameterNames.Contains(name, StringComparer.Ordinal))
            {
                map.Bag.Error(Codes.SweepUnknownParameter, $"{Visible.Quote(name)} is not a hyperparameter of {trainer.Name}, so it cannot be swept. Valid ones are: {string.Join(", ", trainer.ParameterNames)}.", map.File, line);
                continue;
            }

            SweepParameter? parameter = value switch
            {
                YamlSequenceNode list => SweepSpaceReader.Choice(space, name, list, line),
                YamlMappingNode range => SweepSpaceReader.Range(new YamlMap(range, map.File, space.Qualified(name), map.Bag), name, strategy, line),
                _ => SweepSpaceReader.Invalid(space, name, line),
            };
            if (parameter is not null)
            {
                parameters.Add(parameter);
            }
        }

        if (parameters.Count == 0 && map.Bag.Count == before)
        {
            map.Error(Codes.SweepInvalidSize, "parameters", "sweep.parameters lists no hyperparameter to search. Add at least one, e.g. NumberOfLeaves: [15, 31, 63].");
        }

        return [.. parameters.OrderBy(p => p.Name, StringComparer.Ordinal)];
    }

    internal static long GridSize(IReadOnlyList<SweepParameter> parameters) =>
        parameters.Aggregate(1L, (n, p) => Math.Min(n * (p is SweepChoice c ? c.Values.Count : 1), long.MaxValue / 1024));
}
