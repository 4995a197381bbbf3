using Xunit.Abstractions;

namespace MLOps.Tests.Infrastructure;

/// <summary>
/// A model project in its own folder under the system temp folder, wired to the pipeline built from src/
/// the way models/Directory.Build.* wire a model in the repository, but explicitly since it lives outside:
///   &lt;root&gt;/data/flights.csv, schema.json   the data (generated) and the repository's flights schema
///   &lt;root&gt;/&lt;Name&gt;/&lt;Name&gt;.Model.csproj, model.yaml
///   &lt;root&gt;/artifacts/                      MLOpsArtifactsDir: packages/, feed/, runs/
/// Deleted on Dispose.
/// </summary>
public sealed class TempModelProject : IDisposable
{
    // No rebuild of src/ (the test project's references built it) and no write to src/*/obj from restore,
    // so a test never races another build of src/; no node outlives the command.
    private static readonly string[] CommonArguments =
        ["-p:BuildProjectReferences=false", "-p:RestoreRecursive=false", "-nodeReuse:false", "-tl:off", "-v:m"];

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
        File.WriteAllLines(project.DataFile, [FlightData.Header, .. FlightData.Rows(rows, seed: 1)]);
        project.WriteSpec((spec ?? new ModelSpecText(name)).ToString());
        File.WriteAllText(project.ProjectFile, project.ProjectXml());
        return project;
    }

    public void WriteSpec(string yaml) => File.WriteAllText(SpecFile, yaml);

    public void AppendRows(IEnumerable<string> rows) => File.AppendAllLines(DataFile, rows);

    public DotNetResult Build(params string[] arguments) => DotNetIn(["build", "-c", Configuration, .. arguments]);

    public DotNetResult Pack(params string[] arguments) => DotNetIn(["pack", "-c", Configuration, .. arguments]);

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

    // MLOpsArtifactsDir is set before the pipeline's props are imported: they derive MLOpsFeed and
    // PackageOutputPath from it (in the repository the root Directory.Build.props sets it that early).
    private string ProjectXml() => $"""
        <Project>
          <Import Project="Sdk.props" Sdk="Microsoft.NET.Sdk" />
          <PropertyGroup>
            <MLOpsArtifactsDir>{ArtifactsDirectory}/</MLOpsArtifactsDir>
          </PropertyGroup>
          <Import Project="{Repository.File("src/MLOps.Tasks/build/MLOps.Tasks.props")}" />
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <RootNamespace>{PackageId}</RootNamespace>
            <Description>A test model.</Description>
            <Authors>MLOps tests</Authors>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="{Repository.File("src/MLOps.Runtime/MLOps.Runtime.csproj")}" />
          </ItemGroup>
          <Import Project="Sdk.targets" Sdk="Microsoft.NET.Sdk" />
          <PropertyGroup>
            <MLOpsTasksAssembly>{Repository.TasksAssembly}</MLOpsTasksAssembly>
          </PropertyGroup>
          <Import Project="{Repository.File("src/MLOps.Tasks/build/MLOps.Tasks.targets")}" />
        </Project>
        """;
}
