using MLOps.Tests.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace MLOps.Package.Tests;

/// <summary>
/// Once for the adoption tests: a new user's path from the packages to a prediction, in a temp folder outside the
/// repository whose nuget.config reaches only a feed this fixture filled with the packages the build made (MLOps.*),
/// with its own NuGet packages folder and its own CLI home (template store, tool resolver cache). Each step runs the real dotnet CLI:
///   dotnet new install MLOps.Templates -> dotnet new mlops-repo -> dotnet new mlops-model on generated data ->
///   dotnet build -> dotnet pack -> ./build.sh -> a console app consumes the model -> dotnet tool install MLOps.Cli
///   --tool-path -> mlops validate.
/// A step runs only when the one before it succeeded; each test asserts one of them.
/// </summary>
public sealed class NewRepositoryWorkflow : IDisposable
{
    private static readonly string[] Packages = ["MLOps.ModelFormat", "MLOps.Runtime", "MLOps.Sdk", "MLOps.Cli", "MLOps.Templates"];

    private readonly ITestOutputHelper _log;
    private readonly List<DotNetResult> _steps = [];
    private readonly Dictionary<string, string> _environment;

    public NewRepositoryWorkflow(IMessageSink sink)
    {
        _log = new SinkLog(sink);
        Root = Path.Combine(Path.GetTempPath(), $"mlops-adopt-{Guid.NewGuid():N}");
        string feed = Directory.CreateDirectory(Path.Combine(Root, "feed")).FullName;
        foreach (string id in Packages)
            File.Copy(Repository.Package(id), Path.Combine(feed, Path.GetFileName(Repository.Package(id))));
        File.WriteAllText(Path.Combine(Root, "nuget.config"), NuGetConfig.Isolated(feed, Path.Combine(Root, "packages"), NuGetConfig.MachinePackagesFolder()));
        // The CLI's own home (installed templates, the local tools' resolver cache) is this folder's too: nothing
        // from another run or from the user's machine can answer for what this run installed.
        // MLOpsPrerelease=false (an environment variable is an MSBuild property): the repository builds as CI builds its main
        // branch, so the model is published as 1.0.0 wherever the tests run (a local build would publish 1.0.0-local.1).
        _environment = new Dictionary<string, string> { ["DOTNET_CLI_HOME"] = Path.Combine(Root, "cli-home"), ["MLOpsPrerelease"] = "false" };
        string version = Repository.PackageVersion;

        _ = Step(Root, "new", "install", $"MLOps.Templates::{version}", "--add-source", feed)
            && Step(Root, "new", "mlops-repo", "-o", "churn-repo")
            && WriteData()
            && Step(RepoDirectory, "new", "mlops-model", "-n", "Churn", "-o", "models/Churn", "--data", "data/churn.csv", "--label", "churned", "--allow-scripts", "yes")
            && Step(RepoDirectory, "build", "models/Churn", "-nodeReuse:false", "-tl:off")
            && Step(RepoDirectory, "pack", "models/Churn", "-nodeReuse:false", "-tl:off")
            && Run(RepoDirectory, "bash", "build.sh")
            && Consume()
            && Step(Root, "tool", "install", "MLOps.Cli", "--version", version, "--tool-path", Path.Combine(Root, "tools"))
            && Run(RepoDirectory, Path.Combine(Root, "tools", "mlops"), "validate", "models/Churn/model.yaml");
    }

    public string Root { get; }

    public string RepoDirectory => Path.Combine(Root, "churn-repo");

    public string ModelDirectory => Path.Combine(RepoDirectory, "models", "Churn");

    /// <summary>The steps that ran, in order; the last one failed when the workflow stopped early.</summary>
    public IReadOnlyList<DotNetResult> Steps => _steps;

    /// <summary>The step whose command contains <paramref name="fragment"/>; fails with the step that stopped the workflow.</summary>
    public DotNetResult StepContaining(string fragment) =>
        _steps.LastOrDefault(s => s.Command.Contains(fragment, StringComparison.Ordinal))
        ?? throw new XunitException($"The workflow stopped before '{fragment}':\n{_steps.LastOrDefault()}");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log.WriteLine($"Could not delete '{Root}': {e.Message}");
        }
    }

    private bool WriteData()
    {
        string data = Path.Combine(RepoDirectory, "data", "churn.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(data)!);
        File.WriteAllLines(data, ChurnData.Lines(2000, seed: 7));
        return true;
    }

    private bool Consume()
    {
        string app = Path.Combine(Root, "consumer");
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "nuget.config"), NuGetConfig.ModelFeed(Path.Combine(RepoDirectory, "artifacts", "feed"), "Churn.*"));
        return Step(app, "new", "console", "-n", "ChurnApp", "-o", ".", "-f", "net10.0")
            && Step(app, "add", "package", "Churn.Model", "--version", "1.0.0")
            && WriteProgram(app)
            && Step(app, "run", "-tl:off");
    }

    private static bool WriteProgram(string app)
    {
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using Churn.Model;

            var model = ChurnModel.Load();
            var prediction = model.Predict(new ChurnInput { TenureMonths = 3, MonthlyCharges = 70.5f, Plan = "basic", SignupDate = new DateTime(2023, 5, 1) });
            Console.WriteLine($"churn={prediction.PredictedLabel} probability={prediction.Probability:0.000} version={model.Version}");
            """);
        return true;
    }

    private bool Step(string directory, params string[] arguments) => Record(DotNet.Run(directory, arguments, _log, TimeSpan.FromMinutes(10), _environment));

    /// <summary>A program other than dotnet (the repository's build script, an installed tool), run like DotNet.Run runs dotnet.</summary>
    private bool Run(string directory, string program, params string[] arguments) => Record(Processes.Run(directory, program, arguments, _log, TimeSpan.FromMinutes(10), _environment));

    private bool Record(DotNetResult result)
    {
        _steps.Add(result);
        return result.Succeeded;
    }
}
