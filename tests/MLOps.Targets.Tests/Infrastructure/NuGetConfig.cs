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
    public static string ForPackages(string folder, string? globalPackagesFolder = null) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          {(globalPackagesFolder is null ? "" : $"<config><add key=\"globalPackagesFolder\" value=\"{globalPackagesFolder}\" /></config>")}
          <packageSources>
            <add key="mlops-test" value="{folder}" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="mlops-test">
              <package pattern="MLOps.*" />
            </packageSource>
            <packageSource key="nuget.org">
              <package pattern="*" />
            </packageSource>
          </packageSourceMapping>
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
          <packageSourceMapping>
            <packageSource key="test-feed">
              {string.Join("\n      ", ((string[])["MLOps.*", .. feedPatterns]).Select(p => $"<package pattern=\"{p}\" />"))}
            </packageSource>
            <packageSource key="machine-packages">
              <package pattern="*" />
            </packageSource>
            <packageSource key="nuget.org">
              <package pattern="*" />
            </packageSource>
          </packageSourceMapping>
        </configuration>
        """;

    /// <summary>A nested nuget.config adding a model feed for the packages matching <paramref name="pattern"/>.</summary>
    public static string ModelFeed(string feed, string pattern) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="models" value="{feed}" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="models">
              <package pattern="{pattern}" />
            </packageSource>
          </packageSourceMapping>
        </configuration>
        """;
}
