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

    /// <summary>
    /// Where ./build.sh --target=Packages (a dependency of --target=Test) puts MLOps.Sdk, MLOps.Runtime, MLOps.Cli and
    /// MLOps.Templates: the tests reach the pipeline through these packages, as a user's repository does.
    /// </summary>
    public static string PackagesFolder => File("artifacts/packages");

    /// <summary>The version of those packages: global.json's msbuild-sdks entry for MLOps.Sdk, as the build reads it.</summary>
    public static string PackageVersion => LazyVersion.Value;

    private static readonly Lazy<string> LazyVersion = new(() =>
        System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllText(File("global.json")))
            .RootElement.GetProperty("msbuild-sdks").GetProperty("MLOps.Sdk").GetString()!);

    /// <summary>The path of a package the build made; fails with what to run when it has not been made.</summary>
    public static string Package(string id)
    {
        string path = Path.Combine(PackagesFolder, $"{id}.{PackageVersion}.nupkg");
        return System.IO.File.Exists(path)
            ? path
            : throw new InvalidOperationException($"'{path}' does not exist: the tests use the packages the build makes. Run ./build.sh --target=Packages (./build.sh --target=Test does it first).");
    }

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
