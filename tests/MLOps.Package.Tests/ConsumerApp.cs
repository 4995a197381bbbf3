using MLOps.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MLOps.Package.Tests;

/// <summary>
/// A console app made with 'dotnet new console' in a temp folder, restoring only from its own nuget.config:
/// a fresh global packages folder, the test feed for FlightDelay.* and MLOps.* (source mapping), and the
/// machine's global packages folder and its configured source for everything else (Microsoft.ML and the like).
/// </summary>
public sealed class ConsumerApp
{
    public const string Name = "Consumer";

    private readonly ITestOutputHelper? _log;

    // NUGET_PACKAGES would override the nuget.config's globalPackagesFolder: a package id and version this app restores
    // (a test model's 1.0.0, packed anew by every run) must never come from a folder another run filled.
    private readonly Dictionary<string, string> _environment;

    public ConsumerApp(string root, string feed, ITestOutputHelper? log)
    {
        Root = root;
        _log = log;
        _environment = new() { ["NUGET_PACKAGES"] = Path.Combine(root, "packages") };
        Directory.CreateDirectory(root);
        Run(root, "new", "console", "-n", Name, "-o", ProjectDirectory, "-f", "net10.0", "--no-restore");
        File.WriteAllText(Path.Combine(ProjectDirectory, "nuget.config"), NuGetConfig.Isolated(feed, Path.Combine(root, "packages"), NuGetConfig.MachinePackagesFolder(), "FlightDelay.*"));
    }

    public string Root { get; }

    public string ProjectDirectory => Path.Combine(Root, Name);

    /// <summary>Where the consumer's build puts the app and the model files the package copies (mlops/&lt;Name&gt;/).</summary>
    public string OutputDirectory => Path.Combine(ProjectDirectory, "bin", "Debug", "net10.0");

    public DotNetResult AddPackage(string id, string version) => Run(ProjectDirectory, "add", "package", id, "--version", version);

    public void WriteProgram(string code) => File.WriteAllText(Path.Combine(ProjectDirectory, "Program.cs"), code);

    /// <summary>'dotnet run': restores, builds and runs the app (DotNet.Run turns MSBuild node reuse off).</summary>
    public DotNetResult RunApp() => DotNet.Run(ProjectDirectory, ["run"], _log, environment: _environment);

    /// <summary>'dotnet build' of the app, with its own packages folder.</summary>
    public DotNetResult Build() => DotNet.Run(ProjectDirectory, ["build", "-nodeReuse:false", "-tl:off"], _log, environment: _environment);

    /// <summary>Runs the already built app from <paramref name="outputDirectory"/> (its own bin folder, or a copy of it).</summary>
    public DotNetResult Exec(string outputDirectory) => DotNet.Run(outputDirectory, [Path.Combine(outputDirectory, $"{Name}.dll")], _log);

    private DotNetResult Run(string directory, params string[] arguments)
    {
        DotNetResult result = DotNet.Run(directory, arguments, _log, environment: _environment);
        return result.Succeeded ? result : throw new InvalidOperationException(result.ToString());
    }
}
