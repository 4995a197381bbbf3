// The pipeline for every model under models/, run by the pinned cake.tool (./build.sh, build.ps1).
//   ./build.sh                  validate, train, evaluate, gate, pack and publish every model; a summary of every model
//   ./build.sh --target=Build   up to the gates, nothing packed
//   ./build.sh --feed=<folder|url>   publish elsewhere than artifacts/feed
// The work is in the MLOps.Sdk package (the models' targets) and the mlops tool; this script only orders it, so a
// new version of the pipeline arrives through global.json and .config/dotnet-tools.json with nothing to change here.
var target = Argument("target", "Pipeline");
var configuration = Argument("configuration", "Release");
var root = MakeAbsolute(Directory("..")).Collapse();
var runs = root.Combine("artifacts/runs");
var feed = Argument("feed", root.Combine("artifacts/feed").FullPath);

void Models(string msbuildTarget)
{
    CleanDirectory(runs);
    try
    {
        DotNetMSBuild(root.CombineWithFilePath("build/Models.proj").FullPath, new DotNetMSBuildSettings()
            .WithTarget(msbuildTarget)
            .WithProperty("MLOpsFeed", feed)
            .SetConfiguration(configuration)
            .SetMaxCpuCount(0)
            .WithArgumentCustomization(args => args.Append("-restore").Append("-nodeReuse:false")
                .AppendQuoted($"-flp:errorsonly;logfile={runs.CombineWithFilePath("errors.log").FullPath}")));
    }
    catch (CakeException)
    {
        // Failed models are named by the summary, which then fails the build.
    }

    // The local mlops tool (.config/dotnet-tools.json) lists every model; it exits 1 naming those that failed.
    int exit = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder().Append("tool run mlops summary").AppendQuoted(runs.FullPath),
        WorkingDirectory = root,
    });
    if (exit != 0)
    {
        throw new CakeException($"mlops summary exited with {exit}: see the models it names above.");
    }
}

Task("Build")
    .Description("Validate, train, evaluate and gate every model.")
    .Does(() => Models("Build"));

Task("Pipeline")
    .Description("Every model from data to a package in the feed, then a summary.")
    .Does(() => Models("Publish"));

Task("Default").IsDependentOn("Pipeline");

RunTarget(target);
