namespace MLOps.Tests.Infrastructure;

/// <summary>nuget.config files for test folders: MLOps.* from one folder of packages, everything else as usual.</summary>
public static class NuGetConfig
{
    /// <summary>The machine's NuGet global packages folder, as 'dotnet nuget locals' reports it.</summary>
    public static string MachinePackagesFolder()
    {
        // "global-packages: /root/.nuget/packages/"
        DotNetResult locals = DotNet.Run(Path.GetTempPath(), ["nuget", "locals", "global-packages", "--list"]);
        string line = locals.Lines.First(l => l.Contains("global-packages:", StringComparison.Ordinal));
        return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    /// <summary>
    /// MLOps.* packages come only from <paramref name="folder"/> (source mapping, so a copy in another source can
    /// never be picked instead); other packages from the machine's configured source.
    /// </summary>
    public static string ForPackages(string folder) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="mlops-test" value="{folder}" />
          </packageSources>
          {Mapping(("mlops-test", ["MLOps.*"]), ("nuget.org", ["*"]))}
        </configuration>
        """;

    /// <summary>
    /// A folder with its own global packages folder and no fallback folders: MLOps.* (and <paramref name="feedPatterns"/>)
    /// only from <paramref name="feed"/>; anything else (ML.NET, the Cake tool) from the machine's packages folder read
    /// as a source, so nothing is downloaded twice, or else from the machine's configured source.
    /// </summary>
    public static string Isolated(string feed, string globalPackagesFolder, string machinePackages, params string[] feedPatterns) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <config>
            <add key="globalPackagesFolder" value="{globalPackagesFolder}" />
          </config>
          <fallbackPackageFolders>
            <clear />
          </fallbackPackageFolders>
          <packageSources>
            <add key="test-feed" value="{feed}" />
            <add key="machine-packages" value="{machinePackages}" />
          </packageSources>
          {Mapping(("test-feed", ["MLOps.*", .. feedPatterns]), ("machine-packages", ["*"]), ("nuget.org", ["*"]))}
        </configuration>
        """;

    /// <summary>A nested nuget.config adding a model feed for the packages matching <paramref name="pattern"/>.</summary>
    public static string ModelFeed(string feed, string pattern) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="models" value="{feed}" />
          </packageSources>
          {Mapping(("models", [pattern]))}
        </configuration>
        """;

    // NuGet's package source mapping: each package id pattern may come only from the sources that list it.
    private static string Mapping(params (string Source, string[] Patterns)[] sources) =>
        "<packageSourceMapping>" + string.Concat(sources.Select(s =>
            $"<packageSource key=\"{s.Source}\">{string.Concat(s.Patterns.Select(p => $"<package pattern=\"{p}\" />"))}</packageSource>"))
        + "</packageSourceMapping>";
}
