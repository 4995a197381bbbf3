using System.Globalization;
using MLOps.Core.Data.Readers;
using MLOps.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace MLOps.Core.Spec;

/// <summary>
/// Reads the spec's split section in one of its three forms (docs/model-spec.md#split): random (test-fraction, seed),
/// by time (by, test-from, validation-from) or from a separate test file (test-data); each may add a validation split.
/// Checks that need the schema (the column exists and is a datetime) are in <see cref="SpecSchemaCheck"/>.
/// </summary>
internal static class SplitSpecReader
{
    private static readonly string[] RandomKeys = ["test-fraction", "validation-fraction", "seed"];
    private static readonly string[] TimeKeys = ["by", "test-from", "validation-from"];
    private static readonly string[] FileKeys = ["test-data", "validation-fraction", "seed"];
    private static readonly string[] AllKeys = [.. RandomKeys.Union(TimeKeys).Union(FileKeys)];

    public static SplitSpec Read(YamlMap root, string dir)
    {
        YamlMap? map = root.Map("split", required: false);
        if (map is null)
        {
            return new SplitSpec(0.2, 0);
        }

        map.RejectUnknownKeys(AllKeys);
        bool byTime = map.Node("by") is not null, fromFile = map.Node("test-data") is not null;
        string[] allowed = byTime ? TimeKeys : fromFile ? FileKeys : RandomKeys;
        string form = byTime ? "a time split (by)" : fromFile ? "a test file (test-data)" : "a random split";
        foreach (var (key, _, line) in map.Entries())
        {
            if (Array.IndexOf(allowed, key) < 0 && Array.IndexOf(AllKeys, key) >= 0)
            {
                map.Bag.Error(Codes.SplitFormConflict, $"split.{key} does not apply to {form}, which takes {string.Join(", ", allowed)}. Keep one form of split: random (test-fraction, validation-fraction, seed), by time (by, test-from, validation-from) or a test file (test-data, validation-fraction, seed).", map.File, line);
            }
        }

        double fraction = byTime || fromFile ? 0 : map.Number("test-fraction", required: false) ?? 0.2;
        if (!byTime && !fromFile && fraction is <= 0 or >= 1)
        {
            map.Error(Codes.SpecInvalidSplit, "test-fraction", $"split.test-fraction must be strictly between 0 and 1; found {Text(fraction)}. 0.2 holds out a fifth of the rows.");
        }

        var split = new SplitSpec(fraction, byTime ? 0 : map.Integer("seed", required: false) ?? 0);
        bool usesNewKeys = byTime || fromFile || map.Node("validation-fraction") is not null;
        if (!usesNewKeys)
        {
            return split; // Today's form: exactly what it always was (reproducibility depends on it).
        }

        split = split with { Line = map.Line, ValidationFraction = byTime ? null : map.Number("validation-fraction", required: false) };
        if (split.ValidationFraction is { } v && (v is <= 0 or >= 1 || v + fraction >= 1))
        {
            map.Error(Codes.SplitValidationFractionInvalid, "validation-fraction",
                $"split.validation-fraction must be above 0 and leave training rows beside the test fraction ({Text(fraction)}); found {Text(v)}. 0.1 holds out a tenth of the rows for validation.");
        }

        return byTime ? ReadTime(map, split) : fromFile ? ReadFile(map, split, dir) : split;
    }

    /// <summary>Early stopping needs validation rows to stop on: MLOPS0055 on the parameter's line when the split has none.</summary>
    public static void CheckEarlyStopping(YamlMap root, TrainerSpec? trainer, SplitSpec split)
    {
        const string name = "EarlyStoppingRound"; // LightGbm's option; the trainers that take it are in TrainerCatalog.
        if (trainer is null || split.HasValidation || !trainer.Parameters.TryGetValue(name, out double rounds) || rounds <= 0)
        {
            return;
        }

        int line = root.Node("trainer") is YamlMappingNode t && t.Children.TryGetValue(new YamlScalarNode("parameters"), out YamlNode? p) && p is YamlMappingNode parameters
            ? parameters.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value == name).Select(k => (int)k.Start.Line).FirstOrDefault(root.Line)
            : root.Line;
        root.Bag.Error(Codes.EarlyStoppingNeedsValidation, $"trainer.parameters.{name} stops training when the validation metric stops improving, but the split has no validation rows. Add split.validation-fraction (e.g. 0.1) or, for a time split, split.validation-from; or remove {name}.", root.File, line);
    }

    private static SplitSpec ReadTime(YamlMap map, SplitSpec split)
    {
        split = split with { By = map.String("by", required: true), TestFrom = Instant(map, "test-from", required: true), ValidationFrom = Instant(map, "validation-from", required: false) };
        if (split.ValidationFrom >= split.TestFrom)
        {
            map.Error(Codes.SplitInstantOrder, "validation-from",
                $"split.validation-from ({Text(split.ValidationFrom!.Value)}) must be before split.test-from ({Text(split.TestFrom!.Value)}): the validation split is the rows in between.");
        }

        return split;
    }

    private static SplitSpec ReadFile(YamlMap map, SplitSpec split, string dir)
    {
        if (map.String("test-data", required: true) is not { } text)
        {
            return split;
        }

        string path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(dir, text)));
        if (!DataFiles.Exists(path))
        {
            map.Error(Codes.SpecFileMissing, "test-data", $"Test data file or folder {Visible.Quote(path)} (split.test-data) not found. Check the path; it is relative to the spec's folder.");
        }

        return split with { TestData = path };
    }

    private static DateTime? Instant(YamlMap map, string key, bool required)
    {
        string? text = map.String(key, required);
        if (text is null)
        {
            return null;
        }

        if (ValueParser.TryDateTime(text, null, out DateTime value))
        {
            return value;
        }

        map.Error(Codes.SplitInstantInvalid, key, $"split.{key} must be a date or a date and time such as 2001-02-15 or 2001-02-15T06:00; found {Visible.Quote(text)}.");
        return null;
    }

    public static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An instant as lineage and messages spell it: the date alone at midnight, else ISO 8601 to the second.</summary>
    public static string Text(DateTime value) =>
        value.TimeOfDay == TimeSpan.Zero ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : value.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
}
