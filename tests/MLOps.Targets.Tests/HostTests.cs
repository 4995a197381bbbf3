using MLOps.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Targets.Tests;

/// <summary>The targets in the hosts that build a model project: IDE design-time builds and other output layouts.</summary>
[Collection(TargetsCollection.Name)]
public sealed class HostTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempModelProject _project = TempModelProject.Create(log);

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Should_not_train_nor_write_the_lock_file_When_the_build_is_a_design_time_build()
    {
        // Given a new model project, restored
        Assert.True(_project.Restore().Succeeded);

        // When an IDE runs a design-time build (what Visual Studio and C# Dev Kit ask for to fill IntelliSense)
        DotNetResult designTime = _project.MSBuild("-t:ResolveAssemblyReferences;Compile", "-p:DesignTimeBuild=true", "-p:SkipCompilerExecution=true", "-p:ProvideCommandLineArgs=true");

        // Then it generated the typed API under obj/ for IntelliSense, without validating or training, and wrote nothing into the source tree
        Assert.True(designTime.Succeeded, designTime.ToString());
        Assert.True(File.Exists(Path.Combine(_project.IntermediateDirectory, "ModelApi.g.cs")), designTime.ToString());
        Assert.DoesNotContain("trained", designTime.Output);
        Assert.DoesNotContain("rows valid", designTime.Output);
        Assert.False(File.Exists(Path.Combine(_project.IntermediateDirectory, "model.zip")));
        Assert.False(File.Exists(Path.Combine(_project.ProjectDirectory, "model.lock.json")));

        // And a real build afterwards trains and writes the lock file
        DotNetResult build = _project.Build();
        Assert.True(build.Succeeded, build.ToString());
        Assert.True(File.Exists(Path.Combine(_project.ProjectDirectory, "model.lock.json")));
    }

    [Fact]
    public void Should_train_under_the_artifacts_layout_When_UseArtifactsOutput_is_true()
    {
        // Given a repository that turns on the SDK's artifacts output layout (set in Directory.Build.props, as the SDK requires)
        _project.SetDirectoryProperty("UseArtifactsOutput", "true");

        // When the model is built
        DotNetResult build = _project.Build();

        // Then it trained, with its step outputs under artifacts/obj/ and nothing under the project's own obj/<config>/
        Assert.True(build.Succeeded, build.ToString());
        string sdkObj = Path.Combine(_project.Root, "artifacts", "obj") + Path.DirectorySeparatorChar;
        Assert.Single(_project.FilesUnderRoot("model.zip"), f => f.StartsWith(sdkObj, StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(_project.ProjectDirectory, "obj")));
    }

    [Fact]
    public void Should_train_When_IntermediateOutputPath_is_absolute()
    {
        // Given an absolute intermediate folder outside the project
        string intermediate = Path.Combine(_project.Root, "elsewhere", "obj") + Path.DirectorySeparatorChar;

        // When the model is built with it
        DotNetResult build = _project.Build($"-p:IntermediateOutputPath={intermediate}");

        // Then the step outputs are there
        Assert.True(build.Succeeded, build.ToString());
        Assert.True(File.Exists(Path.Combine(intermediate, "mlops", "model.zip")), build.ToString());
    }
}
