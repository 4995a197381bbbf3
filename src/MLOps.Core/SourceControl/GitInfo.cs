namespace MLOps.Core.SourceControl;

/// <summary>
/// The commit the code was built from, whether that commit reproduces the model, and the repository root. All null
/// outside a git repository or without git: lineage then says so. <see cref="Dirty"/> is true when tracked files have
/// uncommitted changes or when any of the model's inputs (spec, schema, data) is not in the commit as it is; those inputs
/// are listed in <see cref="InputsNotInCommit"/>, so lineage never names a commit that lacks what made the model.
/// </summary>
public sealed record GitInfo(string? Commit, bool? Dirty, string? Root)
{
    public static GitInfo Unknown { get; } = new(null, null, null);

    /// <summary>The inputs the commit does not hold as they are (repository-relative with '/', or absolute outside it); null when unknown.</summary>
    public IReadOnlyList<string>? InputsNotInCommit { get; init; }

    public static GitInfo Read(string directory, IProcessRunner? runner = null) => Read(directory, [], runner);

    /// <summary>Reads the commit of <paramref name="directory"/> and checks the model's <paramref name="inputs"/> (files; a data folder as its parts) against it.</summary>
    public static GitInfo Read(string directory, IReadOnlyList<string> inputs, IProcessRunner? runner = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
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

        bool? trackedChanges = runner.Run("git", "status --porcelain --untracked-files=no", directory) is (0, var status)
            ? status.Trim().Length > 0
            : null;
        if (inputs.Count == 0)
        {
            return new GitInfo(lines[0], trackedChanges, lines[1]);
        }

        IReadOnlyList<string>? notInCommit = CommittedInputs.NotInCommit(lines[1], inputs, runner);
        bool? dirty = (trackedChanges, notInCommit) switch
        {
            (true, _) or (_, { Count: > 0 }) => true,
            (false, not null) => false,
            _ => null,
        };
        return new GitInfo(lines[0], dirty, lines[1]) { InputsNotInCommit = notInCommit };
    }
}
