using System.Text;
using MLOps.Core.Evaluation;
using MLOps.Core.Spec;

namespace MLOps.Core.Scaffolding;

/// <summary>
/// Writes a scaffolded model.yaml in the layout of the repository's specs (flow mappings, one feature a line): name,
/// the description and intended use as comments to fill in, the task with why it was chosen, data and schema paths
/// relative to the spec's folder, the label, the features, LightGbm and the split seeded with 42, and the gates of the
/// task commented out, since only the user can say what the model must reach before it ships.
/// </summary>
internal static class SpecText
{
    public const int Seed = 42;

    // Metrics where lower is better get a max, the others a min.
    private static readonly HashSet<string> Losses = new(StringComparer.Ordinal) { "log_loss", "log_loss_nats", "rmse", "mae", "mse" };

    public static string Render(string name, LabelChoice choice, string label, string dataPath, string schemaPath,
        IReadOnlyList<ScaffoldFeature> features, IReadOnlyList<string> leftOut)
    {
        var yaml = new StringBuilder();
        yaml.Append("# Scaffolded from ").Append(Comment(dataPath)).Append(" with label '").Append(Comment(label)).Append("'. Review it, then dotnet build trains it.\n");
        yaml.Append("# Reference: docs/model-spec.md. The schema (").Append(schemaPath).Append(") was inferred from the same data: review it too.\n");
        yaml.Append("name: ").Append(name).Append('\n');
        yaml.Append("# description: What the model predicts, from which data (the first paragraph of the model card).\n");
        yaml.Append("# intended-use: Who may use its predictions for what, and where they must not be used.\n");
        yaml.Append("task: ").Append(SpecNames.Of(choice.Task)).Append("   # ").Append(Comment(choice.Why)).Append('\n');
        yaml.Append("data: { path: ").Append(YamlScalar.Of(dataPath)).Append(", schema: ").Append(YamlScalar.Of(schemaPath)).Append(" }\n");
        yaml.Append("label: { column: ").Append(YamlScalar.Of(label));
        if (choice.Rule is { } rule)
        {
            yaml.Append(", when: ").Append(YamlScalar.Quoted(rule.ToString()));
        }
        yaml.Append(" }\n");
        yaml.Append("features:\n");
        foreach (ScaffoldFeature f in features)
        {
            yaml.Append("  - { name: ").Append(f.Name).Append(", source: ").Append(YamlScalar.Of(f.Source));
            yaml.Append(f.Derive is null ? "" : $", derive: {f.Derive}").Append(f.Encode is null ? "" : $", encode: {f.Encode}").Append(" }\n");
        }
        foreach (string reason in leftOut)
        {
            yaml.Append("  # left out: ").Append(Comment(reason)).Append('\n');
        }
        yaml.Append("trainer: { name: LightGbm, seed: ").Append(Seed).Append(" }\n");
        yaml.Append("split: { test-fraction: 0.2, seed: ").Append(Seed).Append(" }\n");
        yaml.Append("# gates: set the thresholds your model must reach before it ships, then uncomment these lines.\n");
        yaml.Append("# Metrics are computed on the held-out split; a model that fails a gate is not packed.\n");
        yaml.Append("# gates:\n");
        foreach (string metric in MetricCatalog.For(choice.Task))
        {
            yaml.Append("#   ").Append(metric).Append(": { ").Append(Losses.Contains(metric) ? "max" : "min").Append(": }\n");
        }
        return yaml.ToString();
    }

    // A comment runs to the end of its line: a line break in a column's name must not end it.
    private static string Comment(string text) => string.Concat(text.Select(ch => char.IsControl(ch) ? ' ' : ch));
}
