namespace MLOps.Core.IO;

/// <summary>Paths as manifests and reports record them: relative, with '/' on every OS, so they diff and compare alike.</summary>
public static class PortablePath
{
    /// <summary><paramref name="path"/> relative to <paramref name="folder"/> (either may be relative to the current folder), with '/'.</summary>
    public static string Relative(string folder, string path) =>
        Path.GetRelativePath(folder, path).Replace('\\', '/');
}
