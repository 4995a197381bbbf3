using YamlDotNet.RepresentationModel;

namespace MLOps.Pipelines.Tests;

/// <summary>
/// A CI pipeline file's steps in document order, found wherever a <c>steps:</c> list is (GitHub jobs, Azure jobs and
/// deployment strategies), each with the environment its enclosing mappings declare.
/// </summary>
public static class PipelineFile
{
    /// <summary>The pipelines of this repository, which the mlops-repo template also packs.</summary>
    public static readonly string[] Paths = [".github/workflows/models.yml", ".azure-pipelines/models.yml"];

    private static readonly string[] CommandKeys = ["run", "script", "bash"];
    private static readonly string[] ReferenceKeys = ["uses", "task", "checkout"];

    public static IReadOnlyList<PipelineStep> Steps(string path)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        var steps = new List<PipelineStep>();
        Walk(yaml.Documents[0].RootNode, new Dictionary<string, string>(StringComparer.Ordinal), steps);
        return steps;
    }

    private static void Walk(YamlNode node, Dictionary<string, string> environment, List<PipelineStep> steps)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var scoped = new Dictionary<string, string>(environment, StringComparer.Ordinal);
                foreach (string key in new[] { "env", "variables" })
                {
                    if (Child(map, key) is YamlMappingNode variables)
                    {
                        foreach ((YamlNode name, YamlNode value) in variables.Children)
                            scoped[Scalar(name)!] = Scalar(value) ?? "";
                    }
                }

                foreach ((YamlNode key, YamlNode value) in map.Children)
                {
                    if (Scalar(key) == "steps" && value is YamlSequenceNode list)
                        steps.AddRange(list.Children.OfType<YamlMappingNode>().Select(s => Step(s, scoped)));
                    else
                        Walk(value, scoped, steps);
                }

                break;
            case YamlSequenceNode sequence:
                foreach (YamlNode item in sequence.Children)
                    Walk(item, environment, steps);
                break;
        }
    }

    private static PipelineStep Step(YamlMappingNode step, Dictionary<string, string> environment)
    {
        var scoped = new Dictionary<string, string>(environment, StringComparer.Ordinal);
        if (Child(step, "env") is YamlMappingNode env)
        {
            foreach ((YamlNode name, YamlNode value) in env.Children)
                scoped[Scalar(name)!] = Scalar(value) ?? "";
        }

        string? command = CommandKeys.Select(k => Scalar(Child(step, k))).FirstOrDefault(c => c is not null);
        string? reference = ReferenceKeys.Where(k => Child(step, k) is not null).Select(k => $"{k}: {Scalar(Child(step, k))}").FirstOrDefault();
        return new PipelineStep((int)step.Start.Line, command, reference, scoped);
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) ? value : null;

    private static string? Scalar(YamlNode? node) => (node as YamlScalarNode)?.Value;
}
