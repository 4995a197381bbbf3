using MLOps.Core.Diagnostics;
using MLOps.Core.Registry;
using MLOps.Core.Releases;
using MLOps.Core.Scoring;
using MLOps.Runtime;
using NuGet.Versioning;

namespace MLOps.Cli.Scoring;

/// <summary>A model folder to load, and where it came from (for <see cref="LoadedModel"/>'s <see cref="ModelInfo"/>).</summary>
internal sealed record ResolvedModel(string Folder, string Label, ModelOrigin Origin);

/// <summary>
/// What <c>--model</c> names: a folder holding model.zip and lineage.json (a build's output, a consumer's mlops/&lt;Name&gt;/), or a
/// package <c>id@version</c> in a feed (<c>--feed</c>, else <c>--stage</c>'s feed from stages.yaml, else the first stage's), which
/// is downloaded and unpacked into the cache folder. A package is downloaded on every run: versions are immutable, but a
/// folder left in the cache could have been edited, and the download is small next to scoring.
/// </summary>
internal static class ModelReference
{
    public static async Task<ResolvedModel?> ResolveAsync(string model, string? feedSource, string? stageName, string cacheRoot, string start, DiagnosticBag bag, CancellationToken cancellationToken)
    {
        string folder = Path.GetFullPath(model, start);
        if (Directory.Exists(folder))
        {
            return new ResolvedModel(folder, folder, new ModelOrigin(Source: folder));
        }

        int at = model.LastIndexOf('@');
        if (at <= 0)
        {
            bag.Error(Codes.ScoringModelNotFound, $"--model {Visible.Quote(model)} is neither a folder ({folder} does not exist) nor a package id@version. Give the folder that holds model.zip and lineage.json, or e.g. FlightDelay.Model@1.2.0.");
            return null;
        }

        string id = model[..at];
        if (!NuGetVersion.TryParse(model[(at + 1)..], out NuGetVersion? version))
        {
            bag.Error(Codes.InvalidRequestedVersion, $"'{model[(at + 1)..]}' in '{model}' is not a valid package version. Expected id@MAJOR.MINOR.PATCH, e.g. FlightDelay.Model@1.2.0.");
            return null;
        }

        if (FeedOf(feedSource, stageName, start, bag) is not { } source || FeedOption.OpenForReading(source, bag) is not { } feed)
        {
            return null;
        }

        byte[]? nupkg = await feed.DownloadBytesAsync(id, version, bag, cancellationToken).ConfigureAwait(false);
        if (nupkg is null)
        {
            if (!bag.HasErrors)
            {
                bag.Error(Codes.PackageNotInFeed, $"{id} {version} is not in feed '{feed.Source}'. Check the id, the version and --stage/--feed ('mlops versions {id} --feed {feed.Source}' lists what it holds).");
            }
            return null;
        }

        string label = $"{id} {version.ToNormalizedString()} in feed '{feed.Source}'";
        try
        {
            string? extracted = ModelPackageFolder.Extract(nupkg, id, version.ToNormalizedString(), cacheRoot, label, RuntimeCodes.PackageWithoutModel, bag);
            return extracted is null ? null : new ResolvedModel(extracted, label, new ModelOrigin(Path.GetFileName(extracted), id, version.ToNormalizedString(), feed.Source));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bag.Error(Codes.ScoringOutputNotWritable, $"The model cache folder '{Path.GetFullPath(cacheRoot)}' cannot be written: {e.Message} Give a writable folder with --cache.");
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or NuGet.Packaging.Core.PackagingException)
        {
            bag.Error(RuntimeCodes.PackageInvalid, $"{label} is not a readable package: {e.Message} Republish the package.");
            return null;
        }
    }

    /// <summary>How a loaded model is named in output: package (or name), version and the start of its model sha256.</summary>
    public static string Describe(ModelInfo info) =>
        $"{info.PackageId ?? info.Name}{(info.Version is null ? "" : " " + info.Version)} (model sha256 {info.ModelSha256[..12]})";

    private static string? FeedOf(string? feedSource, string? stageName, string start, DiagnosticBag bag)
    {
        if (feedSource is not null)
        {
            return feedSource;
        }
        if (StagesConfig.Find(start, bag) is not { } stages)
        {
            return null;
        }
        Stage? stage = stageName is null ? stages.Stages[0] : stages.Find(stageName);
        if (stage is null)
        {
            bag.Error(Codes.UnknownStage, $"Unknown stage {Visible.Quote(stageName)}. The stages are: {string.Join(", ", stages.Stages.Select(s => s.Name))} ({stages.File ?? "the defaults: no stages.yaml"}).");
        }
        return stage?.Feed;
    }
}
