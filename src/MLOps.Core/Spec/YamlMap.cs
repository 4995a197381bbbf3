using System.Globalization;
using MLOps.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace MLOps.Core.Spec;

/// <summary>
/// Typed, line-aware access to one YAML mapping of the spec. Every problem becomes a diagnostic that
/// names the spec file and the line of the offending key or value; unknown keys are reported with the
/// valid ones, so a typo never passes silently.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly string _file;
    private readonly string _path;
    private readonly DiagnosticBag _bag;

    public YamlMap(YamlMappingNode node, string file, string path, DiagnosticBag bag)
    {
        _node = node;
        _file = file;
        _path = path;
        _bag = bag;
    }

    public int Line => (int)_node.Start.Line;

    public DiagnosticBag Bag => _bag;

    public string File => _file;

    public void RejectUnknownKeys(params string[] known)
    {
        foreach (var key in _node.Children.Keys.OfType<YamlScalarNode>())
        {
            if (Array.IndexOf(known, key.Value) < 0)
            {
                _bag.Error(Codes.SpecUnknownKey, $"Unknown key {Visible.Quote(Qualified(key.Value))}. Valid keys here are: {string.Join(", ", known)}.", _file, (int)key.Start.Line, (int)key.Start.Column);
            }
        }
    }

    public YamlNode? Node(string key) =>
        _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public int LineOf(string key) =>
        _node.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value == key) is { } k ? (int)k.Start.Line : Line;

    public string? String(string key, bool required) =>
        Read(key, required, "a non-empty string", node => node is YamlScalarNode { Value: { Length: > 0 } value } ? value : null);

    public double? Number(string key, bool required) =>
        Read(key, required, "a number", node =>
            node is YamlScalarNode s && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
                ? value
                : (double?)null);

    public int? Integer(string key, bool required) =>
        Read(key, required, "a whole number", node =>
            node is YamlScalarNode s && int.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : (int?)null);

    public YamlMap? Map(string key, bool required) =>
        Read(key, required, "a mapping (key: value lines)", node => node is YamlMappingNode map ? new YamlMap(map, _file, Qualified(key), _bag) : null);

    public IReadOnlyList<YamlMap>? ListOfMaps(string key, bool required) =>
        Read(key, required, "a list", node => node is YamlSequenceNode list ? Maps(key, list) : null);

    private List<YamlMap> Maps(string key, YamlSequenceNode list)
    {
        var maps = new List<YamlMap>();
        for (int i = 0; i < list.Children.Count; i++)
        {
            if (list.Children[i] is YamlMappingNode m)
            {
                maps.Add(new YamlMap(m, _file, $"{Qualified(key)}[{i}]", _bag));
            }
            else
            {
                Invalid($"{key}[{i}]", list.Children[i], "a mapping such as { name: X, source: y }");
            }
        }

        return maps;
    }

    /// <summary>Reads one key: absent is an error only when required; present but unconvertible always is.</summary>
    private T? Read<T>(string key, bool required, string expected, Func<YamlNode, T?> convert)
    {
        YamlNode? node = Node(key);
        if (node is null)
        {
            if (required)
            {
                Missing(key);
            }

            return default;
        }

        T? value = convert(node);
        if (value is null)
        {
            Invalid(key, node, expected);
        }

        return value;
    }

    /// <summary>The entries of this mapping in file order, with the line of each key.</summary>
    public IEnumerable<(string Key, YamlNode Value, int Line)> Entries() =>
        _node.Children.Where(e => e.Key is YamlScalarNode).Select(e => (((YamlScalarNode)e.Key).Value ?? "", e.Value, (int)e.Key.Start.Line));

    public string Qualified(string? key) => _path.Length == 0 ? key ?? "" : $"{_path}.{key}";

    public void Error(string code, string key, string message) =>
        _bag.Error(code, message, _file, LineOf(key));

    private void Missing(string key) =>
        _bag.Error(Codes.SpecMissingKey, $"Missing required key {Visible.Quote(Qualified(key))}. See docs/model-spec.md for the format.", _file, Line);

    private void Invalid(string key, YamlNode node, string expected) =>
        _bag.Error(Codes.SpecInvalidValue, $"{Visible.Quote(Qualified(key))} must be {expected}; found {Visible.Quote(Describe(node))}.", _file, (int)node.Start.Line, (int)node.Start.Column);

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value ?? "",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => node.NodeType.ToString(),
    };
}
