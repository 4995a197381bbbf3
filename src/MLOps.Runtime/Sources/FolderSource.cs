using MLOps.ModelFormat.Contract;

namespace MLOps.Runtime;

/// <summary>
/// A folder holding model.zip and lineage.json (a deployment copies new versions there): newer when model.zip's
/// sha256 differs from the served model's; a folder without both files is reported (MLOPS6001). The key includes lineage.json's bytes, so a folder caught half way
/// through a copy (new model, old lineage: refused with MLOPS6002) is tried again once the copy completes.
/// </summary>
internal sealed class FolderSource(string directory) : IModelSource
{
    public string Directory { get; } = Path.GetFullPath(directory);

    public Task<ModelCandidate?> FindNewerAsync(ModelInfo current, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (!System.IO.Directory.Exists(Directory))
        {
            throw new ModelLoadException(RuntimeCodes.SourceUnreachable, $"The model source folder '{Directory}' does not exist. Create it, or point ModelSources.Folder at the folder a deployment copies model.zip and lineage.json to.");
        }

        string model = Path.Combine(Directory, ModelFiles.ModelFile);
        string lineage = Path.Combine(Directory, ModelFiles.LineageFile);
        foreach (string path in new[] { model, lineage }.Where(p => !File.Exists(p)))
        {
            throw new ModelLoadException(RuntimeCodes.ModelFilesMissing, $"'{path}' not found in the model source folder. A deployment copies model.zip and lineage.json there; the current model keeps serving.");
        }

        string sha = ModelFolder.Sha256OfFile(model);
        if (string.Equals(sha, current.ModelSha256, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult<ModelCandidate?>(null);
        }

        string key = $"{sha}:{ModelFolder.Sha256OfFile(lineage)}";
        return Task.FromResult<ModelCandidate?>(new ModelCandidate(Directory, new ModelOrigin(Source: Directory), key));
    }
}
