using Xunit.Abstractions;

namespace MLOps.Tests.Infrastructure;

/// <summary>
/// A model project in its own folder under the system temp folder, on the MLOps.Sdk package the build made, as
/// in any user's repository:
///   &lt;root&gt;/nuget.config                    MLOps.* from the repository's artifacts/packages, the rest from the usual source
///   &lt;root&gt;/Directory.Build.props            MLOpsArtifactsDir
///   &lt;root&gt;/data/flights.csv, schema.json   the data (generated) and the repository's flights schema
///   &lt;root&gt;/&lt;Name&gt;/&lt;Name&gt;.Model.csproj, model.yaml   a project on Sdk="MLOps.Sdk/&lt;version&gt;"
///   &lt;root&gt;/artifacts/                      MLOpsArtifactsDir: packages/, feed/, runs/
/// Deleted on Dispose.
/// </summary>
public sealed class TempModelProject : IDisposable
{
    // No node outlives the command; plain console output to read.
    private static readonly string[] CommonArguments = ["-nodeReuse:false", "-tl:off", "-v:m"];

    private readonly ITestOutputHelper? _log;

    private TempModelProject(string root, string name, ITestOutputHelper? log)
    {
        Root = root;
        Name = name;
        _log = log;
    }

    public string Root { get; }

    public string Name { get; }

    public string PackageId => $"{Name}.Model";

    public string ProjectDirectory => Path.Combine(Root, Name);

    public string ProjectFile => Path.Combine(ProjectDirectory, $"{PackageId}.csproj");

    public string SpecFile => Path.Combine(ProjectDirectory, "model.yaml");

    public string DataFile => Path.Combine(Root, "data", "flights.csv");

    public string ArtifactsDirectory => Path.Combine(Root, "artifacts");

    public string FeedDirectory => Path.Combine(ArtifactsDirectory, "feed");

    public static string Configuration => Repository.Configuration;

    /// <summary>obj/&lt;Configuration&gt;/net10.0/mlops/: model.zip, metrics.json and the other step outputs.</summary>
    public string IntermediateDirectory => Path.Combine(ProjectDirectory, "obj", Configuration, "net10.0", "mlops");

    public static TempModelProject Create(ITestOutputHelper? log = null, string name = "Demo", ModelSpecText? spec = null, int rows = 3000)
    {
        string root = Path.Combine(Path.GetTempPath(), $"mlops-tests-{Guid.NewGuid():N}");
        var project = new TempModelProject(root, name, log);
        Directory.CreateDirectory(project.ProjectDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(project.DataFile)!);
        File.Copy(Repository.File("data/flights/schema.json"), Path.Combine(root, "data", "schema.json"));
        File.WriteAllText(Path.Combine(root, "nuget.config"), NuGetConfig.ForPackages(Repository.PackagesFolder));
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), project.DirectoryBuildProps());
        File.WriteAllLines(project.DataFile, [FlightData.Header, .. FlightData.Rows(rows, seed: 1)]);
        project.WriteSpec((spec ?? new ModelSpecText(name)).ToString());
        File.WriteAllText(project.ProjectFile, ProjectXml(project.PackageId));
        return project;
    }

    public void WriteSpec(string yaml) => File.WriteAllText(SpecFile, yaml);

    /// <summary>Another model project under the same root (same data, artifacts and nuget.config), in <paramref name="folder"/>.</summary>
    public string AddModel(string folder, ModelSpecText spec)
    {
        string directory = Directory.CreateDirectory(Path.Combine(Root, folder)).FullName;
        File.WriteAllText(Path.Combine(directory, "model.yaml"), spec.ToString());
        string project = Path.Combine(directory, $"{spec.Name}.Model.csproj");
        File.WriteAllText(project, ProjectXml($"{spec.Name}.Model"));
        return project;
    }

    /// <summary>Runs dotnet in the root folder (for a traversal over several models).</summary>
    public DotNetResult DotNetInRoot(params string[] arguments) => DotNet.Run(Root, [.. arguments, .. CommonArguments], _log);

    public void AppendRows(IEnumerable<string> rows) => File.AppendAllLines(DataFile, rows);

    public DotNetResult Build(params string[] arguments) => DotNetIn(["build", "-c", Configuration, .. arguments]);

    public DotNetResult Restore() => DotNetIn(["restore"]);

    /// <summary>dotnet msbuild with the given targets and properties (no implicit restore).</summary>
    public DotNetResult MSBuild(params string[] arguments) => DotNetIn(["msbuild", $"-p:Configuration={Configuration}", .. arguments]);

    /// <summary>Sets a property for every project under the root, in its Directory.Build.props (where the SDK reads layout switches).</summary>
    public void SetDirectoryProperty(string name, string value)
    {
        string props = Path.Combine(Root, "Directory.Build.props");
        File.WriteAllText(props, File.ReadAllText(props).Replace("</PropertyGroup>", $"  <{name}>{value}</{name}>\n  </PropertyGroup>", StringComparison.Ordinal));
    }

    public DotNetResult Pack(params string[] arguments) => DotNetIn(["pack", "-c", Configuration, .. arguments]);

    /// <summary>A dotnet command in the project folder with extra environment variables (secrets a build reads from the environment).</summary>
    public DotNetResult DotNetWith(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        DotNet.Run(ProjectDirectory, [.. arguments, .. CommonArguments], _log, environment: environment);

    /// <summary>Packs (building as needed) and pushes the package to MLOpsFeed.</summary>
    public DotNetResult Publish(params string[] arguments) =>
        DotNetIn(["msbuild", "-restore", "-t:MLOpsPublish", $"-p:Configuration={Configuration}", .. arguments]);

    public IEnumerable<string> FilesUnderRoot(string pattern) =>
        Directory.EnumerateFiles(Root, pattern, SearchOption.AllDirectories);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log?.WriteLine($"Could not delete '{Root}': {e.Message}");
        }
    }

    private DotNetResult DotNetIn(string[] arguments) =>
        DotNet.Run(ProjectDirectory, [.. arguments, .. CommonArguments], _log);

    private string DirectoryBuildProps() => $"""
        <Project>
          <PropertyGroup>
            <MLOpsArtifactsDir>{ArtifactsDirectory}/</MLOpsArtifactsDir>
          </PropertyGroup>
        </Project>
        """;

    private static string ProjectXml(string packageId) => $"""
        <Project Sdk="MLOps.Sdk/{Repository.PackageVersion}">
          <PropertyGroup>
            <RootNamespace>{packageId}</RootNamespace>
            <Description>A test model.</Description>
            <Authors>MLOps tests</Authors>
          </PropertyGroup>
        </Project>
        """;
}
