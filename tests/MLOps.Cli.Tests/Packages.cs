using System.Text;
using System.Text.Json.Nodes;
using NuGet.Packaging;
using NuGet.Versioning;

namespace MLOps.Cli.Tests;

/// <summary>
/// Real nupkgs written by NuGet's PackageBuilder: a model package carries a lineage manifest under
/// contentFiles/any/any/mlops/&lt;Model&gt;/ as a packed model does; a library package has none.
/// </summary>
internal static class Packages
{
    public static string Model(string folder, string id, string version, char shaSeed) =>
        Build(folder, id, version, new JsonObject
        {
            ["schema_version"] = 1,
            ["model_id"] = id,
            ["model_sha256"] = Sha(shaSeed),
        }.ToJsonString());

    public static string Library(string folder, string id, string version) => Build(folder, id, version, lineage: null);

    /// <summary>A sha256-shaped lowercase hex string, different for each seed character.</summary>
    public static string Sha(char seed) => new(seed, 64);

    private static string Build(string folder, string id, string version, string? lineage)
    {
        var builder = new PackageBuilder { Id = id, Version = NuGetVersion.Parse(version), Description = "A test package." };
        builder.Authors.Add("tests");
        builder.Files.Add(Text("contentFiles/any/any/mlops/M/model.zip", "not really a model"));
        if (lineage is not null)
            builder.Files.Add(Text("contentFiles/any/any/mlops/M/lineage.json", lineage));

        // One folder per pack: some tests build the same id and version twice with different content.
        string packFolder = Directory.CreateDirectory(Path.Combine(folder, "packs", Guid.NewGuid().ToString("N"))).FullName;
        string path = Path.Combine(packFolder, $"{id}.{builder.Version.ToNormalizedString()}.nupkg");
        using (FileStream stream = File.Create(path))
            builder.Save(stream);
        return path;
    }

    private static PhysicalPackageFile Text(string targetPath, string text) =>
        new(new MemoryStream(Encoding.UTF8.GetBytes(text))) { TargetPath = targetPath };
}
