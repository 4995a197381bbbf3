using System.Globalization;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using YamlDotNet.RepresentationModel;

namespace BareMLNet;

/// <summary>One CSV row, typed: what --load=memory keeps in a list.</summary>
public sealed class FlightRow
{
    [ColumnName("date")]
    public DateTime Date { get; set; }

    [ColumnName("delay")]
    public float Delay { get; set; }

    [ColumnName("distance")]
    public float Distance { get; set; }

    [ColumnName("origin")]
    public string Origin { get; set; } = "";

    [ColumnName("destination")]
    public string Destination { get; set; } = "";
}

public sealed class DelayRow
{
    [ColumnName("delay")]
    public float Delay { get; set; }
}

public sealed class LabelRow
{
    public bool Label { get; set; }
}

public sealed class DateRow
{
    [ColumnName("date")]
    public DateTime Date { get; set; }
}

/// <summary>The date features; a named mapping so the saved model loads again.</summary>
public sealed class DatePartsRow
{
    public const string ContractName = "BareMLNet.DateParts";

    public float DepartureHour { get; set; }

    public float DayOfWeek { get; set; }

    public float Month { get; set; }

    public static void Map(DateRow row, DatePartsRow parts)
    {
        parts.DepartureHour = row.Date.Hour;
        parts.DayOfWeek = (float)row.Date.DayOfWeek;
        parts.Month = row.Date.Month;
    }
}

[CustomMappingFactoryAttribute(DatePartsRow.ContractName)]
public sealed class DatePartsFactory : CustomMappingFactory<DateRow, DatePartsRow>
{
    public override Action<DateRow, DatePartsRow> GetMapping() => DatePartsRow.Map;
}

/// <summary>Compares scalar values of the model spec (by dotted path) with the values this program hard-codes; the trainer parameter set must match exactly.</summary>
public static class SpecCheck
{
    public static IEnumerable<string> Mismatches(TextReader yaml, IReadOnlyDictionary<string, string> expected)
    {
        var stream = new YamlStream();
        stream.Load(yaml);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        foreach (var (path, value) in expected)
        {
            string? found = Find(root, path);
            if (!string.Equals(found, value, StringComparison.Ordinal))
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"{path}: expected {value}, found {found ?? "nothing"}");
            }
        }

        if (root.Children.TryGetValue(new YamlScalarNode("trainer"), out YamlNode? trainer)
            && ((YamlMappingNode)trainer).Children.TryGetValue(new YamlScalarNode("parameters"), out YamlNode? parameters))
        {
            foreach (var key in ((YamlMappingNode)parameters).Children.Keys.Cast<YamlScalarNode>())
            {
                if (!expected.ContainsKey("trainer.parameters." + key.Value))
                {
                    yield return $"trainer.parameters.{key.Value}: not set by this program";
                }
            }
        }
    }

    private static string? Find(YamlMappingNode root, string path)
    {
        YamlNode node = root;
        foreach (string key in path.Split('.'))
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? child))
            {
                return null;
            }

            node = child;
        }

        return (node as YamlScalarNode)?.Value;
    }
}
