using System.Text.Json;
using MLOps.ModelFormat.Contract;
using NuGet.Packaging;
using NuGet.Versioning;

namespace MLOps.Runtime.Tests;

/// <summary>Real .nupkg files made with NuGet's PackageBuilder, laid out as the MLOps SDK packs a model.</summary>
internal static class FeedPackages
{
    /// <summary>A model package of <paramref name="modelFolder"/>'s model at <paramref name="version"/> (lineage rewritten to it), in a flat folder feed.</summary>
    public static string Model(string feed, string modelFolder, string version, Func<byte[], byte[]>? tamper = null)
    {
        byte[] model = File.ReadAllBytes(Path.Combine(modelFolder, ModelFiles.ModelFile));
        Lineage lineage = TrainedModels.LineageOf(modelFolder).WithVersion(version);
        string prefix = ModelFiles.PackageContentPath(TrainedModels.Name);
        return Pack(feed, TrainedModels.PackageId, version, new()
        {
            [prefix + ModelFiles.ModelFile] = tamper is null ? model : tamper(model),
            [prefix + ModelFiles.LineageFile] = JsonSerializer.SerializeToUtf8Bytes(lineage),
        });
    }

    public static string Pack(string feed, string id, string version, Dictionary<string, byte[]> files)
    {
        var builder = new PackageBuilder { Id = id, Version = NuGetVersion.Parse(version), Description = "A test model package." };
        builder.Authors.Add("tests");
        foreach ((string path, byte[] bytes) in files)
        {
            builder.Files.Add(new PhysicalPackageFile(new MemoryStream(bytes)) { TargetPath = path });
        }

        Directory.CreateDirectory(feed);
        string nupkg = Path.Combine(feed, $"{id.ToLowerInvariant()}.{builder.Version.ToNormalizedString()}.nupkg");
        using FileStream stream = File.Create(nupkg);
        builder.Save(stream);
        return nupkg;
    }
}
