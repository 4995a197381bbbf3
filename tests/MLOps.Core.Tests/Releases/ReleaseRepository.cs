using MLOps.Core.Diagnostics;
using MLOps.Core.Registry;

namespace MLOps.Tests.Shared;

/// <summary>
/// A temp repository for release tests: stages.yaml with three folder feeds (dev, staging, production), and
/// models/M/release.yaml for package M.Model. Packages are published to dev the way a build does.
/// </summary>
internal sealed class ReleaseRepository : IDisposable
{
    public const string Model = "M";

    public const string PackageId = "M.Model";

    private readonly TempFolder _temp = new("mlops-release");

    public ReleaseRepository(string? stagesYaml = null)
    {
        _temp.Write("stages.yaml", stagesYaml ?? """
            # test stages
            stages:
              - name: dev
                feed: feeds/dev
              - name: staging
                feed: feeds/staging
              - name: production
                feed: feeds/production
            """);
        Directory.CreateDirectory(_temp.Combine(".git"));
        WriteRelease("package: M.Model\nstages:\n  staging: latest\nhistory: []\n");
    }

    public string Root => _temp.Path;

    public string ModelFolder => _temp.Combine("models", Model);

    public string ReleasePath => _temp.Combine("models", Model, "release.yaml");

    public string Feed(string stage) => _temp.Combine("feeds", stage);

    public void WriteRelease(string text) => _temp.Write("models/M/release.yaml", text);

    public string ReadRelease() => File.ReadAllText(ReleasePath);

    /// <summary>Builds M.Model <paramref name="version"/> (model hash from <paramref name="sha"/>) and publishes it to <paramref name="stage"/>'s feed.</summary>
    public string Publish(string version, char sha, string stage = "dev")
    {
        string nupkg = TestPackages.Model(_temp.Path, PackageId, version, sha);
        var bag = new DiagnosticBag();
        PublishResult result = ModelFeed.Open(Feed(stage), bag)!.PublishAsync(nupkg, bag).GetAwaiter().GetResult();
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(Environment.NewLine, bag));
        return nupkg;
    }

    /// <summary>The versions a folder feed holds (its version folders).</summary>
    public IReadOnlyList<string> Versions(string stage)
    {
        string folder = Path.Combine(Feed(stage), PackageId.ToLowerInvariant());
        return Directory.Exists(folder) ? [.. Directory.GetDirectories(folder).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal)] : [];
    }

    public byte[] Bytes(string stage, string version) =>
        File.ReadAllBytes(Path.Combine(Feed(stage), PackageId.ToLowerInvariant(), version, $"{PackageId.ToLowerInvariant()}.{version}.nupkg"));

    public void Dispose() => _temp.Dispose();
}
