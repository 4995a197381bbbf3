using System.Globalization;
using MLOps.Core.Diagnostics;
using MLOps.ModelFormat;
using YamlDotNet.RepresentationModel;
using MLOps.Core.Data.Readers;

namespace MLOps.Core.Spec;

/// <summary>
/// Reads models/&lt;Model&gt;/model.yaml into a <see cref="ModelSpec"/>, reporting every problem with
/// its MLOPS0xxx code and line. Checks that need the data schema live in <see cref="SpecSchemaCheck"/>.
/// </summary>
public static class SpecLoader
{
    public static ModelSpec? Load(string path, DiagnosticBag bag)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            bag.Error(Codes.SpecNotFound, $"Model spec {Visible.Quote(full)} not found. Create it (see docs/model-spec.md) or point MLOpsSpec at it.", full);
            return null;
        }

        if (SpecYaml.Parse(full, bag) is not { } yaml)
        {
            return null;
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            bag.Error(Codes.SpecInvalidValue, "The spec must be a YAML mapping with keys name, task, data, label, features, trainer, split and gates.", full, 1);
            return null;
        }

        int before = bag.Count(d => d.Severity == Severity.Error);
        var map = new YamlMap(root, full, "", bag);
        map.RejectUnknownKeys("name", "description", "intended-use", "task", "data", "label", "features", "trainer", "split", "gates", "champion", "sweep", "monitoring", "drift", "retrain");
        string dir = Path.GetDirectoryName(full)!;

        string? name = map.String("name", required: true);
        TaskType? task = ReadTask(map);
        DataSpec? data = ReadData(map, dir);
        LabelSpec? label = ReadLabel(map);
        IReadOnlyList<FeatureSpec> features = ReadFeatures(map);
        TrainerSpec? trainer = task is { } t ? ReadTrainer(map, t) : null;
        SplitSpec split = SplitSpecReader.Read(map, dir);
        IReadOnlyList<GateSpec> gates = task is { } t2 ? ReadGates(map, t2) : [];
        ChampionSpec? champion = task is { } t3 ? ChampionSpecReader.Read(map, t3) : null;
        SplitSpecReader.CheckEarlyStopping(map, trainer, split);
        SweepSpec? sweep = task is { } t4 ? SweepSpecReader.Read(map, t4, trainer is null ? null : TrainerNames.Find(t4, trainer.Name), split.HasValidation) : null;
        DriftSpec? drift = DriftSpecReader.Read(map);
        RetrainSpec? retrain = RetrainSpecReader.Read(map, dir, data);
        MonitoringSpec? monitoring = task is { } t5 ? MonitoringSpecReader.Read(map, t5) : null;

        bool failed = bag.Count(d => d.Severity == Severity.Error) > before;
        if (failed || name is null || task is null || data is null || label is null || trainer is null)
        {
            return null;
        }

        return new ModelSpec(name, task.Value, data, label, features, trainer, split, gates, full,
            map.String("description", required: false), map.String("intended-use", required: false), champion, sweep)
        {
            Monitoring = monitoring,
            Drift = drift,
            Retrain = retrain,
        };
    }

    private static TaskType? ReadTask(YamlMap map)
    {
        string? task = map.String("task", required: true);
        if (task is null)
        {
            return null;
        }

        if (SpecNames.Tasks.TryGetValue(task, out var type))
        {
            return type;
        }

        map.Error(Codes.SpecUnknownTask, "task", $"Unknown task {Visible.Quote(task)}. Valid tasks are: {string.Join(", ", SpecNames.Tasks.Keys)}.");
        return null;
    }

    private static DataSpec? ReadData(YamlMap root, string dir)
    {
        YamlMap? map = root.Map("data", required: true);
        if (map is null)
        {
            return null;
        }

        map.RejectUnknownKeys("path", "schema");
        string? path = map.String("path", required: true);
        string? schema = map.String("schema", required: true);
        if (path is null || schema is null)
        {
            return null;
        }

        // A folder of data files (docs/model-spec.md) is named without a trailing '/', so lineage and the lock file spell it one way.
        var data = new DataSpec(Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(dir, path))), Path.GetFullPath(Path.Combine(dir, schema)));
        if (!DataFiles.Exists(data.Path))
        {
            map.Error(Codes.SpecFileMissing, "path", $"Data file or folder {Visible.Quote(data.Path)} (data.path) not found. Check the path; it is relative to the spec's folder.");
        }

        if (!File.Exists(data.SchemaPath))
        {
            map.Error(Codes.SpecFileMissing, "schema", $"Schema file {Visible.Quote(data.SchemaPath)} (data.schema) not found. Check the path; it is relative to the spec's folder.");
        }

        return data;
    }

    private static LabelSpec? ReadLabel(YamlMap root)
    {
        YamlMap? map = root.Map("label", required: true);
        if (map is null)
        {
            return null;
        }

        map.RejectUnknownKeys("column", "when");
        string? column = map.String("column", required: true);
        string? when = map.String("when", required: false);
        LabelRule? rule = null;
        if (when is not null)
        {
            rule = ParseRule(when);
            if (rule is null)
            {
                map.Error(Codes.SpecInvalidLabel, "when", $"label.when must be '<operator> <number>' with an operator among {string.Join(" ", SpecNames.LabelOperators)}; found {Visible.Quote(when)}. Example: when: \"> 15\".");
            }
        }

        return column is null ? null : new LabelSpec(column, rule, map.Line);
    }

    private static LabelRule? ParseRule(string text)
    {
        string trimmed = text.Trim();
        foreach (string op in SpecNames.LabelOperators.OrderByDescending(o => o.Length))
        {
            if (trimmed.StartsWith(op, StringComparison.Ordinal) &&
                double.TryParse(trimmed[op.Length..], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                return new LabelRule(op, value);
            }
        }

        return null;
    }

    private static IReadOnlyList<FeatureSpec> ReadFeatures(YamlMap root)
    {
        var features = new List<FeatureSpec>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (YamlMap map in root.ListOfMaps("features", required: true) ?? [])
        {
            map.RejectUnknownKeys("name", "source", "derive", "encode");
            string? name = map.String("name", required: true);
            string? source = map.String("source", required: true);
            string? derive = map.String("derive", required: false);
            string encodeText = map.String("encode", required: false) ?? "numeric";
            if (derive is not null && !DateParts.Columns.ContainsKey(derive))
            {
                map.Error(Codes.SpecUnknownDerivation, "derive", $"Unknown derivation {Visible.Quote(derive)}. Valid derivations are: {string.Join(", ", DateParts.Columns.Keys)}.");
            }

            if (!SpecNames.Encodings.TryGetValue(encodeText, out var encoding))
            {
                map.Error(Codes.SpecUnknownEncoding, "encode", $"Unknown encoding {Visible.Quote(encodeText)}. Valid encodings are: {string.Join(", ", SpecNames.Encodings.Keys)}.");
            }

            if (name is not null && !seen.Add(name))
            {
                map.Error(Codes.SpecDuplicateFeature, "name", $"Feature {Visible.Quote(name)} is declared twice. Give each feature its own name.");
            }

            if (name is not null && source is not null)
            {
                features.Add(new FeatureSpec(name, source, derive, encoding, map.Line));
            }
        }

        if (features.Count == 0 && root.Node("features") is not null)
        {
            root.Error(Codes.SpecInvalidValue, "features", "'features' must list at least one feature.");
        }

        return features;
    }

    private static TrainerSpec? ReadTrainer(YamlMap root, TaskType task)
    {
        YamlMap? map = root.Map("trainer", required: false);
        if (map is null)
        {
            return root.Node("trainer") is null ? new TrainerSpec(TrainerNames.Default, new Dictionary<string, double>(), 0) : null;
        }

        map.RejectUnknownKeys("name", "seed", "parameters");
        string name = map.String("name", required: false) ?? TrainerNames.Default;
        int seed = map.Integer("seed", required: false) ?? 0;
        TrainerName? descriptor = TrainerNames.Find(task, name);
        if (descriptor is null)
        {
            map.Error(Codes.SpecUnknownTrainer, "name", $"Unknown trainer '{name}' for task {SpecNames.Of(task)}. Valid trainers are: {string.Join(", ", TrainerNames.NamesFor(task))}.");
            return null;
        }

        var parameters = new SortedDictionary<string, double>(StringComparer.Ordinal);
        if (map.Map("parameters", required: false) is { } p)
        {
            foreach (var (key, value, line) in p.Entries())
            {
                if (!descriptor.ParameterNames.Contains(key, StringComparer.Ordinal))
                {
                    map.Bag.Error(Codes.SpecUnknownHyperparameter, $"{Visible.Quote(key)} is not a hyperparameter of {descriptor.Name}. Valid ones are: {string.Join(", ", descriptor.ParameterNames)}.", map.File, line);
                }
                else if (p.Number(key, required: true) is { } number)
                {
                    parameters[key] = number;
                }
            }
        }

        return new TrainerSpec(descriptor.Name, parameters, seed);
    }

    private static IReadOnlyList<GateSpec> ReadGates(YamlMap root, TaskType task)
    {
        var gates = new List<GateSpec>();
        YamlMap? map = root.Map("gates", required: false);
        if (map is null)
        {
            return gates;
        }

        IReadOnlyList<string> metrics = MetricCatalog.For(task);
        foreach (var (metric, _, line) in map.Entries())
        {
            if (!metrics.Contains(metric))
            {
                map.Bag.Error(Codes.SpecUnknownMetric, $"Gate metric {Visible.Quote(metric)} is not reported for task {SpecNames.Of(task)}. Valid metrics are: {string.Join(", ", metrics)}.", map.File, line);
                continue;
            }

            YamlMap? gate = map.Map(metric, required: true);
            if (gate is null)
            {
                continue;
            }

            gate.RejectUnknownKeys("min", "max");
            double? min = gate.Number("min", required: false);
            double? max = gate.Number("max", required: false);
            if (min is null && max is null)
            {
                map.Bag.Error(Codes.SpecInvalidGate, $"Gate {Visible.Quote(metric)} needs a min, a max or both, e.g. {metric}: {{ min: 0.7 }}.", map.File, line);
            }
            else if (min > max)
            {
                map.Bag.Error(Codes.SpecInvalidGate, $"Gate {Visible.Quote(metric)} has min {min} above max {max}; no model could pass it.", map.File, line);
            }
            else
            {
                gates.Add(new GateSpec(metric, min, max, line));
            }
        }

        return gates;
    }
}
