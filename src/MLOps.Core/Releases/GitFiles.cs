using System.Text;
using MLOps.Core.SourceControl;

namespace MLOps.Core.Releases;

/// <summary>Reads files and commits of the repository with git (the history and verify commands); null or empty outside git.</summary>
public sealed class GitFiles(string repositoryRoot)
{
    public bool CommitExists(string commit) =>
        IsHex(commit) && Run($"cat-file -e {commit}^{{commit}}") is { ExitCode: 0 };

    /// <summary>The bytes of <paramref name="path"/> (repository-relative, '/') at <paramref name="commit"/>; null when it is not there.</summary>
    public byte[]? Read(string commit, string path) =>
        Run($"show {commit}:{Quote(path)}") is { ExitCode: 0 } result ? result.Output : null;

    /// <summary>The repository-relative paths of the files at <paramref name="commit"/>.</summary>
    public IReadOnlyList<string> Files(string commit) =>
        Run($"ls-tree -r --name-only {commit}") is { ExitCode: 0 } result
            ? Encoding.UTF8.GetString(result.Output).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            : [];

    /// <summary>The commits that changed <paramref name="path"/>, oldest first.</summary>
    public IReadOnlyList<string> CommitsTouching(string path) =>
        Run($"log --reverse --format=%H -- {Quote(path)}") is { ExitCode: 0 } result
            ? Encoding.UTF8.GetString(result.Output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];

    private static bool IsHex(string text) => text.Length is >= 7 and <= 64 && text.All(char.IsAsciiHexDigit);

    private static string Quote(string path) => $"\"{path.Replace("\"", "\\\"", StringComparison.Ordinal)}\"";

    private (int ExitCode, byte[] Output)? Run(string arguments) => ProcessRunner.RunBytes("git", arguments, repositoryRoot);
}
