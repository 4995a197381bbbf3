using MLOps.Core.Data.Schema;
using MLOps.Core.Spec;

namespace MLOps.Core.Scaffolding;

/// <summary>
/// A scaffolded model: the schema inferred from its data (the label training-only) and the text of its
/// <c>model.yaml</c>, with the paths they are (or will be) written to.
/// </summary>
public sealed record ScaffoldedModel(
    TableSchema Schema,
    string SpecText,
    TaskType Task,
    IReadOnlyList<ScaffoldFeature> Features,
    string SpecPath,
    string SchemaPath);

/// <summary>One feature of a scaffolded spec: its name, source column, derivation and encoding (null: the spec's defaults).</summary>
public sealed record ScaffoldFeature(string Name, string Source, string? Derive = null, string? Encode = null);
