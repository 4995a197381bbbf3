// The pipeline for every model under models/, run by the pinned cake.tool (./build.sh, build.ps1).
//   ./build.sh                  validate, train, evaluate, gate, pack and publish every model to the first stage (dev);
//                               a summary of every model
//   ./build.sh --target=Gate    validate, train, evaluate and gate every model, with the summary; nothing is packed or
//                               published (pull requests; JUnit results in artifacts/<Model>/gates.junit.xml)
//   ./build.sh --target=Release [--stage=<name>]
//                               make the stage feeds serve what each model's release.yaml says (every stage, or only
//                               <name>), with a GitHub release when stages.yaml names a repository
//   ./build.sh --target=Sweep [--model=<Name>] [--shard=i/n]
//                               sweep the hyperparameters of every model with a sweep section (or <Name>'s), trials as
//                               child runs in the run store (MLOPS_RUN_STORE); the winner is published; --shard runs
//                               one shard's trials and stops
//   ./build.sh --target=SweepFinish [--model=<Name>]
//                               finish sweeps whose shards ran on other agents, then gate and publish each winner
//   ./build.sh --feed=<folder|url>   publish elsewhere than artifacts/feed
// Arguments: --target, --configuration (Release), --feed, --stage (Release only), --model and --shard (sweeps), and Cake's own options (--verbosity,
// --dryrun, --tree, --description, --exclusive; dotnet cake --help). Any other argument stops the script with exit
// code 2 (MLOPS0033), so a pipeline never passes an option that does nothing.
// The work is in the MLOps.Sdk package (the models' targets) and the mlops tool; this script only orders it, so a
// new version of the pipeline arrives through global.json and .config/dotnet-tools.json with nothing to change here.
BuildArguments.RejectUnknown(Context, "target", "configuration", "feed", "stage", "model", "shard");
var target = Argument("target", "Pipeline");
var configuration = Argument("configuration", "Release");
var root = MakeAbsolute(Directory("..")).Collapse();
var runs = root.Combine("artifacts/runs");
var feed = Argument("feed", root.Combine("artifacts/feed").FullPath);
var stage = Argument("stage", "");
var sweepModel = Argument("model", "");
var sweepShard = Argument("shard", "");

DotNetMSBuildSettings MSBuild(string msbuildTarget) => new DotNetMSBuildSettings()
    .WithTarget(msbuildTarget)
    .WithProperty("MLOpsFeed", feed)
    .SetConfiguration(configuration)
    .SetMaxCpuCount(0)
    .WithArgumentCustomization(args => args.Append("-restore").Append("-nodeReuse:false"));

// Every model in one parallel build of build/Models.proj's target, then the summary of every model. A model writes
// its run summary (runs/<Model>.json) when it publishes; up to the gates (withSummary: false) there is none, so a clean
// run says every model passed and a failed one lists the models that failed (from the build's errors).
void Models(string msbuildTarget, bool withSummary = true)
{
    CleanDirectory(runs);
    bool built = true;
    try
    {
        DotNetMSBuild(root.CombineWithFilePath("build/Models.proj").FullPath, MSBuild(msbuildTarget)
            .WithArgumentCustomization(args => args.Append("-restore").Append("-nodeReuse:false")
                .AppendQuoted($"-flp:errorsonly;logfile={runs.CombineWithFilePath("errors.log").FullPath}")));
    }
    catch (CakeException)
    {
        built = false;
    }

    if (built && !withSummary)
    {
        Information("Every model passed validation and its quality gates (artifacts/<Model>/); nothing was packed or published.");
        return;
    }

    // The local mlops tool (.config/dotnet-tools.json) lists every model; it exits 1 naming those that failed.
    int exit = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder().Append("tool run mlops summary").AppendQuoted(runs.FullPath),
        WorkingDirectory = root,
    });
    if (exit != 0 || !built)
    {
        throw new CakeException($"mlops summary exited with {exit}: see the models it names above.");
    }
}

Task("Gate")
    .Description("Validate, train, evaluate and gate every model, then the summary; nothing is packed or published.")
    .Does(() => Models("Build", withSummary: false));

Task("Build")
    .Description("The earlier name of Gate.")
    .IsDependentOn("Gate");

Task("Pipeline")
    .Description("Every model from data to a package in the feed, then a summary.")
    .Does(() => Models("Publish"));

Task("Release")
    .Description("Make every stage (or only --stage=<name>) serve the versions in each model's release.yaml.")
    .Does(() =>
{
    var settings = MSBuild("Release");
    if (stage != "")
    {
        settings = settings.WithProperty("MLOpsStage", stage);
    }

    DotNetMSBuild(root.CombineWithFilePath("build/Models.proj").FullPath, settings);
});

// Sweeps (docs/sweeps.md): build/Models.proj's Sweep and SweepFinish.
void Sweep(string msbuildTarget)
{
    var settings = MSBuild(msbuildTarget);
    settings = sweepModel == "" ? settings : settings.WithProperty("MLOpsSweepModel", sweepModel);
    settings = sweepShard == "" ? settings : settings.WithProperty("MLOpsSweepShard", sweepShard);
    DotNetMSBuild(root.CombineWithFilePath("build/Models.proj").FullPath, settings);
}

Task("Sweep")
    .Description("Sweep each model's hyperparameters (or --model=<Name>'s); --shard=i/n runs one shard's trials, a whole sweep publishes the winner.")
    .Does(() => Sweep("Sweep"));

Task("SweepFinish")
    .Description("Finish the sweeps whose shards ran on other agents (every trial in the shared run store), then gate and publish each winner.")
    .Does(() => Sweep("SweepFinish"));

Task("Default").IsDependentOn("Pipeline");

RunTarget(target);

// The arguments the script knows; Cake passes any other --name=value through to the script, where Argument() would
// just not read it. An unknown one stops the run before any work, so a CI pipeline cannot pass an option that does
// nothing. Cake's own options never reach the script; its configuration arguments (--settings_*, --nuget_*, --paths_*,
// --roslyn_*) do and are allowed.
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
