using System.Text.Json.Nodes;
using MLOps.Core.Diagnostics;
using MLOps.Core.IO;
using MLOps.Core.Registry;
using NuGet.Versioning;

namespace MLOps.Core.Releases;

/// <summary>
/// A model's whole story, oldest first: every publish found in the first stage's feed (who, commit and why from
/// each package's lineage; when from the feed), and every promotion and rollback of release.yaml with the commit
/// that added it (or "uncommitted").
/// </summary>
public sealed class ReleaseHistory(ModelRelease model, StageFeeds feeds)
{
    public async Task<IReadOnlyList<HistoryEvent>> ReadAsync(DiagnosticBag bag, CancellationToken cancellationToken = default)
    {
        var events = new List<HistoryEvent>();
        Stage first = model.Stages.Stages[0];
        if (feeds.Open(first, bag) is { } feed)
        {
            foreach (FeedVersion published in await feed.GetFeedVersionsAsync(model.PackageId, bag, cancellationToken).ConfigureAwait(false))
            {
                JsonObject? lineage = await feed.ReadLineageAsync(model.PackageId, published.Version, bag, cancellationToken).ConfigureAwait(false);
                events.Add(Publish(first.Name, published, lineage));
            }
        }

        IReadOnlyList<string?> commits = EntryCommits();
        for (int i = 0; i < model.Release.History.Count; i++)
        {
            ReleaseEntry entry = model.Release.History[i];
            events.Add(new HistoryEvent(entry.Action, entry.Stage, entry.Version.ToNormalizedString(), entry.At, entry.By, commits[i] ?? HistoryEvent.Uncommitted, entry.Reason)
            {
                From = entry.From?.ToNormalizedString(),
                Override = entry.Override ? "promoted without the stage before holding it (--force)" : null,
            });
        }

        // Stable: events without a time (a feed that does not say) keep their place at the start.
        return [.. events.Select((e, i) => (e, i)).OrderBy(x => x.e.At ?? DateTimeOffset.MinValue).ThenBy(x => x.i).Select(x => x.e)];
    }

    private static HistoryEvent Publish(string stage, FeedVersion published, JsonObject? lineage)
    {
        string? Text(params string[] path) => PackageLineage.Text(lineage, path);

        string? champion = lineage?["champion"] is JsonObject c
            ? $"{(c["passed"]?.GetValue<bool>() == true ? "beat" : "did not beat")} champion {Text("champion", "stage")} {Text("champion", "version")}"
            : null;
        return new HistoryEvent(HistoryEvent.Publish, stage, published.Version.ToNormalizedString(), published.Published,
            Text("build", "by"), Text("code", "git_commit"), Text("version_decision", "reason"))
        {
            Champion = champion,
            Override = Text("gate_override", "reason") is { } reason ? $"gate overridden: {reason}" : null,
        };
    }

    // History is append-only, so entry i was added by the first commit whose release.yaml holds more than i entries.
    private IReadOnlyList<string?> EntryCommits()
    {
        var commits = new string?[model.Release.History.Count];
        string relative = PortablePath.Relative(model.RepositoryRoot, model.Release.Path);
        var git = new GitFiles(model.RepositoryRoot);
        int known = 0;
        foreach (string commit in git.CommitsTouching(relative))
        {
            if (known >= commits.Length)
                break;
            if (git.Read(commit, relative) is not { } bytes
                || ReleaseFileReader.Parse(model.Release.Path, System.Text.Encoding.UTF8.GetString(bytes), stages: null, new DiagnosticBag()) is not { } then)
                continue;
            for (; known < Math.Min(then.History.Count, commits.Length); known++)
                commits[known] = commit;
        }

        return commits;
    }
}
