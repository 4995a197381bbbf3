using System.Globalization;
using MLOps.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MLOps.Package.Tests;

/// <summary>
/// A console app made with 'dotnet new console' in a temp folder, restoring only from its own nuget.config:
/// a fresh global packages folder, the test feed for FlightDelay.* and MLOps.* (source mapping), and the
/// machine's global packages folder and nuget.org for everything else (Microsoft.ML and the like).
/// </summary>
public sealed class ConsumerApp
{
    public const string Name = "Consumer";

    private readonly ITestOutputHelper? _log;

    public ConsumerApp(string root, string feed, ITestOutputHelper? log)
    {
        Root = root;
        _log = log;
        Directory.CreateDirectory(root);
        Run(root, "new", "console", "-n", Name, "-o", ProjectDirectory, "-f", "net10.0", "--no-restore");
        File.WriteAllText(Path.Combine(ProjectDirectory, "nuget.config"), NuGetConfig(feed, Path.Combine(root, "packages"), MachinePackagesFolder(root)));
    }

    public string Root { get; }

    public string ProjectDirectory => Path.Combine(Root, Name);

    /// <summary>Where the consumer's build puts the app and the model files the package copies (mlops/&lt;Name&gt;/).</summary>
    public string OutputDirectory => Path.Combine(ProjectDirectory, "bin", "Debug", "net10.0");

    public DotNetResult AddPackage(string id, string version) => Run(ProjectDirectory, "add", "package", id, "--version", version);

    public void WriteProgram(string code) => File.WriteAllText(Path.Combine(ProjectDirectory, "Program.cs"), code);

    /// <summary>'dotnet run': restores, builds and runs the app (DotNet.Run turns MSBuild node reuse off).</summary>
    public DotNetResult RunApp() => DotNet.Run(ProjectDirectory, ["run"], _log);

    /// <summary>Runs the already built app from <paramref name="outputDirectory"/> (its own bin folder, or a copy of it).</summary>
    public DotNetResult Exec(string outputDirectory) => DotNet.Run(outputDirectory, [Path.Combine(outputDirectory, $"{Name}.dll")], _log);

    private DotNetResult Run(string directory, params string[] arguments)
    {
        DotNetResult result = DotNet.Run(directory, arguments, _log);
        return result.Succeeded ? result : throw new InvalidOperationException(result.ToString());
    }

    private string MachinePackagesFolder(string directory)
    {
        // "global-packages: /root/.nuget/packages/"
        string line = Run(directory, "nuget", "locals", "global-packages", "--list").Lines.First(l => l.Contains("global-packages:", StringComparison.Ordinal));
        return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static string NuGetConfig(string feed, string packagesFolder, string machinePackages) => string.Format(CultureInfo.InvariantCulture, """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <config>
            <add key="globalPackagesFolder" value="{0}" />
          </config>
          <fallbackPackageFolders>
            <clear />
          </fallbackPackageFolders>
          <packageSources>
            <clear />
            <add key="test-feed" value="{1}" />
            <add key="machine-packages" value="{2}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="test-feed">
              <package pattern="FlightDelay.*" />
              <package pattern="MLOps.*" />
            </packageSource>
            <packageSource key="machine-packages">
              <package pattern="*" />
            </packageSource>
            <packageSource key="nuget.org">
              <package pattern="*" />
            </packageSource>
          </packageSourceMapping>
        </configuration>
        """, packagesFolder, feed, machinePackages);
}
