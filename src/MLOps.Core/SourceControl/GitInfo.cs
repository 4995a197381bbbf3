namespace MLOps.Core.SourceControl;

/// <summary>
/// The commit the code was built from, whether the working tree had uncommitted changes, and the
/// repository root. All null outside a git repository or without git: lineage then says so.
/// </summary>
public sealed record GitInfo(string? Commit, bool? Dirty, string? Root)
{
    public static GitInfo Unknown { get; } = new(null, null, null);

    public static GitInfo Read(string directory, IProcessRunner? runner = null)
    {
        runner ??= new ProcessRunner();
        if (runner.Run("git", "rev-parse HEAD --show-toplevel", directory) is not (0, var output))
        {
            return Unknown;
        }

        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 2)
        {
            return Unknown;
        }

        bool? dirty = runner.Run("git", "status --porcelain --untracked-files=no", directory) is (0, var status)
            ? status.Trim().Length > 0
            : null;
        return new GitInfo(lines[0], dirty, lines[1]);
    }
}
