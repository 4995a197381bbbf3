using System.Text.RegularExpressions;
using MLOps.Tests.Infrastructure;
using Xunit;

namespace MLOps.Pipelines.Tests;

/// <summary>What the pipeline files say, read without running them: targets and options both build.cake files have.</summary>
public sealed partial class PipelineFileTests
{
    private static readonly string[] BuildScripts = ["build/build.cake", "src/MLOps.Templates/templates/mlops-repo/build/build.cake"];

    public static TheoryData<string> Pipelines => new(PipelineFile.Paths);

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void Should_name_only_targets_and_options_both_build_scripts_know_When_a_step_runs_build_sh(string pipeline)
    {
        // Given the pipeline's build script steps
        var builds = PipelineFile.Steps(Repository.File(pipeline)).Where(s => s.BuildArguments is not null).ToList();
        Assert.NotEmpty(builds);

        foreach (string script in BuildScripts)
        {
            string text = File.ReadAllText(Repository.File(script));
            var tasks = TaskPattern().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            var options = KnownPattern().Match(text).Groups[1].Value.Split(',').Select(o => o.Trim().Trim('"')).ToHashSet(StringComparer.Ordinal);
            Assert.NotEmpty(options);
            foreach (PipelineStep step in builds)
            {
                // Then each target is a task of the script (the repository's and the template's), each option one it accepts
                Assert.True(tasks.Contains(step.Argument("target") ?? "Pipeline"), $"{pipeline} {step}: {script} has no task '{step.Argument("target")}'.");
                Assert.All(step.BuildArguments!, a => Assert.True(options.Contains(a.TrimStart('-').Split('=')[0]), $"{pipeline} {step}: {script} does not accept '{a}'."));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void Should_gate_publish_and_release_When_the_pipeline_is_read(string pipeline)
    {
        // Given the pipeline's build script steps
        var builds = PipelineFile.Steps(Repository.File(pipeline)).Where(s => s.BuildArguments is not null).ToList();

        // Then pull requests gate, main publishes to dev and releases staging, production is released with the secrets,
        // and a sweep runs its shards and then finishes
        Assert.Equal(["Gate", "Pipeline", "Release staging", "Release production", "Sweep", "SweepFinish"],
            builds.Select(s => $"{s.Argument("target") ?? "Pipeline"} {s.Argument("stage")}".Trim()));
        PipelineStep production = builds[3];
        Assert.Contains("MLOPS_GITHUB_TOKEN", production.Environment.Keys);

        // And production waits for the environment's approval
        Assert.Matches(@"(?m)^\s+environment: production\b", File.ReadAllText(Repository.File(pipeline)));
    }

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void Should_sweep_as_a_matrix_of_three_shards_and_then_finish_When_the_pipeline_is_read(string pipeline)
    {
        // Given the pipeline's sweep steps
        var builds = PipelineFile.Steps(Repository.File(pipeline)).Where(s => s.BuildArguments is not null).ToList();
        PipelineStep shard = builds.Single(s => s.Argument("target") == "Sweep");
        PipelineStep finish = builds.Single(s => s.Argument("target") == "SweepFinish");
        string text = File.ReadAllText(Repository.File(pipeline));

        // Then each shard passes its i/3 from the matrix, both record into the shared store the pipeline's secret names
        Assert.Equal("$MLOPS_SWEEP_SHARD", shard.Argument("shard"));
        Assert.Matches(@"(?m)^\s+matrix:\s*$", text);
        Assert.Matches(@"\b3/3\b|shard: \[1, 2, 3\]", text);
        Assert.Matches(@"^(\$\{\{ matrix\.shard \}\}/3|\$\(shard\))$", shard.Environment["MLOPS_SWEEP_SHARD"]);
        Assert.All(new[] { shard, finish }, s => Assert.Contains("MLOPS_RUN_STORE", s.Environment["MLOPS_RUN_STORE"], StringComparison.Ordinal));

        // And the finish waits for every shard
        Assert.Matches(@"(?m)^\s+(needs: sweep|dependsOn: shard)\s*$", text);
    }

    [Fact]
    public void Should_pack_the_same_pipelines_into_the_mlops_repo_template_When_the_templates_are_packed()
    {
        // Given the template package's project
        string project = File.ReadAllText(Repository.File("src/MLOps.Templates/MLOps.Templates.csproj"));

        // Then it packs each pipeline of this repository into mlops-repo, at the same path
        foreach (string pipeline in PipelineFile.Paths)
        {
            string folder = Path.GetDirectoryName(pipeline)!.Replace('\\', '/');
            Assert.Contains($"Include=\"$(RepoRoot){pipeline}\" PackagePath=\"content/mlops-repo/{folder}/\"", project, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"Task\(""([A-Za-z]+)""\)")]
    private static partial Regex TaskPattern();

    [GeneratedRegex(@"BuildArguments\.RejectUnknown\(Context,\s*([^)]*)\)")]
    private static partial Regex KnownPattern();
}
