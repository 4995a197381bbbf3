using MLOps.Core.Diagnostics;
using MLOps.ModelFormat.Contract;
using NuGet.Packaging;

namespace MLOps.Core.Scoring;

/// <summary>
/// Unpacks a model package's model folder (<c>contentFiles/any/any/mlops/&lt;Name&gt;/</c>: model.zip, lineage.json, schema.json,
/// ...) into a folder, as NuGet copies it to a consumer's output. The files go to a temporary folder that is moved into place
/// whole, so the folder is never half written. Nothing here is trusted: the runtime verifies model.zip against lineage.json
/// when it loads the folder.
/// </summary>
public static class ModelPackageFolder
{
    /// <summary>Extracts into <paramref name="cacheRoot"/>/&lt;id&gt;/&lt;version&gt;/&lt;Name&gt;/ and returns that folder; null (with
    /// <paramref name="missingModelCode"/> reported) when the package holds no model folder with a model.zip.</summary>
    public static string? Extract(byte[] nupkg, string packageId, string version, string cacheRoot, string label, string missingModelCode, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(bag);
        using var reader = new PackageArchiveReader(new MemoryStream(nupkg, writable: false));
        string[] files = [.. reader.GetFiles().Select(f => f.Replace('\\', '/')).Where(f => f.StartsWith(ModelFiles.PackageContentRoot, StringComparison.Ordinal) && !f.EndsWith('/'))];
        string[] models = [.. files.Where(f => f.EndsWith("/" + ModelFiles.ModelFile, StringComparison.Ordinal))
            .Select(f => f[ModelFiles.PackageContentRoot.Length..].Split('/')[0]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        if (models.Length != 1)
        {
            bag.Error(missingModelCode, models.Length == 0
                ? $"{label} holds no model: no {ModelFiles.PackageContentRoot}<Name>/{ModelFiles.ModelFile}. Give the id of a model package made by the MLOps SDK (a library has no model)."
                : $"{label} holds {models.Length} models ({string.Join(", ", models)}); a command takes one. Extract the one you mean and pass its folder instead.");
            return null;
        }

        string prefix = ModelFiles.PackageContentPath(models[0]);
        string folder = Path.Combine(Path.GetFullPath(cacheRoot), packageId.ToLowerInvariant(), version, models[0]);
        string staging = $"{folder}.tmp-{Guid.NewGuid():N}";
        try
        {
            foreach (string file in files.Where(f => f.StartsWith(prefix, StringComparison.Ordinal)))
            {
                string target = Path.Combine(staging, file[prefix.Length..]);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                using Stream source = reader.GetStream(file);
                using FileStream output = File.Create(target);
                source.CopyTo(output);
            }
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
            Directory.Move(staging, folder);
            return folder;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }
}
