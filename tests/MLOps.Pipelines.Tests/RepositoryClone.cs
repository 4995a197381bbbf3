using MLOps.Tests.Infrastructure;
using Xunit;

namespace MLOps.Pipelines.Tests;

/// <summary>
/// A fresh clone of the repository's HEAD in a temp folder (what a CI agent checks out: committed files only, no
/// artifacts, no build outputs), shared by the pipeline tests; deleted at the end.
/// </summary>
public sealed class RepositoryClone : IDisposable
{
    public RepositoryClone()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"mlops-pipelines-{Guid.NewGuid():N}");
        Commit = Git(Repository.Root, "rev-parse", "HEAD").Trim();
        Git(Repository.Root, "clone", "--quiet", "--no-checkout", Repository.Root, Path);
        Git(Path, "checkout", "--quiet", "--detach", Commit);
    }

    public string Path { get; }

    /// <summary>The commit cloned: the repository's HEAD when the tests started.</summary>
    public string Commit { get; }

    /// <summary>
    /// True when the SDK in the clone defines MLOpsRelease, which build/Models.proj's Release target calls on every
    /// model (until then the Release steps can only be checked with Cake's dry run).
    /// </summary>
    public bool SdkHasRelease =>
        Directory.EnumerateFiles(System.IO.Path.Combine(Path, "src"), "*.targets", SearchOption.AllDirectories)
            .Any(f => File.ReadAllText(f).Contains("Name=\"MLOpsRelease\"", StringComparison.Ordinal));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder must not fail the tests.
        }
    }

    private static string Git(string directory, params string[] arguments)
    {
        DotNetResult result = Processes.Run(directory, "git", arguments, timeout: TimeSpan.FromMinutes(2));
        return result.Succeeded ? result.Output : throw new InvalidOperationException(result.ToString());
    }
}

[CollectionDefinition(Name)]
public sealed class CloneCollection : ICollectionFixture<RepositoryClone>
{
    public const string Name = "Repository clone";
}
