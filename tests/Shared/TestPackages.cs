using System.Text.Json.Nodes;
using NuGet.Packaging;
using NuGet.Versioning;

namespace MLOps.Tests.Shared;

/// <summary>
/// Builds real nupkgs with NuGet's own PackageBuilder, laid out like a packed model: a lineage manifest
/// under contentFiles/any/any/mlops/M/ and a dummy model file, or a plain library without lineage.
/// </summary>
internal static class TestPackages
{
    public static string Model(string folder, string id, string version, string modelSha256) =>
        Build(folder, id, version, new JsonObject { ["schema_version"] = 1, ["model_id"] = id, ["model_sha256"] = modelSha256 }.ToJsonString());

    public static string Model(string folder, string id, string version, char shaSeed) => Model(folder, id, version, Sha(shaSeed));

    /// <summary>A model package whose model file holds <paramref name="modelBytes"/> random bytes (writing it takes a while).</summary>
    public static string LargeModel(string folder, string id, string version, char shaSeed, int modelBytes)
    {
        byte[] model = new byte[modelBytes];
        Random.Shared.NextBytes(model);
        return Build(folder, id, version, new JsonObject { ["schema_version"] = 1, ["model_id"] = id, ["model_sha256"] = Sha(shaSeed) }.ToJsonString(), model);
    }

    public static string Library(string folder, string id, string version) => Build(folder, id, version, lineageText: null);

    /// <summary>A model package whose lineage.json holds exactly <paramref name="lineageText"/> (to test bad manifests).</summary>
    public static string WithLineageText(string folder, string id, string version, string lineageText) => Build(folder, id, version, lineageText);

    /// <summary>The model card a model package carries at its root, as the pipeline packs it.</summary>
    public static string ModelCard(string id, string version) => $"# {id} {version}\n\nA test model card.\n";

    /// <summary>A sha256-shaped lowercase hex string that differs per seed character.</summary>
    public static string Sha(char seed) => new(seed, 64);

    private static string Build(string folder, string id, string version, string? lineageText, byte[]? model = null)
    {
        var builder = new PackageBuilder { Id = id, Version = NuGetVersion.Parse(version), Description = "A test package." };
        builder.Authors.Add("tests");
        builder.Files.Add(model is null
            ? File("contentFiles/any/any/mlops/M/model.zip", "not really a model")
            : new PhysicalPackageFile(new MemoryStream(model)) { TargetPath = "contentFiles/any/any/mlops/M/model.zip" });
        if (lineageText is not null)
        {
            builder.Files.Add(File("contentFiles/any/any/mlops/M/lineage.json", lineageText));
            builder.Files.Add(File("README.md", ModelCard(id, version)));
        }

        // Each pack gets its own folder: the same id+version is built twice in some tests.
        string packFolder = Directory.CreateDirectory(Path.Combine(folder, "packs", Guid.NewGuid().ToString("N"))).FullName;
        string path = Path.Combine(packFolder, $"{id}.{builder.Version.ToNormalizedString()}.nupkg");
        using (FileStream stream = System.IO.File.Create(path))
            builder.Save(stream);
        return path;
    }

    private static PhysicalPackageFile File(string targetPath, string text) =>
        new(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text))) { TargetPath = targetPath };
}
