namespace MLOps.Core.Releases;

/// <summary>The repository root for releases: the nearest folder upward that holds .git, else the start folder itself.</summary>
public static class RepositoryRoot
{
    public static string Find(string startDirectory)
    {
        string start = Path.GetFullPath(startDirectory);
        for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
                return dir.FullName;
        }

        return start;
    }
}
