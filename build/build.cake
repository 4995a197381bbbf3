// The whole pipeline as named targets, run by the pinned cake.tool (./build.sh, build.ps1).
//   ./build.sh                      the packages (MLOps.Sdk, MLOps.Cli, MLOps.Templates, the runtime), then every model:
//                                   validate, train, evaluate, gate, pack, publish to the first stage (dev); an HTML
//                                   report per model from the run store (artifacts/report, docs/report.md); a summary
//   ./build.sh --target=Gate        every model validated, trained, evaluated and gated, with the summary; nothing is
//                                   packed or published (pull requests; JUnit results in artifacts/<Model>/gates.junit.xml)
//   ./build.sh --target=Release [--stage=<name>]
//                                   make the stage feeds serve what each model's release.yaml says (every stage, or
//                                   only <name>), with a GitHub release when stages.yaml names a repository
//   ./build.sh --target=Sweep [--model=<Name>] [--shard=i/n]
//                                   sweep the hyperparameters of every model with a sweep section (or <Name>'s): trials
//                                   as child runs in the run store (MLOPS_RUN_STORE), the winner published as the
//                                   candidate; --shard runs one shard's trials and stops (docs/sweeps.md)
//   ./build.sh --target=SweepFinish [--model=<Name>]
//                                   finish sweeps whose shards ran on other agents (same CI run, shared store): the
//                                   winner picked (every trial must be recorded), then gated and published
//   ./build.sh --target=DriftCheck --current=<data|logs> [--model=<Name>] [--retrain-on-drift]
//                                   compare <data> (or prediction logs) with the model's latest package in --feed
//                                   (mlops drift; artifacts/<Model>/drift/); exit 1 on drift, or with --retrain-on-drift
//                                   run Retrain then (docs/monitoring.md#drift-checks)
//   ./build.sh --target=Retrain --model=<Name>
//                                   train on the spec's retrain: window (artifacts/<Model>/retrain/), gate it (against
//                                   the champion release.yaml names) and publish it to --feed only if it wins; a
//                                   champion that wins is kept and nothing is published (exit 0; docs/monitoring.md#retraining)
//   ./build.sh --target=Packages    only the packages, into artifacts/packages
//   ./build.sh --target=Test        the test suite (it tests the packages, so it makes them first)
//   ./build.sh --target=Bench       the benchmarks (bench/README.md)
//   ./build.sh --target=Clean       remove build outputs (the feed under artifacts/ is kept)
// Arguments: --target, --configuration (Release), --feed (where builds publish: artifacts/feed), --stage (Release only),
// --model (Sweep, SweepFinish, DriftCheck, Retrain), --shard (Sweep and SweepFinish only), --current and --retrain-on-drift
// (DriftCheck only), and Cake's own options (--verbosity, --dryrun, --tree, --description, --exclusive; dotnet cake --help). Any other
// argument stops the script with exit code 2 (MLOPS0033), so a pipeline never passes an option that does nothing.
// The models here build on MLOps.Sdk exactly as in any other repository (models/nuget.config points NuGet at
// artifacts/packages, global.json names the version): this script first makes those packages, then runs the same
// build/Models.proj a repository made by `dotnet new mlops-repo` runs.
BuildArguments.RejectUnknown(Context, "target", "configuration", "feed", "stage", "model", "shard", "current", "retrain-on-drift");
var target = Argument("target", "Pipeline");
var configuration = Argument("configuration", "Release");
// Cake runs with the script's folder (build/) as its working directory.
var root = MakeAbsolute(Directory("..")).Collapse();
var artifacts = root.Combine("artifacts");
var packages = artifacts.Combine("packages");
var runs = artifacts.Combine("runs");
var feed = Argument("feed", artifacts.Combine("feed").FullPath);
var stage = Argument("stage", "");
var sweepModel = Argument("model", "");
var sweepShard = Argument("shard", "");
var driftCurrent = Argument("current", "");
var retrainOnDrift = HasArgument("retrain-on-drift");
// DriftCheck and Retrain check their arguments before any work (exit 2), as unknown arguments are.
var loopModel = target == "DriftCheck" || target == "Retrain" ? ModelName() : "";
if (target == "DriftCheck" && driftCurrent == "")
{
    Error("error MLOPS7037: DriftCheck needs the data to check: --current=<data file or folder, or a folder of prediction logs>.");
    System.Environment.Exit(2);
}
var mlops = root.CombineWithFilePath($"src/MLOps.Cli/bin/{configuration}/net10.0/mlops.dll");
// The packages this repository makes (build/Packages.slnf); one version for all, from global.json.
var packageIds = new[] { "MLOps.ModelFormat", "MLOps.Runtime", "MLOps.Sdk", "MLOps.Cli", "MLOps.Templates" };

