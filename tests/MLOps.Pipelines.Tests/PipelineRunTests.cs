using MLOps.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Pipelines.Tests;

/// <summary>
/// Each pipeline's commands, run in order in one fresh clone of HEAD as a CI agent would (the first pipeline trains
/// the models; the second finds them built). Action and task steps are not run, but must be ones this repository
/// knows. Release steps run for real once the SDK has MLOpsRelease; before that, with Cake's --dryrun, which still
/// checks the target and every argument.
/// </summary>
[Collection(CloneCollection.Name)]
public sealed class PipelineRunTests(RepositoryClone clone, ITestOutputHelper log)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(30);

    public static TheoryData<string> Pipelines => new(PipelineFile.Paths);

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void Should_run_every_command_in_a_fresh_clone_When_the_pipeline_is_followed(string pipeline)
    {
        // Given the pipeline file as committed
        IReadOnlyList<PipelineStep> steps = PipelineFile.Steps(Path.Combine(clone.Path, pipeline));
        Assert.Contains(steps, s => s.Command is not null);

        foreach (PipelineStep step in steps)
        {
            if (step.Command is null)
            {
                // Then an action or task step is one of the known ones
                Assert.True(PipelineReferences.Known.Contains(step.Reference!), $"{pipeline} {step}: not a known action or task ({string.Join(", ", PipelineReferences.Known)}).");
                continue;
            }

            // When its command runs in the clone with the environment the pipeline declares
            string command = step.Argument("target") == "Release" && !clone.SdkHasRelease ? step.Command.TrimEnd() + " --dryrun" : step.Command;
            DotNetResult result = Processes.Run(clone.Path, "bash", ["-e", "-c", command], log, StepTimeout, Environment(step));

            // Then it succeeds
            Assert.True(result.Succeeded, $"{pipeline} {step} failed (exit {result.ExitCode}):\n{Tail(result.Output)}");
        }
    }

    /// <summary>A secret or pipeline variable (<c>${{ secrets.X }}</c>, <c>$(X)</c>) is empty here, as on a CI without the secret.</summary>
    private static Dictionary<string, string> Environment(PipelineStep step) =>
        step.Environment.ToDictionary(v => v.Key, v => v.Value.Contains("${{", StringComparison.Ordinal) || v.Value.Contains("$(", StringComparison.Ordinal) ? "" : v.Value);

    private static string Tail(string output) => output.Length > 6000 ? output[^6000..] : output;
}
