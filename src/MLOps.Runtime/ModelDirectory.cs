using MLOps.ModelFormat.Contract;

namespace MLOps.Runtime;

/// <summary>Where a model package puts its files in a consumer's output: mlops/&lt;Name&gt;/ beside the app (<see cref="ModelFiles"/>).</summary>
public static class ModelDirectory
{
    public const string ModelFile = ModelFiles.ModelFile;
    public const string LineageFile = ModelFiles.LineageFile;

    public static string Default(string modelName) => Path.Combine(AppContext.BaseDirectory, ModelFiles.Folder, modelName);
}
