namespace MLOps.Core.Scaffolding;

/// <summary>
/// What a new model is scaffolded from: the data (a file or a folder of parts, in any supported format), the label
/// column, an optional task (a spec spelling such as <c>regression</c>; null: inferred from the label), the model's
/// name and the folder its <c>model.yaml</c> and <c>schema.json</c> go to. A relative <see cref="DataPath"/> is
/// relative to <see cref="InvocationDirectory"/> (the folder the user typed it in), else to the current folder;
/// a relative <see cref="OutputDirectory"/> is relative to the current folder.
/// </summary>
public sealed record ScaffoldRequest(
    string DataPath,
    string Label,
    string ModelName,
    string OutputDirectory,
    string? Task = null,
    string? InvocationDirectory = null)
{
    /// <summary>The model folder, absolute.</summary>
    public string ModelDirectory => Path.GetFullPath(OutputDirectory);

    /// <summary>The spec's path: <c>model.yaml</c> in the model folder.</summary>
    public string SpecPath => Path.Combine(ModelDirectory, ModelScaffolder.SpecFileName);

    /// <summary>The schema's path: <c>schema.json</c> beside the spec.</summary>
    public string SchemaPath => Path.Combine(ModelDirectory, ModelScaffolder.SchemaFileName);

    /// <summary>The data, absolute, without a trailing separator (a folder is named one way, as the spec loader names it).</summary>
    public string FullDataPath => Path.TrimEndingDirectorySeparator(
        Path.GetFullPath(DataPath, Path.GetFullPath(string.IsNullOrEmpty(InvocationDirectory) ? Directory.GetCurrentDirectory() : InvocationDirectory)));
}
