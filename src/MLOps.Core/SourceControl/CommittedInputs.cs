using MLOps.Core.IO;

namespace MLOps.Core.SourceControl;

/// <summary>
/// Which of a model's input files (spec, schema, each data part) the checked-out commit does not hold as they are:
/// untracked (ignored ones too), added but not committed, modified (staged or not), deleted, or outside the repository.
/// Asks git itself (<c>git ls-files</c> for what is tracked, <c>git status --porcelain</c> for what differs from HEAD),
/// once per command over the inputs' folders, so a data folder of many parts costs two processes.
/// </summary>
internal static class CommittedInputs
{
    /// <summary>The inputs not in the commit (repository-relative with '/', or absolute when outside it), or null when git did not answer.</summary>
    public static IReadOnlyList<string>? NotInCommit(string root, IReadOnlyList<string> inputs, IProcessRunner runner)
    {
        string[] relative = [.. inputs.Select(p => PortablePath.Relative(root, Path.GetFullPath(p))).Distinct(StringComparer.Ordinal)];
        string[] inside = [.. relative.Where(p => !IsOutside(p))];
        var committed = new HashSet<string>(StringComparer.Ordinal);
        if (inside.Length > 0)
        {
            string folders = string.Join(' ', inside.Select(Folder).Distinct(StringComparer.Ordinal).Select(Quote));
            if (runner.Run("git", $"ls-files -z -- {folders}", root) is not (0, var tracked)
                || runner.Run("git", $"status --porcelain -z --untracked-files=all -- {folders}", root) is not (0, var status))
            {
                return null;
            }

            committed.UnionWith(Entries(tracked));
            committed.ExceptWith(Changed(status));
        }

        return [.. relative.Where(p => !committed.Contains(p))
            .Select(p => IsOutside(p) ? Path.GetFullPath(Path.Combine(root, p)).Replace('\\', '/') : p)
            .Order(StringComparer.Ordinal)];
    }

    private static string Folder(string relative) =>
        Path.GetDirectoryName(relative) is { Length: > 0 } folder ? folder.Replace('\\', '/') : ".";

    private static bool IsOutside(string relative) =>
        relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative);

    private static string Quote(string path) => $"\"{path}\"";

    private static IEnumerable<string> Entries(string output) => output.Split('\0', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The paths of <c>git status --porcelain -z</c> ("XY path", a rename or copy followed by its source path).</summary>
    private static IEnumerable<string> Changed(string output)
    {
        string[] entries = output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < entries.Length; i++)
        {
            if (entries[i].Length < 4)
            {
                continue;
            }

            yield return entries[i][3..];
            if (entries[i][0] is 'R' or 'C')
            {
                yield return entries[++i];
            }
        }
    }
}
