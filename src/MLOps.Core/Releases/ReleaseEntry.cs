using NuGet.Versioning;

namespace MLOps.Core.Releases;

/// <summary>
/// One line of release.yaml's append-only history: a promotion (the stage now serves <see cref="Version"/>)
/// or a rollback (the stage goes back to <see cref="Version"/> from <see cref="From"/>), when, by whom and why.
/// <see cref="Override"/> marks a promotion that skipped the check that the version comes from the stage before.
/// </summary>
public sealed record ReleaseEntry(
    string Action,
    string Stage,
    NuGetVersion Version,
    DateTimeOffset At,
    string By,
    string? Reason,
    NuGetVersion? From = null,
    bool Override = false)
{
    public const string Promote = "promote";

    public const string Rollback = "rollback";

    public bool IsRollback => Action == Rollback;
}
