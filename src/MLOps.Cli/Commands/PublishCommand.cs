using System.CommandLine;
using MLOps.Core.Diagnostics;
using MLOps.Core.Registry;

namespace MLOps.Cli.Commands;

/// <summary><c>mlops publish</c>: pushes packages into the feed; a published version is never overwritten.</summary>
internal static class PublishCommand
{
    public static Command Create()
    {
        var packages = new Argument<string[]>("package.nupkg")
        {
            Description = "The .nupkg files to publish. A file name may contain * and ? wildcards.",
            Arity = ArgumentArity.OneOrMore,
        }.RejectingOptions();
        Option<string> feed = FeedOption.Create();
        Option<string?> apiKeyEnv = ApiKeyOption.Create();
        Option<bool> allowInsecure = ApiKeyOption.AllowInsecureConnections();
        var command = new CliCommand(
            "publish",
            "Publishes packages to the feed. A version already in the feed with the same model (or, for a package without lineage, the same id and version) is left as it is; a version already there with a different model is refused (MLOPS5001).",
            "mlops publish artifacts/packages/FlightDelay.Model.1.0.0.nupkg --feed artifacts/feed",
            "mlops publish artifacts/packages/*.nupkg --feed https://nuget.example.com/v3/index.json --api-key-env NUGET_API_KEY")
        {
            packages, feed, apiKeyEnv, allowInsecure,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            parsed.GetRequiredValue(packages), parsed.GetRequiredValue(feed), parsed.GetValue(apiKeyEnv), parsed.GetValue(allowInsecure),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] packages, string source, string? apiKeyEnv, bool allowInsecure, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var bag = new DiagnosticBag();
        if (!ApiKeyOption.TryRead(apiKeyEnv, bag, out string? apiKey)
            || ModelFeed.Open(source, bag, apiKey: apiKey, allowInsecureConnections: allowInsecure) is not { } feed)
        {
            Reporter.Write(error, bag);
            return ExitCodes.For(bag);
        }

        foreach (string path in packages.SelectMany(Expand))
        {
            var packageBag = new DiagnosticBag();
            PublishResult result = await feed.PublishAsync(path, packageBag, cancellationToken).ConfigureAwait(false);
            output.WriteLine(Describe(result, path, feed.Source));
            Reporter.Write(error, packageBag);
            foreach (Diagnostic diagnostic in packageBag)
                bag.Add(diagnostic);
        }

        return ExitCodes.For(bag);
    }

    private static string Describe(PublishResult result, string path, string feed) => result.Outcome switch
    {
        PublishOutcome.Published => $"published: {result.PackageId} {result.Version} to {feed}",
        PublishOutcome.AlreadyPresent => $"already in the feed: {result.PackageId} {result.Version}{Sha(result.ModelSha256)}, nothing written",
        PublishOutcome.Refused => $"refused: {result.PackageId} {result.Version} is already in the feed with a different model",
        _ => $"failed: {path}",
    };

    private static string Sha(string? modelSha256) => modelSha256 is null ? "" : $" (model_sha256 {modelSha256})";

    // Shells expand wildcards on Unix but not on Windows: expand a file-name pattern here. A pattern that
    // matches nothing is passed on as it is, so the core reports the missing file (MLOPS5002).
    private static IEnumerable<string> Expand(string path)
    {
        string name = Path.GetFileName(path);
        if (name.IndexOfAny(['*', '?']) < 0)
            return [path];
        string folder = Path.GetFullPath(Path.GetDirectoryName(path) is { Length: > 0 } dir ? dir : ".");
        string[] matches = Directory.Exists(folder) ? Directory.GetFiles(folder, name) : [];
        return matches.Length == 0 ? [path] : matches.Order(StringComparer.Ordinal);
    }
}
