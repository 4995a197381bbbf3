using MLOps.Core.Diagnostics;

namespace MLOps.Core.Releases;

/// <summary>
/// Where the champion of a model is: the feed of the stage its spec names (production by default) and the exact
/// version its release.yaml declares for that stage. No release file, or no exact version declared there (nothing
/// yet, or <c>latest</c>), means no champion: the absolute gates alone decide.
/// </summary>
public sealed record ChampionSource(string Feed, string Version)
{
    public static ChampionSource? Find(string modelFolder, string stage, DiagnosticBag bag, string? stagesFile = null, string? releaseFile = null)
    {
        string folder = Path.GetFullPath(modelFolder);
        string releasePath = releaseFile is { Length: > 0 } ? Path.GetFullPath(releaseFile, folder) : Path.Combine(folder, ReleaseFile.FileName);
        if (!File.Exists(releasePath) || StagesConfig.Find(folder, bag, stagesFile) is not { } stages || stages.Find(stage) is not { } served)
            return null;
        return ReleaseFileReader.Read(releasePath, stages, bag)?.DeclaredVersion(stage) is { } version
            ? new ChampionSource(served.Feed, version.ToNormalizedString())
            : null;
    }
}
