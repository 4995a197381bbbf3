using MLOps.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MLOps.Core.Releases;

/// <summary>
/// Reads stages.yaml and release.yaml: the YAML document's root mapping, and typed values with the line and
/// column of each problem under one code (MLOPS0025 or MLOPS0026). Never throws on bad text.
/// </summary>
internal sealed class ReleaseYaml(string file, string code, string docs, DiagnosticBag bag)
{
    public string File => file;

    public YamlMappingNode? ParseRoot(string text)
    {
        try
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(text));
            if (yaml.Documents.Count == 0)
                return new YamlMappingNode();
            if (yaml.Documents[0].RootNode is YamlMappingNode root)
                return root;
            Error(yaml.Documents[0].RootNode, $"The file must be a mapping of keys; found {Describe(yaml.Documents[0].RootNode)}. See {docs} for the format.");
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException)
        {
            Mark at = e is YamlException y ? y.Start : Mark.Empty;
            bag.Error(code, $"The file is not valid YAML: {e.Message.TrimEnd('.')}. Fix the YAML at this line and column (indent with spaces, close every bracket and quote).", file, (int)at.Line, (int)at.Column);
        }

        return null;
    }

    public void RejectUnknownKeys(YamlMappingNode map, string where, params string[] known)
    {
        foreach (YamlNode key in map.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name } || Array.IndexOf(known, name) < 0)
                Error(key, $"Unknown key {Visible.Quote(Describe(key))} in {where}. Valid keys here are: {string.Join(", ", known)}. See {docs}.");
        }
    }

    public static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) ? value : null;

    /// <summary>A scalar string (non-empty); null and reported when present but not one, or missing and required.</summary>
    public string? String(YamlMappingNode map, string key, string where, bool required)
    {
        YamlNode? node = Get(map, key);
        if (node is null)
        {
            if (required)
                Error(map, $"Missing key '{key}' in {where}. See {docs} for the format.");
            return null;
        }

        if (node is YamlScalarNode { Value: { Length: > 0 } value })
            return value;
        Error(node, $"'{key}' in {where} must be a non-empty string; found {Visible.Quote(Describe(node))}.");
        return null;
    }

    public bool? Boolean(YamlMappingNode map, string key, string where)
    {
        YamlNode? node = Get(map, key);
        if (node is null)
            return null;
        if (node is YamlScalarNode { Value: "true" or "false" } s)
            return s.Value == "true";
        Error(node, $"'{key}' in {where} must be true or false; found {Visible.Quote(Describe(node))}.");
        return null;
    }

    public void Error(YamlNode node, string message) =>
        bag.Error(code, message, file, (int)node.Start.Line, (int)node.Start.Column);

    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value ?? "",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => node.NodeType.ToString(),
    };
}
