using System.Globalization;

namespace MLOps.Tests.Shared;

/// <summary>
/// The test server's packages in a folder: &lt;id&gt;/&lt;version&gt;/&lt;id&gt;.&lt;version&gt;.nupkg and &lt;id&gt;.nuspec
/// (lowercase, as the flat container names them), plus an empty <c>.unlisted</c> file for an unlisted version.
/// The nupkg's write time is the version's publish time.
/// </summary>
internal sealed class ServerStore(string root)
{
    private const string UnlistedMarker = ".unlisted";
    private readonly Lock _lock = new();

    public string Root { get; } = Directory.CreateDirectory(root).FullName;

    /// <summary>Adds a package; false (and nothing written) when the id and version are already there.</summary>
    public bool TryAdd(byte[] nupkg, out ServerPackage package)
    {
        package = ServerPackage.Read(nupkg);
        lock (_lock)
        {
            string folder = VersionFolder(package.LowerId, package.LowerVersion);
            if (Directory.Exists(folder))
                return false;
            string incoming = Path.Combine(Root, $".incoming-{Guid.NewGuid():N}");
            Directory.CreateDirectory(incoming);
            File.WriteAllBytes(Path.Combine(incoming, $"{package.LowerId}.{package.LowerVersion}.nupkg"), nupkg);
            File.WriteAllBytes(Path.Combine(incoming, $"{package.LowerId}.nuspec"), package.Nuspec);
            Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
            Directory.Move(incoming, folder);
            return true;
        }
    }

    /// <summary>Marks a version unlisted; false when there is no such version.</summary>
    public bool TryUnlist(string id, string version)
    {
        lock (_lock)
        {
            string folder = VersionFolder(id.ToLowerInvariant(), ServerPackage.LowerVersionOf(version));
            if (!Directory.Exists(folder))
                return false;
            File.WriteAllBytes(Path.Combine(folder, UnlistedMarker), []);
            return true;
        }
    }

    /// <summary>Every version of an id (listed or not), in the order the folder names sort.</summary>
    public IReadOnlyList<StoredVersion> Versions(string lowerId)
    {
        lock (_lock)
        {
            string idFolder = Path.Combine(Root, lowerId);
            if (!Directory.Exists(idFolder))
                return [];
            return [.. Directory.GetDirectories(idFolder)
                .Select(folder => Stored(lowerId, Path.GetFileName(folder)))
                .OfType<StoredVersion>()
                .OrderBy(v => v.LowerVersion, VersionOrder.Instance)];
        }
    }

    /// <summary>A file of one version (the nupkg or the nuspec); null when it is not there.</summary>
    public byte[]? ReadFile(string lowerId, string lowerVersion, string fileName)
    {
        lock (_lock)
        {
            string path = Path.Combine(VersionFolder(lowerId, lowerVersion), fileName);
            return fileName.Contains('/', StringComparison.Ordinal) || fileName.StartsWith('.') || !File.Exists(path) ? null : File.ReadAllBytes(path);
        }
    }

    private StoredVersion? Stored(string lowerId, string lowerVersion)
    {
        string folder = VersionFolder(lowerId, lowerVersion);
        string nupkg = Path.Combine(folder, $"{lowerId}.{lowerVersion}.nupkg");
        if (!File.Exists(nupkg))
            return null;
        ServerPackage package = ServerPackage.Read(File.ReadAllBytes(nupkg));
        return new StoredVersion(package, !File.Exists(Path.Combine(folder, UnlistedMarker)), File.GetLastWriteTimeUtc(nupkg));
    }

    private string VersionFolder(string lowerId, string lowerVersion) => Path.Combine(Root, lowerId, lowerVersion);

    // Orders 1.2.0 before 1.10.0 and a pre-release before its release, which is all the tests need of SemVer.
    private sealed class VersionOrder : IComparer<string>
    {
        public static readonly VersionOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            (Version vx, string px) = Split(x!);
            (Version vy, string py) = Split(y!);
            int byNumbers = vx.CompareTo(vy);
            if (byNumbers != 0)
                return byNumbers;
            if (px.Length == 0 || py.Length == 0)
                return py.Length.CompareTo(px.Length);
            return string.CompareOrdinal(px, py);
        }

        private static (Version, string) Split(string version)
        {
            int dash = version.IndexOf('-', StringComparison.Ordinal);
            string numbers = dash < 0 ? version : version[..dash];
            return (Version.TryParse(numbers, out Version? parsed) ? parsed : new Version(0, 0), dash < 0 ? "" : version[(dash + 1)..]);
        }
    }
}

/// <summary>One version the server holds, with whether it is listed and when it was pushed.</summary>
internal sealed record StoredVersion(ServerPackage Package, bool Listed, DateTime Published)
{
    public string LowerVersion => Package.LowerVersion;

    public string PublishedText => Published.ToString("yyyy-MM-ddTHH:mm:ss.fffffff'+00:00'", CultureInfo.InvariantCulture);
}
