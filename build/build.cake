// The whole pipeline as named targets, run by the pinned cake.tool (./build.sh, build.ps1).
//   ./build.sh                      build, then validate/train/evaluate/gate/pack/publish every model
//   ./build.sh --target=Test        the test suite
//   ./build.sh --target=Bench       the benchmarks (bench/README.md)
//   ./build.sh --target=Clean       remove build outputs (the feed under artifacts/ is kept)
// The per-model steps are MSBuild targets (src/MLOps.Tasks/build/MLOps.Tasks.targets): this script only
// orders them across models and reports.
using System.Text.Json;

var target = Argument("target", "Pipeline");
var configuration = Argument("configuration", "Release");
// Cake runs with the script's folder (build/) as its working directory.
var root = MakeAbsolute(Directory("..")).Collapse();
var artifacts = root.Combine("artifacts");
var feed = Argument("feed", artifacts.Combine("feed").FullPath);
var models = GetFiles(root.FullPath + "/models/*/*.csproj").OrderBy(f => f.FullPath).ToList();

// MSBuild settings every step shares: no node reuse (a reused node would keep an old task dll loaded).
DotNetMSBuildSettings MSBuild() => new DotNetMSBuildSettings()
    .WithProperty("MLOpsFeed", feed)
    .SetMaxCpuCount(0)
    .WithArgumentCustomization(args => args.Append("-nodeReuse:false"));

Task("Clean")
    .Does(() =>
{
    CleanDirectories(root.FullPath + "/src/*/bin");
    CleanDirectories(root.FullPath + "/src/*/obj");
    CleanDirectories(root.FullPath + "/models/*/bin");
    CleanDirectories(root.FullPath + "/models/*/obj");
    CleanDirectories(root.FullPath + "/tests/*/bin");
    CleanDirectories(root.FullPath + "/tests/*/obj");
});

Task("Build")
    .Does(() =>
{
    foreach (var project in new[] { "MLOps.ModelFormat", "MLOps.Core", "MLOps.Tasks", "MLOps.Runtime", "MLOps.Cli" })
    {
        DotNetBuild(root.CombineWithFilePath($"src/{project}/{project}.csproj").FullPath, new DotNetBuildSettings
        {
            Configuration = configuration,
            MSBuildSettings = MSBuild(),
        });
    }
});

// The runtime a model package depends on goes into the same feed, so a service restores both from it.
Task("PublishRuntime")
    .IsDependentOn("Build")
    .Does(() =>
{
    var packages = artifacts.Combine("packages");
    foreach (var project in new[] { "MLOps.ModelFormat", "MLOps.Runtime" })
    {
        DotNetPack(root.CombineWithFilePath($"src/{project}/{project}.csproj").FullPath, new DotNetPackSettings
        {
            Configuration = configuration,
            NoBuild = true,
            OutputDirectory = packages,
            MSBuildSettings = MSBuild(),
        });
    }

    // Through `mlops publish`, so the feed keeps NuGet's v3 folder layout whatever is pushed first.
    var mlops = root.CombineWithFilePath($"src/MLOps.Cli/bin/{configuration}/net10.0/mlops.dll");
    var runtimePackages = GetFiles(packages.FullPath + "/MLOps.ModelFormat.*.nupkg").Concat(GetFiles(packages.FullPath + "/MLOps.Runtime.*.nupkg"));
    DotNetExecute(mlops, new ProcessArgumentBuilder()
        .Append("publish")
        .Append("--feed").AppendQuoted(feed)
        .Append(string.Join(" ", runtimePackages.Select(p => "\"" + p.FullPath + "\""))));
});

Task("Models")
    .Description("Validate, train, evaluate, gate, pack and publish every model under models/.")
    .IsDependentOn("PublishRuntime")
    .Does(() =>
{
    if (models.Count == 0)
    {
        throw new CakeException("No model projects under models/*/ (each model is a folder with a .csproj and model.yaml).");
    }

    CleanDirectory(artifacts.Combine("runs"));
    foreach (var model in models)
    {
        Information($"== {model.GetFilenameWithoutExtension()}");
        DotNetMSBuild(model.FullPath, MSBuild()
            .WithTarget("MLOpsPublish")
            .SetConfiguration(configuration)
            .WithArgumentCustomization(args => args.Append("-nodeReuse:false").Append("-restore")));
    }
});

Task("Pipeline")
    .Description("The main job: every model from data to a package in the feed, then a summary.")
    .IsDependentOn("Models")
    .Does(() =>
{
    Information("");
    Information($"{"model",-22} {"version",-9} {"gate",-7} {"metrics",-48} package");
    foreach (var run in GetFiles(artifacts.FullPath + "/runs/*.json").OrderBy(f => f.FullPath))
    {
        using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(run.FullPath));
        var r = doc.RootElement;
        bool passed = r.GetProperty("gates").EnumerateArray().All(g => g.GetProperty("passed").GetBoolean());
        var metrics = r.GetProperty("metrics");
        string[] headline = r.GetProperty("task").GetString() switch
        {
            "binary-classification" => new[] { "auc", "accuracy", "f1", "log_loss" },
            "multiclass-classification" => new[] { "macro_accuracy", "micro_accuracy", "log_loss" },
            _ => new[] { "rmse", "mae", "r_squared" },
        };
        string shown = string.Join(" ", headline.Where(m => metrics.TryGetProperty(m, out _))
            .Select(m => $"{m}={metrics.GetProperty(m).GetDouble().ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)}"));
        string package = System.IO.Path.GetRelativePath(root.FullPath, r.GetProperty("package").GetString());
        Information($"{r.GetProperty("package_id").GetString(),-22} {r.GetProperty("version").GetString(),-9} {(passed ? "passed" : "FAILED"),-7} {shown,-48} {package} ({r.GetProperty("outcome").GetString()})");
    }
});

Task("Test")
    .Description("The test suite: unit, target (real dotnet build) and package (real restore) tests.")
    .Does(() =>
{
    DotNetTest(root.CombineWithFilePath("Pipeline.sln").FullPath, new DotNetTestSettings
    {
        Configuration = "Debug",
        Loggers = new[] { "console;verbosity=normal" },
    });
});

Task("Bench")
    .Description("Benchmarks: pipeline vs bare ML.NET, no-op model build vs empty library (bench/README.md).")
    .Does(() =>
{
    var exit = StartProcess("bash", new ProcessSettings
    {
        Arguments = root.CombineWithFilePath("bench/run.sh").FullPath,
        WorkingDirectory = root,
    });
    if (exit != 0)
    {
        throw new CakeException($"bench/run.sh exited with {exit}.");
    }
});

Task("Default").IsDependentOn("Pipeline");

RunTarget(target);