// No node reuse: a reused node would keep an old task dll loaded.
DotNetMSBuildSettings MSBuild() => new DotNetMSBuildSettings()
    .WithProperty("MLOpsFeed", feed)
    .WithProperty("MLOpsRunSource", "cake") // runs recorded by the models' builds say ./build.sh made them
    .SetMaxCpuCount(0)
    .WithArgumentCustomization(args => args.Append("-nodeReuse:false"));

Task("Clean")
    .Does(() =>
{
    foreach (var folder in new[] { "src", "models", "tests", "samples" })
    {
        CleanDirectories(root.FullPath + $"/{folder}/*/bin");
        CleanDirectories(root.FullPath + $"/{folder}/*/obj");
    }
});

Task("Packages")
    .Description("Build and pack MLOps.ModelFormat, MLOps.Runtime, MLOps.Sdk, MLOps.Cli and MLOps.Templates into artifacts/packages.")
    .Does(() =>
{
    // One invocation for all of them (build/Packages.slnf), so MSBuild builds and packs them in parallel.
    DotNetPack(root.CombineWithFilePath("build/Packages.slnf").FullPath, new DotNetPackSettings
    {
        Configuration = configuration,
        OutputDirectory = packages,
        MSBuildSettings = MSBuild(),
    });

    PackageCache.Refresh(Context, packages);
});

// The tooling goes into the feed beside the models, so a service restores a model and its runtime from one
// source, and another repository installs the SDK, the tool and the templates from it.
Task("PublishPackages")
    .IsDependentOn("Packages")
    .Does(() =>
{
    var built = packageIds.SelectMany(id => GetFiles($"{packages.FullPath}/{id}.{PackageCache.Version(root)}.nupkg"));
    DotNetExecute(mlops, new ProcessArgumentBuilder()
        .Append("publish").Append("--feed").AppendQuoted(feed)
        .Append(string.Join(" ", built.Select(p => "\"" + p.FullPath + "\""))));
});

// Every model in one parallel build of build/Models.proj's target; false when one failed (the summary names it).
bool Models(string modelsTarget)
{
    CleanDirectory(runs);
    try
    {
        DotNetMSBuild(root.CombineWithFilePath("build/Models.proj").FullPath, MSBuild()
            .WithTarget(modelsTarget)
            .SetConfiguration(configuration)
            .WithArgumentCustomization(args => args.Append("-restore").Append("-nodeReuse:false")
                .AppendQuoted($"-flp:errorsonly;logfile={runs.CombineWithFilePath("errors.log").FullPath}")));
        return true;
    }
    catch (CakeException)
    {
        // Failed models are named by the summary, which then fails the build.
        return false;
    }
}

// Every model with its outcome; exits 1 (failing the build) when one failed.
void Summary() =>
    DotNetExecute(mlops, new ProcessArgumentBuilder().Append("summary").AppendQuoted(runs.FullPath),
        new DotNetExecuteSettings { WorkingDirectory = root });

// One HTML report per model from the run store (docs/report.md); mlops prints the page to open. A report that cannot
// be written is a warning, not a failed pipeline: the models' outcome is the summary's to judge.
void Report()
{
    try
    {
        DotNetExecute(mlops, new ProcessArgumentBuilder().Append("report").Append("-o").AppendQuoted(artifacts.Combine("report").FullPath),
            new DotNetExecuteSettings { WorkingDirectory = root });
    }
    catch (CakeException e)
    {
        Warning($"The report was not written ({e.Message}); its diagnostic is above.");
    }
}

