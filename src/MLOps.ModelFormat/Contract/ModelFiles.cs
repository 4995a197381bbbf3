namespace MLOps.ModelFormat.Contract;

/// <summary>
/// The files training writes, a model package carries and a service loads, and where they go: in the package under
/// <c>contentFiles/any/any/mlops/&lt;Model&gt;/</c>, which NuGet copies to <c>mlops/&lt;Model&gt;/</c> in a consumer's output.
/// The one definition of these names; docs/lineage.md and the SDK's MLOps.Tasks.targets (checked by a unit test) follow it.
/// </summary>
public static class ModelFiles
{
    /// <summary>The saved ML.NET model.</summary>
    public const string ModelFile = "model.zip";

    /// <summary>The lineage manifest (<see cref="Contract.Lineage"/>).</summary>
    public const string LineageFile = "lineage.json";

    /// <summary>The data schema the model was trained against.</summary>
    public const string SchemaFile = "schema.json";

    /// <summary>The profile of the training data: the drift baseline.</summary>
    public const string ProfileFile = "profile.json";

    /// <summary>The test split's inputs and the model's predictions on them, summarised: what drift checks compare with (docs/monitoring.md).</summary>
    public const string DriftReferenceFile = "drift-reference.json";

    /// <summary>The folder, in a consumer's output, that holds one folder per model.</summary>
    public const string Folder = "mlops";

    /// <summary>Where a package's content files go (NuGet's contentFiles for any language and framework), for <see cref="Folder"/>.</summary>
    public const string PackageContentRoot = "contentFiles/any/any/" + Folder + "/";

    /// <summary>A model's folder in a consumer's output, relative to it, with '/': <c>mlops/&lt;Model&gt;/</c>.</summary>
    public static string OutputFolder(string modelName) => $"{Folder}/{modelName}/";

    /// <summary>A model's files inside its package: <c>contentFiles/any/any/mlops/&lt;Model&gt;/</c>.</summary>
    public static string PackageContentPath(string modelName) => $"{PackageContentRoot}{modelName}/";
}
