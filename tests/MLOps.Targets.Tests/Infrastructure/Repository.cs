namespace MLOps.Tests.Infrastructure;

/// <summary>The repository the tests run from, found by walking up from the test assembly to Pipeline.sln.</summary>
public static class Repository
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    /// <summary>The configuration the test assembly was built in (bin/&lt;Configuration&gt;/net10.0/), and so its src/ references.</summary>
    public static string Configuration =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Debug";

    public static string File(string relativePath) => Path.GetFullPath(Path.Combine(Root, relativePath));

    public static string TasksAssembly => File($"src/MLOps.Tasks/bin/{Configuration}/net10.0/MLOps.Tasks.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Pipeline.sln above '{AppContext.BaseDirectory}'.");
    }
}