Task("Models")
    .Description("Validate, train, evaluate, gate, pack and publish every model under models/, in one parallel build.")
    .IsDependentOn("PublishPackages")
    .Does(() => Models("Publish"));

Task("Pipeline")
    .Description("The main job: the packages, then every model from data to a package in the feed, then the report and a summary.")
    .IsDependentOn("Models")
    .Does(() =>
{
    Report();
    Summary();
});

// Pull requests: the same checks as the main job, with nothing packed and nothing written to a feed.
Task("Gate")
    .Description("Validate, train, evaluate and gate every model, then the summary; nothing is packed or published.")
    .IsDependentOn("Packages")
    .Does(() =>
{
    // A model writes its run summary (runs/<Model>.json) when it publishes; up to the gates there is none, so the
    // summary lists the models that failed (from the build's errors), and a clean run says every model passed.
    if (Models("Build"))
    {
        Information("Every model passed validation and its quality gates (artifacts/<Model>/); nothing was packed or published.");
        return;
    }

    Summary();
    throw new CakeException("A model failed validation, training or its quality gates: see the summary above.");
});

// The stage feeds (stages.yaml) made to serve what each model's release.yaml says; the SDK's MLOpsRelease does the work.
Task("Release")
    .Description("Make every stage (or only --stage=<name>) serve the versions in each model's release.yaml.")
    .IsDependentOn("PublishPackages")
    .Does(() =>
{
    var settings = MSBuild()
        .WithTarget("Release")
        .SetConfiguration(configuration)
        .WithArgumentCustomization(args => args.Append("-restore").Append("-nodeReuse:false"));
    if (stage != "")
    {
        settings = settings.WithProperty("MLOpsStage", stage);
    }

    DotNetMSBuild(root.CombineWithFilePath("build/Models.proj").FullPath, settings);
});

// Sweeps: build/Models.proj's Sweep and SweepFinish, which run the SDK's MLOpsSweep / MLOpsSweepFinish per model.
void Sweep(string modelsTarget)
{
    var settings = MSBuild()
        .WithTarget(modelsTarget)
        .SetConfiguration(configuration)
        .WithArgumentCustomization(args => args.Append("-restore"));
    settings = sweepModel == "" ? settings : settings.WithProperty("MLOpsSweepModel", sweepModel);
    settings = sweepShard == "" ? settings : settings.WithProperty("MLOpsSweepShard", sweepShard);
    DotNetMSBuild(root.CombineWithFilePath("build/Models.proj").FullPath, settings);
}

Task("Sweep")
    .Description("Sweep each model's hyperparameters (or --model=<Name>'s); --shard=i/n runs one shard's trials, a whole sweep publishes the winner.")
    .IsDependentOn("PublishPackages")
    .Does(() => Sweep("Sweep"));

Task("SweepFinish")
    .Description("Finish the sweeps whose shards ran on other agents (every trial in the shared run store), then gate and publish each winner.")
    .IsDependentOn("PublishPackages")
    .Does(() => Sweep("SweepFinish"));

// Closing the loop (docs/monitoring.md): a drift check of fresh data against the packaged model, and a retrain on the
// spec's fresh-data window that must beat the champion to be published.
string ModelName()
{
    string name = sweepModel != "" ? sweepModel : System.IO.Directory.GetDirectories(root.Combine("models").FullPath)
        .Where(d => System.IO.Directory.GetFiles(d, "*.csproj").Length > 0).Select(d => System.IO.Path.GetFileName(d)).OrderBy(n => n).FirstOrDefault() ?? "";
    if (name == "" || GetFiles(root.FullPath + $"/models/{name}/*.csproj").Count == 0)
    {
        Error($"error MLOPS7043: no model project under models/{name}/. Name a folder of models/ with --model=<Name>.");
        System.Environment.Exit(2);
    }

    return name;
}

