using System.Globalization;
using MLOps.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace MLOps.Core.Spec;

/// <summary>Reads one hyperparameter's search space: a list of values, or a range <c>{ min, max, scale, integer }</c>.</summary>
internal static class SweepSpaceReader
{
    public static SweepChoice? Choice(YamlMap space, string name, YamlSequenceNode list, int line)
    {
        var values = new List<double>();
        foreach (YamlNode item in list.Children)
        {
            if (item is YamlScalarNode { Value: var text } && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value))
            {
                values.Add(value);
            }
            else if (item is YamlScalarNode { Value: "true" or "false" } flag)
            {
                values.Add(flag.Value == "true" ? 1 : 0);
            }
            else
            {
                space.Bag.Error(Codes.SpecInvalidValue, $"{Visible.Quote(space.Qualified(name))} lists {Visible.Quote(item is YamlScalarNode s ? s.Value : "a " + item.NodeType)}; each value must be a number (or true/false).", space.File, (int)item.Start.Line, (int)item.Start.Column);
                return null;
            }
        }

        if (values.Count == 0)
        {
            space.Bag.Error(Codes.SweepInvalidRange, $"{Visible.Quote(space.Qualified(name))} lists no value to try. List at least one, e.g. {name}: [15, 31, 63].", space.File, line);
            return null;
        }

        return new SweepChoice(name, [.. values.Distinct()], line);
    }

    public static SweepRange? Range(YamlMap range, string name, SweepStrategy? strategy, int line)
    {
        int before = range.Bag.Count;
        range.RejectUnknownKeys("min", "max", "scale", "integer");
        if (strategy == SweepStrategy.Grid)
        {
            range.Bag.Error(Codes.SweepRangeInGrid, $"{Visible.Quote(range.Qualified(null).TrimEnd('.'))} is a range, but a grid tries listed values only. List the values (e.g. {name}: [0.05, 0.1, 0.2]) or use strategy: random with trials: N.", range.File, line);
            return null;
        }

        double? min = range.Number("min", required: true);
        double? max = range.Number("max", required: true);
        string scaleText = range.String("scale", required: false) ?? "linear";
        string integerText = range.String("integer", required: false) ?? "false";
        SweepScale? scale = scaleText switch { "linear" => SweepScale.Linear, "log" => SweepScale.Log, _ => null };
        if (scale is null)
        {
            range.Error(Codes.SweepInvalidScale, "scale", $"Unknown scale {Visible.Quote(scaleText)} for {name}. Valid scales are: linear (uniform between min and max), log (uniform in the logarithm: as many draws in 0.01-0.1 as in 0.1-1).");
        }

        if (integerText is not ("true" or "false"))
        {
            range.Error(Codes.SpecInvalidValue, "integer", $"{Visible.Quote(range.Qualified("integer"))} must be true or false; found {Visible.Quote(integerText)}.");
        }

        if (range.Bag.Count > before || min is not { } lo || max is not { } hi)
        {
            return null;
        }

        bool integer = integerText == "true";
        if (lo >= hi || (integer && Math.Floor(hi) < Math.Ceiling(lo)))
        {
            range.Bag.Error(Codes.SweepInvalidRange, $"{Visible.Quote(range.Qualified(null).TrimEnd('.'))} has min {Text(lo)} and max {Text(hi)}; min must be below max{(integer ? " with a whole number between them" : "")}. To fix a value, set it under trainer.parameters instead.", range.File, line);
            return null;
        }

        if (scale == SweepScale.Log && lo <= 0)
        {
            range.Error(Codes.SweepInvalidScale, "scale", $"A log scale needs min above 0 ({name} has min {Text(lo)}). Raise min, or use scale: linear.");
            return null;
        }

        return new SweepRange(name, lo, hi, scale!.Value, integer, line);
    }

    public static SweepParameter? Invalid(YamlMap space, string name, int line)
    {
        space.Bag.Error(Codes.SpecInvalidValue, $"{Visible.Quote(space.Qualified(name))} must be a list of values ([15, 31, 63]) or a range ({{ min: 0.02, max: 0.3, scale: log }}). To fix a value, set it under trainer.parameters.", space.File, line);
        return null;
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
