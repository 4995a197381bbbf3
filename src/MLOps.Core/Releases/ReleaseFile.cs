using NuGet.Versioning;

namespace MLOps.Core.Releases;

/// <summary>
/// A model's release file, models/&lt;Model&gt;/release.yaml (docs/registry.md "The release file"): the package id,
/// the version each stage is declared to serve (a version, or <see cref="Latest"/>), and the append-only history
/// of promotions and rollbacks. Immutable; <see cref="ReleaseFileReader"/> reads it and <see cref="ReleaseFileWriter"/> writes it.
/// </summary>
public sealed record ReleaseFile(
    string Path,
    string? Package,
    IReadOnlyList<KeyValuePair<string, string>> Stages,
    IReadOnlyList<ReleaseEntry> History,
    string Header)
{
    /// <summary>The declared value that follows the newest stable version of the stage before.</summary>
    public const string Latest = "latest";

    public const string FileName = "release.yaml";

    public const string DefaultHeader =
        "# Which version each stage serves; `mlops promote` / `mlops rollback` edit it, the Release target makes the feeds match.\n" +
        "# The format is documented in docs/registry.md (The release file).\n";

    public static ReleaseFile Empty(string path, string? package) => new(path, package, [], [], DefaultHeader);

    /// <summary>The declared value for a stage ("latest" or a version); null when the file declares nothing for it.</summary>
    public string? Declared(string stage) => Stages.FirstOrDefault(s => s.Key == stage).Value;

    /// <summary>The declared version for a stage when it is pinned; null when absent or "latest".</summary>
    public NuGetVersion? DeclaredVersion(string stage) =>
        Declared(stage) is { } value && value != Latest && NuGetVersion.TryParse(value, out NuGetVersion? v) ? v : null;

    /// <summary>A copy that declares <paramref name="value"/> for <paramref name="stage"/>, keeping stage order as in <paramref name="stageOrder"/>.</summary>
    public ReleaseFile WithDeclared(string stage, string value, IReadOnlyList<string> stageOrder)
    {
        var stages = Stages.Where(s => s.Key != stage).Append(new(stage, value)).ToList();
        stages.Sort((a, b) => Order(a.Key).CompareTo(Order(b.Key)));
        return this with { Stages = stages };

        int Order(string name) => stageOrder.ToList().IndexOf(name) is var i and >= 0 ? i : int.MaxValue;
    }

    public ReleaseFile Append(ReleaseEntry entry) => this with { History = [.. History, entry] };

    /// <summary>The history entries of one stage, oldest first.</summary>
    public IEnumerable<ReleaseEntry> HistoryOf(string stage) => History.Where(e => e.Stage == stage);

    /// <summary>
    /// Versions rolled back from <paramref name="stage"/> and not promoted to it again since: they must not be
    /// listed in its feed.
    /// </summary>
    public IReadOnlySet<NuGetVersion> RolledBack(string stage)
    {
        var rolledBack = new HashSet<NuGetVersion>();
        foreach (ReleaseEntry entry in HistoryOf(stage))
        {
            if (entry.IsRollback && entry.From is not null)
                rolledBack.Add(entry.From);
            rolledBack.Remove(entry.Version);
        }

        return rolledBack;
    }

    /// <summary>The versions the history says the stage served, in order (promotions and rollback targets).</summary>
    public IEnumerable<NuGetVersion> Served(string stage) => HistoryOf(stage).Select(e => e.Version);
}
