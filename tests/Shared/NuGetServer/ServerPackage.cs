using System.IO.Compression;
using System.Xml.Linq;

namespace MLOps.Tests.Shared;

/// <summary>What the test server reads from a pushed nupkg's nuspec: id, version and dependency groups.</summary>
internal sealed record ServerPackage(string Id, string Version, IReadOnlyList<ServerDependencyGroup> DependencyGroups, byte[] Nuspec)
{
    /// <summary>The lowercase id the flat container and registration use in URLs.</summary>
    public string LowerId => Id.ToLowerInvariant();

    /// <summary>The lowercase version without build metadata, as NuGet puts it in URLs.</summary>
    public string LowerVersion => LowerVersionOf(Version);

    public static string LowerVersionOf(string version) => version.Split('+')[0].ToLowerInvariant();

    /// <summary>Reads the nuspec at the root of a nupkg; throws InvalidDataException when there is none.</summary>
    public static ServerPackage Read(byte[] nupkg)
    {
        using var zip = new ZipArchive(new MemoryStream(nupkg), ZipArchiveMode.Read);
        ZipArchiveEntry entry = zip.Entries.FirstOrDefault(e => !e.FullName.Contains('/', StringComparison.Ordinal)
                && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidDataException("The package has no .nuspec at its root.");
        using var buffer = new MemoryStream();
        using (Stream stream = entry.Open())
            stream.CopyTo(buffer);
        byte[] nuspec = buffer.ToArray();

        XElement metadata = XDocument.Load(new MemoryStream(nuspec)).Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata")
            ?? throw new InvalidDataException("The nuspec has no <metadata>.");
        string id = Value(metadata, "id");
        string version = Value(metadata, "version");
        XElement? dependencies = metadata.Elements().FirstOrDefault(e => e.Name.LocalName == "dependencies");
        return new ServerPackage(id, version, Groups(dependencies), nuspec);
    }

    private static string Value(XElement metadata, string name) =>
        metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim() is { Length: > 0 } value
            ? value
            : throw new InvalidDataException($"The nuspec has no <{name}>.");

    private static List<ServerDependencyGroup> Groups(XElement? dependencies)
    {
        if (dependencies is null)
            return [];
        var groups = dependencies.Elements().Where(e => e.Name.LocalName == "group")
            .Select(g => new ServerDependencyGroup((string?)g.Attribute("targetFramework"), Dependencies(g)))
            .ToList();
        List<ServerDependency> ungrouped = Dependencies(dependencies);
        if (ungrouped.Count > 0)
            groups.Add(new ServerDependencyGroup(null, ungrouped));
        return groups;
    }

    private static List<ServerDependency> Dependencies(XElement parent) =>
        parent.Elements().Where(e => e.Name.LocalName == "dependency")
            .Select(d => new ServerDependency((string)d.Attribute("id")!, (string?)d.Attribute("version")))
            .ToList();
}

internal sealed record ServerDependencyGroup(string? TargetFramework, IReadOnlyList<ServerDependency> Dependencies);

internal sealed record ServerDependency(string Id, string? Range);
