// The whole pipeline as named targets, run by the pinned cake.tool (./build.sh, build.ps1).
//   ./build.sh                      the packages (MLOps.Sdk, MLOps.Cli, MLOps.Templates, the runtime), then every model:
//                                   validate, train, evaluate, gate, pack, publish; a summary of every model
//   ./build.sh --target=Packages    only the packages, into artifacts/packages
//   ./build.sh --target=Test        the test suite (it tests the packages, so it makes them first)
//   ./build.sh --target=Bench       the benchmarks (bench/README.md)
//   ./build.sh --target=Clean       remove build outputs (the feed under artifacts/ is kept)
// The models here build on MLOps.Sdk exactly as in any other repository (models/nuget.config points NuGet at
// artifacts/packages, global.json names the version): this script first makes those packages, then runs the same
// build/Models.proj a repository made by `dotnet new mlops-repo` runs.
var target = Argument("target", "Pipeline");
var configuration = Argument("configuration", "Release");
// Cake runs with the script's folder (build/) as its working directory.
var root = MakeAbsolute(Directory("..")).Collapse();
var artifacts = root.Combine("artifacts");
var packages = artifacts.Combine("packages");
var runs = artifacts.Combine("runs");
var feed = Argument("feed", artifacts.Combine("feed").FullPath);
var mlops = root.CombineWithFilePath($"src/MLOps.Cli/bin/{configuration}/net10.0/mlops.dll");
// The packages this repository makes (build/Packages.slnf); one version for all, from global.json.
var packageIds = new[] { "MLOps.ModelFormat", "MLOps.Runtime", "MLOps.Sdk", "MLOps.Cli", "MLOps.Templates" };

// No node reuse: a reused node would keep an old task dll loaded.
DotNetMSBuildSettings MSBuild() => new DotNetMSBuildSettings()
    .WithProperty("MLOpsFeed", feed)
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

Task("Models")
    .Description("Validate, train, evaluate, gate, pack and publish every model under models/, in one parallel build.")
    .IsDependentOn("PublishPackages")
    .Does(() =>
{
    CleanDirectory(runs);
    try
    {
        DotNetMSBuild(root.CombineWithFilePath("build/Models.proj").FullPath, MSBuild()
            .WithTarget("Publish")
            .SetConfiguration(configuration)
            .WithArgumentCustomization(args => args.Append("-restore").Append("-nodeReuse:false")
                .AppendQuoted($"-flp:errorsonly;logfile={runs.CombineWithFilePath("errors.log").FullPath}")));
    }
    catch (CakeException)
    {
        // Failed models are named by the summary below, which then fails the build.
    }
});

Task("Pipeline")
    .Description("The main job: the packages, then every model from data to a package in the feed, then a summary.")
    .IsDependentOn("Models")
    .Does(() =>
{
    DotNetExecute(mlops, new ProcessArgumentBuilder().Append("summary").AppendQuoted(runs.FullPath),
        new DotNetExecuteSettings { WorkingDirectory = root });
});

Task("Test")
    .Description("The test suite: unit, CLI, target (real dotnet build on MLOps.Sdk) and package (real restore) tests.")
    .IsDependentOn("Packages")
    .Does(() =>
{
    DotNetTest(root.CombineWithFilePath("Pipeline.sln").FullPath, new DotNetTestSettings
    {
        Configuration = configuration,
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
