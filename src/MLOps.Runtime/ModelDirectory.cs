namespace MLOps.Runtime;

/// <summary>Where a model package puts its files in a consumer's output: mlops/&lt;Name&gt;/ beside the app.</summary>
public static class ModelDirectory
{
    public const string ModelFile = "model.zip";
    public const string LineageFile = "lineage.json";

    public static string Default(string modelName) => Path.Combine(AppContext.BaseDirectory, "mlops", modelName);
}