// Exit 1 on drift (MLOPS7030), unless --retrain-on-drift turns it into a retrain: then the retrain's outcome decides
// (0 when it published, 1 when the champion was kept: the drift is still unanswered).
Task("DriftCheck")
    .Description("Compare --current=<data|prediction logs> with the model's latest package in --feed; exit 1 on drift (or retrain with --retrain-on-drift).")
    .IsDependentOn("Packages")
    .Does(() =>
{
    string model = loopModel;
    var output = artifacts.Combine(model).Combine("drift");
    var spec = root.CombineWithFilePath($"models/{model}/model.yaml");
    var package = GetFiles(root.FullPath + $"/models/{model}/*.csproj").First().GetFilenameWithoutExtension().FullPath;
    int exit = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder().AppendQuoted(mlops.FullPath).Append("drift")
            .Append("--reference").AppendQuoted(package).Append("--feed").AppendQuoted(feed)
            .Append("--current").AppendQuoted(MakeAbsolute(File(driftCurrent)).FullPath).Append("--spec").AppendQuoted(spec.FullPath)
            .Append("--json").AppendQuoted(output.CombineWithFilePath("drift.json").FullPath)
            .Append("--html").AppendQuoted(output.CombineWithFilePath("drift.html").FullPath),
        WorkingDirectory = root,
    });
    if (exit == 1 && retrainOnDrift)
    {
        Information($"{model}: drift found; retraining on the spec's fresh-data window (--retrain-on-drift).");
        if (Retrain(model) == "champion-kept")
        {
            throw new CakeException($"{model}: drift found and the retrained model did not beat the champion: nothing was published (MLOPS7042).");
        }

        return;
    }

    if (exit != 0)
    {
        throw new CakeException(exit == 1 ? $"{model}: the data drifted (MLOPS7030): see artifacts/{model}/drift/drift.html." : $"mlops drift exited with {exit}.");
    }
});

Task("Retrain")
    .Description("Train --model=<Name> on its spec's retrain: window, gate it against the champion, publish it to --feed only if it wins.")
    .IsDependentOn("PublishPackages")
    .Does(() => Retrain(loopModel));

// "published" or "champion-kept" (the SDK's gate keeps the champion when a retrain loses to it: MLOPS7042, nothing packed);
// any other failure throws (exit 1). MLOpsPublish leaves runs/<Model>.json only when it published.
string Retrain(string model)
{
    var folder = artifacts.Combine(model).Combine("retrain");
    CleanDirectory(folder);
    CleanDirectory(runs);
    DotNetExecute(mlops, new ProcessArgumentBuilder().Append("retrain-window").AppendQuoted(root.CombineWithFilePath($"models/{model}/model.yaml").FullPath)
        .Append("-o").AppendQuoted(folder.FullPath));
    DotNetMSBuild(GetFiles(root.FullPath + $"/models/{model}/*.csproj").First().FullPath, MSBuild()
        .WithTarget("MLOpsPublish")
        .SetConfiguration(configuration)
        .WithProperty("MLOpsDataPath", folder.CombineWithFilePath("window.csv").FullPath)
        .WithProperty("MLOpsRetrainWindowFile", folder.CombineWithFilePath("window.json").FullPath)
        .WithArgumentCustomization(args => args.Append("-restore")));
    if (!FileExists(runs.CombineWithFilePath(model + ".json")))
    {
        Information($"{model}: retrain summary: champion kept (MLOPS7042 above); nothing was published.");
        return "champion-kept";
    }

    Summary();
    Information($"{model}: retrain summary: the retrained model won and was published to {feed}.");
    return "published";
}

Task("Test")
    .Description("The test suite: unit, CLI, target (real dotnet build on MLOps.Sdk) and package (real restore) tests.")
    .IsDependentOn("Packages")
    .Does(() =>
{
    // The pipeline tests run last, on their own: each builds this repository's packages again in a fresh clone, and
    // the build then replaces NuGet's cached MLOps.* copies (PackageCache.Refresh), which would pull them from under
    // the target and package tests restoring them at the same time.
    DotNetTest(root.CombineWithFilePath("Pipeline.sln").FullPath, new DotNetTestSettings
    {
        Configuration = configuration,
        Filter = "FullyQualifiedName!~MLOps.Pipelines.Tests",
        Loggers = new[] { "console;verbosity=normal" },
    });
    DotNetTest(root.CombineWithFilePath("tests/MLOps.Pipelines.Tests/MLOps.Pipelines.Tests.csproj").FullPath, new DotNetTestSettings
    {
        Configuration = configuration,
        NoBuild = true,
        Loggers = new[] { "console;verbosity=normal" },
    });
});

