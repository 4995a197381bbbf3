namespace MLOps.Tests.Infrastructure;

/// <summary>nuget.config files for test folders: MLOps.* from one folder of packages, everything else as usual.</summary>
public static class NuGetConfig
{
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
}
