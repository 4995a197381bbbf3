using MLOps.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace MLOps.Core.Releases;

/// <summary>
/// The stages a model is promoted through, in order (docs/registry.md "Stages"): read from stages.yaml, found
/// by searching upward from the model folder, or the defaults dev, staging, production when there is none.
/// The first stage is where builds publish.
/// </summary>
public sealed class StagesConfig
{
    public const string FileName = "stages.yaml";

    private const string Docs = "docs/registry.md (Stages)";

    private StagesConfig(IReadOnlyList<Stage> stages, string? file)
    {
        Stages = stages;
        File = file;
    }

    public IReadOnlyList<Stage> Stages { get; }

    /// <summary>The stages.yaml read; null when the defaults are used.</summary>
    public string? File { get; }

    /// <summary>The default stages, relative to <paramref name="repositoryRoot"/>.</summary>
    public static StagesConfig Defaults(string repositoryRoot) => new(
        [
            new Stage("dev", Path.GetFullPath("artifacts/feed", repositoryRoot)),
            new Stage("staging", Path.GetFullPath("artifacts/stages/staging", repositoryRoot)),
            new Stage("production", Path.GetFullPath("artifacts/stages/production", repositoryRoot)),
        ],
        file: null);

    public Stage? Find(string name) => Stages.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    /// <summary>The stage before <paramref name="stage"/> (where it is promoted from); null for the first.</summary>
    public Stage? Before(Stage stage)
    {
        int index = IndexOf(stage);
        return index > 0 ? Stages[index - 1] : null;
    }

    public int IndexOf(Stage stage) => Stages.ToList().FindIndex(s => s.Name == stage.Name);

    /// <summary>
    /// Finds stages.yaml from <paramref name="startDirectory"/> upward and reads it; the defaults (relative to
    /// the repository root) when none is found. Null when the file is invalid (MLOPS0025 reported).
    /// </summary>
    public static StagesConfig? Find(string startDirectory, DiagnosticBag bag, string? explicitFile = null)
    {
        string? file = explicitFile is { Length: > 0 } ? Path.GetFullPath(explicitFile) : Search(startDirectory);
        return file is null ? Defaults(RepositoryRoot.Find(startDirectory)) : Load(file, bag);
    }

    public static StagesConfig? Load(string file, DiagnosticBag bag)
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bag.Error(Codes.StagesFileInvalid, $"Stages file '{file}' cannot be read: {e.Message} Check that it exists and is readable.", file);
            return null;
        }

        var yaml = new ReleaseYaml(file, Codes.StagesFileInvalid, Docs, bag);
        int errors = bag.Count(d => d.Severity == Severity.Error);
        if (yaml.ParseRoot(text) is not { } root)
            return null;
        yaml.RejectUnknownKeys(root, "stages.yaml", "stages", "github");
        List<Stage> stages = ReadStages(yaml, root, Path.GetDirectoryName(file)!);
        if (stages.Count == 0 && !bag.Skip(errors).Any())
            yaml.Error(root, $"stages.yaml lists no stages. Expected 'stages:' with at least one '- name: ..., feed: ...' entry. See {Docs}.");
        return bag.Count(d => d.Severity == Severity.Error) > errors ? null : new StagesConfig(stages, file);
    }

    private static List<Stage> ReadStages(ReleaseYaml yaml, YamlMappingNode root, string folder)
    {
        var stages = new List<Stage>();
        YamlNode? node = ReleaseYaml.Get(root, "stages");
        if (node is null)
            return stages;
        if (node is not YamlSequenceNode list)
        {
            yaml.Error(node, $"'stages' must be a list of stages ('- name: dev' ...); found {Visible.Quote(ReleaseYaml.Describe(node))}.");
            return stages;
        }

        foreach (YamlNode item in list)
        {
            if (item is not YamlMappingNode map)
            {
                yaml.Error(item, $"Each stage must be a mapping such as {{ name: staging, feed: artifacts/stages/staging }}; found {Visible.Quote(ReleaseYaml.Describe(item))}.");
                continue;
            }

            yaml.RejectUnknownKeys(map, "a stage", "name", "feed", "api-key-env", "require-signed", "allow-insecure-connections");
            string? name = yaml.String(map, "name", "a stage", required: true);
            string? feed = yaml.String(map, "feed", $"stage {Visible.Quote(name)}", required: true);
            string? keyEnv = yaml.String(map, "api-key-env", $"stage {Visible.Quote(name)}", required: false);
            bool signed = yaml.Boolean(map, "require-signed", $"stage {Visible.Quote(name)}") ?? false;
            bool insecure = yaml.Boolean(map, "allow-insecure-connections", $"stage {Visible.Quote(name)}") ?? false;
            if (name is null || feed is null)
                continue;
            if (stages.Exists(s => s.Name == name))
            {
                yaml.Error(map, $"Stage {Visible.Quote(name)} is listed twice. Each stage name must be unique.");
                continue;
            }

            bool isUrl = Uri.TryCreate(feed, UriKind.Absolute, out Uri? uri) && !uri.IsFile;
            stages.Add(new Stage(name, isUrl ? feed : Path.GetFullPath(feed, folder), keyEnv, signed, insecure));
        }

        return stages;
    }

    private static string? Search(string startDirectory)
    {
        for (DirectoryInfo? dir = new(Path.GetFullPath(startDirectory)); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, FileName);
            if (System.IO.File.Exists(candidate))
                return candidate;
        }

        return null;
    }
}