Task("Bench")
    .Description("Benchmarks: pipeline vs bare ML.NET, no-op builds, all models in parallel (bench/README.md).")
    .IsDependentOn("Packages")
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

// NuGet keeps a package by id and version forever in its global packages folder. This repository packs its own
// tools at one version until global.json moves it, so after a change to src/ the cache would keep serving the
// previous bits to the models and tests here. A cached copy whose hash differs from the package just made is removed,
// and the next restore extracts the new one. (Packs are deterministic: unchanged sources leave the cache alone.)
public static class PackageCache
{
    public static string Version(DirectoryPath root) =>
        System.Text.RegularExpressions.Regex.Match(System.IO.File.ReadAllText(root.CombineWithFilePath("global.json").FullPath),
            "\"MLOps.Sdk\"\\s*:\\s*\"([^\"]+)\"").Groups[1].Value;

    public static void Refresh(ICakeContext context, DirectoryPath packages)
    {
        string cache = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? System.IO.Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var package in context.GetFiles(packages.FullPath + "/MLOps.*.nupkg"))
        {
            string name = package.GetFilenameWithoutExtension().FullPath.ToLowerInvariant();
            var match = System.Text.RegularExpressions.Regex.Match(name, @"^(.+?)\.(\d+\.\d+\.\d+.*)$");
            string folder = System.IO.Path.Combine(cache, match.Groups[1].Value, match.Groups[2].Value);
            string hashFile = System.IO.Path.Combine(folder, name + ".nupkg.sha512");
            if (!System.IO.File.Exists(hashFile))
            {
                continue;
            }

            using var stream = System.IO.File.OpenRead(package.FullPath);
            string hash = System.Convert.ToBase64String(System.Security.Cryptography.SHA512.HashData(stream));
            if (System.IO.File.ReadAllText(hashFile).Trim() != hash)
            {
                context.Information($"{name}: rebuilt with other content; removing the copy NuGet cached at {folder}");
                System.IO.Directory.Delete(folder, recursive: true);
            }
        }
    }
}

// The arguments the script knows; Cake passes any other --name=value through to the script, where Argument() would
// just not read it. An unknown one stops the run before any work, so a CI pipeline cannot pass an option that does
// nothing (a typo in --stage, say). Cake's own options (--verbosity, --dryrun, ...) never reach the script; its
// configuration arguments (--settings_*, --nuget_*, --paths_*, --roslyn_*) do and are allowed.
public static class BuildArguments
{
    private static readonly string[] CakeConfigurationSections = { "settings_", "nuget_", "paths_", "roslyn_" };

    public static void RejectUnknown(ICakeContext context, params string[] known)
    {
        var unknown = context.Arguments.GetArguments().Keys
            .Where(name => !known.Contains(name, System.StringComparer.OrdinalIgnoreCase)
                && !CakeConfigurationSections.Any(s => name.StartsWith(s, System.StringComparison.OrdinalIgnoreCase)))
            .OrderBy(name => name, System.StringComparer.Ordinal)
            .ToArray();
        if (unknown.Length == 0)
        {
            return;
        }

        context.Error($"error MLOPS0033: unknown argument{(unknown.Length > 1 ? "s" : "")} {string.Join(", ", unknown.Select(n => "--" + n))}. "
            + $"Known: {string.Join(", ", known.Select(n => "--" + n))}, and Cake's own options (--verbosity, --dryrun, --tree, --description, --exclusive; dotnet cake --help). "
            + "See the top of build/build.cake.");
        System.Environment.Exit(2);
    }
}
