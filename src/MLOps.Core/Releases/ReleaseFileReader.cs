using System.Globalization;
using MLOps.Core.Diagnostics;
using NuGet.Versioning;
using YamlDotNet.RepresentationModel;

namespace MLOps.Core.Releases;

/// <summary>
/// Reads release.yaml. Every problem is an MLOPS0026 at its line and column: unknown keys, a stage that
/// stages.yaml does not have, a declared value that is neither a version nor "latest", a bad history entry.
/// </summary>
public static class ReleaseFileReader
{
    private const string Docs = "docs/registry.md (The release file)";

    private static readonly string[] EntryKeys = ["action", "stage", "version", "from", "at", "by", "reason", "override"];

    /// <summary>Reads the file; an empty release file when it does not exist; null when invalid (reported).</summary>
    public static ReleaseFile? Read(string path, StagesConfig? stages, DiagnosticBag bag)
    {
        if (!File.Exists(path))
            return ReleaseFile.Empty(path, package: null);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bag.Error(Codes.ReleaseFileInvalid, $"Release file '{path}' cannot be read: {e.Message} Check that it is readable.", path);
            return null;
        }

        return Parse(path, text, stages, bag);
    }

    public static ReleaseFile? Parse(string path, string text, StagesConfig? stages, DiagnosticBag bag)
    {
        int errors = bag.Count(d => d.Severity == Severity.Error);
        var yaml = new ReleaseYaml(path, Codes.ReleaseFileInvalid, Docs, bag);
        if (yaml.ParseRoot(text) is not { } root)
            return null;
        yaml.RejectUnknownKeys(root, "release.yaml", "package", "stages", "history");
        string? package = yaml.String(root, "package", "release.yaml", required: false);
        List<KeyValuePair<string, string>> declared = ReadStages(yaml, root, stages);
        List<ReleaseEntry> history = ReadHistory(yaml, root, stages);
        if (bag.Count(d => d.Severity == Severity.Error) > errors)
            return null;
        return new ReleaseFile(path, package, declared, history, Header(text));
    }

    private static List<KeyValuePair<string, string>> ReadStages(ReleaseYaml yaml, YamlMappingNode root, StagesConfig? stages)
    {
        var declared = new List<KeyValuePair<string, string>>();
        YamlNode? node = ReleaseYaml.Get(root, "stages");
        if (node is null || node is YamlScalarNode { Value: "" or null })
            return declared;
        if (node is not YamlMappingNode map)
        {
            yaml.Error(node, $"'stages' must be a mapping of stage name to version ('production: 1.2.0'); found {Visible.Quote(ReleaseYaml.Describe(node))}.");
            return declared;
        }

        foreach ((YamlNode key, YamlNode value) in map.Children)
        {
            string name = ReleaseYaml.Describe(key);
            if (!KnownStage(yaml, key, name, stages))
                continue;
            string text = ReleaseYaml.Describe(value);
            if (value is YamlScalarNode && (text == ReleaseFile.Latest || NuGetVersion.TryParseStrict(text, out _)))
                declared.Add(new(name, text == ReleaseFile.Latest ? text : NuGetVersion.Parse(text).ToNormalizedString()));
            else
                yaml.Error(value, $"Stage {Visible.Quote(name)} must declare a version (MAJOR.MINOR.PATCH, e.g. 1.2.0) or 'latest'; found {Visible.Quote(text)}.");
        }

        return declared;
    }

    private static List<ReleaseEntry> ReadHistory(ReleaseYaml yaml, YamlMappingNode root, StagesConfig? stages)
    {
        var history = new List<ReleaseEntry>();
        YamlNode? node = ReleaseYaml.Get(root, "history");
        if (node is null || node is YamlScalarNode { Value: "" or null })
            return history;
        if (node is not YamlSequenceNode list)
        {
            yaml.Error(node, $"'history' must be a list of entries ('- {{ action: promote, ... }}'); found {Visible.Quote(ReleaseYaml.Describe(node))}.");
            return history;
        }

        for (int i = 0; i < list.Children.Count; i++)
        {
            if (list.Children[i] is YamlMappingNode map)
            {
                if (ReadEntry(yaml, map, $"history[{i}]", stages) is { } entry)
                    history.Add(entry);
            }
            else
            {
                yaml.Error(list.Children[i], $"history[{i}] must be a mapping such as {{ action: promote, stage: production, version: 1.2.0, at: ..., by: ..., reason: \"...\" }}.");
            }
        }

        return history;
    }

    private static ReleaseEntry? ReadEntry(ReleaseYaml yaml, YamlMappingNode map, string where, StagesConfig? stages)
    {
        yaml.RejectUnknownKeys(map, where, EntryKeys);
        string? action = yaml.String(map, "action", where, required: true);
        string? stage = yaml.String(map, "stage", where, required: true);
        NuGetVersion? version = Version(yaml, map, "version", where, required: true);
        NuGetVersion? from = Version(yaml, map, "from", where, required: action == ReleaseEntry.Rollback);
        string? atText = yaml.String(map, "at", where, required: true);
        string? by = yaml.String(map, "by", where, required: true);
        string? reason = yaml.String(map, "reason", where, required: action == ReleaseEntry.Rollback);
        bool overridden = yaml.Boolean(map, "override", where) ?? false;
        if (action is not null and not (ReleaseEntry.Promote or ReleaseEntry.Rollback))
            yaml.Error(ReleaseYaml.Get(map, "action")!, $"{where}: action must be 'promote' or 'rollback'; found {Visible.Quote(action)}.");
        if (stage is not null)
            KnownStage(yaml, ReleaseYaml.Get(map, "stage")!, stage, stages);
        DateTimeOffset at = default;
        if (atText is not null && !DateTimeOffset.TryParse(atText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at))
            yaml.Error(ReleaseYaml.Get(map, "at")!, $"{where}: 'at' must be a UTC time such as 2026-12-01T10:00:00Z; found {Visible.Quote(atText)}.");
        return action is null || stage is null || version is null || atText is null || by is null ? null
            : new ReleaseEntry(action, stage, version, at.ToUniversalTime(), by, reason, from, overridden);
    }

    private static NuGetVersion? Version(ReleaseYaml yaml, YamlMappingNode map, string key, string where, bool required)
    {
        string? text = yaml.String(map, key, where, required);
        if (text is null)
            return null;
        if (NuGetVersion.TryParseStrict(text, out NuGetVersion? version))
            return version;
        yaml.Error(ReleaseYaml.Get(map, key)!, $"{where}: '{key}' must be a version such as 1.2.0; found {Visible.Quote(text)}.");
        return null;
    }

    private static bool KnownStage(ReleaseYaml yaml, YamlNode node, string name, StagesConfig? stages)
    {
        if (stages is null || stages.Find(name) is not null)
            return true;
        yaml.Error(node, $"Unknown stage {Visible.Quote(name)}. The stages are: {string.Join(", ", stages.Stages.Select(s => s.Name))} ({stages.File ?? "the defaults: no stages.yaml"}).");
        return false;
    }

    // The comment lines (and blank lines) the file starts with: kept as they are when the file is written again.
    private static string Header(string text)
    {
        string normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        int end = 0;
        while (end < normalized.Length)
        {
            int next = normalized.IndexOf('\n', end);
            string line = next < 0 ? normalized[end..] : normalized[end..next];
            if (line.Trim().Length > 0 && !line.TrimStart().StartsWith('#'))
                break;
            end = next < 0 ? normalized.Length : next + 1;
        }

        string header = normalized[..end];
        return header.Length == 0 || header.EndsWith('\n') ? header : header + "\n";
    }
}
