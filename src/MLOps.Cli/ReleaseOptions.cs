using System.CommandLine;
using MLOps.Core.Diagnostics;
using MLOps.Core.Releases;
using NuGet.Versioning;

namespace MLOps.Cli;

/// <summary>The arguments and options the release commands share, and opening a model's release context.</summary>
internal static class ReleaseOptions
{
    public static Argument<string> Model() => new Argument<string>("model")
    {
        Description = "The model: its folder name under models/ (e.g. FlightDelay), found from the current directory upward.",
    }.RejectingOptions();

    public static Option<string?> Directory() => new("--directory", "-C")
    {
        Description = "Start from this folder instead of the current directory (where models/ and stages.yaml are searched from).",
        HelpName = "folder",
    };

    public static Option<string?> Reason() => new("--reason")
    {
        Description = "Why: recorded in the release file's history (required for a rollback and for any override).",
        HelpName = "text",
    };

    public static Option<NuGetVersion?> Version(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "version",
        CustomParser = ParseVersion,
    };

    public static NuGetVersion? ParseVersion(System.CommandLine.Parsing.ArgumentResult result)
    {
        string text = result.Tokens.Single().Value;
        if (NuGetVersion.TryParseStrict(text, out NuGetVersion? parsed))
            return parsed;
        result.AddError($"'{text}' is not a valid package version. Expected MAJOR.MINOR.PATCH with an optional -prerelease, e.g. 1.2.0 or 1.2.0-rc.1.");
        return null;
    }

    public static string Start(string? directory) => Path.GetFullPath(directory ?? System.IO.Directory.GetCurrentDirectory());

    /// <summary>Finds the model and reads its stages and release file; null when that fails (reported to <paramref name="bag"/>).</summary>
    public static ModelRelease? Open(string model, string? directory, DiagnosticBag bag) =>
        ModelRelease.Find(model, Start(directory), bag);

    /// <summary>The release file's path as the user sees it: relative to the repository root.</summary>
    public static string Shown(ModelRelease release) =>
        Path.GetRelativePath(release.RepositoryRoot, release.Release.Path).Replace('\\', '/');

    /// <summary>Reports the diagnostics and returns the exit code for them.</summary>
    public static int Finish(TextWriter error, DiagnosticBag bag)
    {
        Reporter.Write(error, bag);
        return ExitCodes.For(bag);
    }
}
