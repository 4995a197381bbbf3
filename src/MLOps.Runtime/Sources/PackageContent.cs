using MLOps.ModelFormat.Contract;
using NuGet.Packaging;
using NuGet.Packaging.Core;
using NuGet.Versioning;

namespace MLOps.Runtime;

/// <summary>
/// Checks a downloaded model package and extracts its model folder (contentFiles/any/any/mlops/&lt;Name&gt;/). Extraction
/// goes to a temporary folder first and is moved into place whole, so a folder in the cache is always complete.
/// </summary>
internal static class PackageContent
{
    public static void Extract(Stream nupkg, string packageId, NuGetVersion version, string modelName, string folder, string what)
    {
        using PackageArchiveReader reader = Open(nupkg, what);
        PackageIdentity identity = Identity(reader, what);
        if (!string.Equals(identity.Id, packageId, StringComparison.OrdinalIgnoreCase) || identity.Version != version)
        {
            throw new ModelLoadException(RuntimeCodes.PackageInvalid, $"{what} is {identity.Id} {identity.Version.ToNormalizedString()} inside, not the package asked for. The feed serves the wrong file; republish the package.");
        }

        string prefix = ModelFiles.PackageContentPath(modelName);
        string[] files = [.. reader.GetFiles().Where(f => f.StartsWith(prefix, StringComparison.Ordinal) && !f.EndsWith('/'))];
        string[] required = [prefix + ModelFiles.ModelFile, prefix + ModelFiles.LineageFile];
        if (required.Except(files, StringComparer.Ordinal).ToArray() is { Length: > 0 } missing)
        {
            string[] models = [.. reader.GetFiles().Where(f => f.StartsWith(ModelFiles.PackageContentRoot, StringComparison.Ordinal))
                .Select(f => f[ModelFiles.PackageContentRoot.Length..].Split('/')[0]).Distinct(StringComparer.Ordinal)];
            throw new ModelLoadException(RuntimeCodes.PackageWithoutModel, $"{what} has no {string.Join(" or ", missing)}; it holds {(models.Length == 0 ? "no model content" : "the model folders " + string.Join(", ", models))}. Check the model name ({modelName}) and that the package was made by the MLOps SDK.");
        }

        string staging = $"{folder}.tmp-{Guid.NewGuid():N}";
        Directory.CreateDirectory(staging);
        try
        {
            foreach (string file in files)
            {
                string target = Path.Combine(staging, file[prefix.Length..]);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                using Stream source = reader.GetStream(file);
                using FileStream output = File.Create(target);
                source.CopyTo(output);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.Move(staging, folder);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static PackageArchiveReader Open(Stream nupkg, string what)
    {
        try
        {
            return new PackageArchiveReader(nupkg, leaveStreamOpen: true);
        }
        catch (Exception e) when (e is InvalidDataException or PackagingException or IOException)
        {
            throw new ModelLoadException(RuntimeCodes.PackageInvalid, $"{what} is not a readable package: {e.Message} Republish the package.", e);
        }
    }

    private static PackageIdentity Identity(PackageArchiveReader reader, string what)
    {
        try
        {
            return reader.GetIdentity();
        }
        catch (Exception e) when (e is InvalidDataException or PackagingException or IOException or InvalidOperationException)
        {
            throw new ModelLoadException(RuntimeCodes.PackageInvalid, $"{what} has no readable nuspec: {e.Message} Republish the package.", e);
        }
    }
}
