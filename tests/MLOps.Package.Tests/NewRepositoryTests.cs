using System.Text.RegularExpressions;
using MLOps.Tests.Infrastructure;
using Xunit;

namespace MLOps.Package.Tests;

/// <summary>A new user's path, from dotnet new install to a prediction, in a folder outside the repository.</summary>
public sealed class NewRepositoryTests(NewRepositoryWorkflow workflow) : IClassFixture<NewRepositoryWorkflow>
{
    [Fact]
    public void Should_make_a_repository_that_runs_the_pipeline_When_dotnet_new_mlops_repo_runs()
    {
        // Given the template pack installed from the feed
        Assert.True(workflow.StepContaining("new install").Succeeded, workflow.StepContaining("new install").ToString());

        // When dotnet new mlops-repo ran
        DotNetResult created = workflow.StepContaining("new mlops-repo");

        // Then the repository has the build scripts, the Cake build, the traversal, global.json on this SDK version and the tool manifest
        Assert.True(created.Succeeded, created.ToString());
        foreach (string file in new[] { "build.sh", "build.ps1", "build/build.cake", "build/Models.proj", "nuget.config", ".gitignore", ".config/dotnet-tools.json" })
            Assert.True(File.Exists(Path.Combine(workflow.RepoDirectory, file)), file);
        Assert.Contains($"\"MLOps.Sdk\": \"{Repository.PackageVersion}\"", File.ReadAllText(Path.Combine(workflow.RepoDirectory, "global.json")));
    }

    [Fact]
    public void Should_infer_a_spec_and_schema_from_the_data_When_dotnet_new_mlops_model_runs()
    {
        // Given a repository with data/churn.csv
        // When dotnet new mlops-model -n Churn -o models/Churn --data data/churn.csv --label churned ran there
        DotNetResult created = workflow.StepContaining("new mlops-model");

        // Then the model folder holds the project on the SDK, a spec whose task and features come from the data, and the inferred schema
        Assert.True(created.Succeeded, created.ToString());
        Assert.Contains($"Sdk=\"MLOps.Sdk/{Repository.PackageVersion}\"", File.ReadAllText(Path.Combine(workflow.ModelDirectory, "Churn.Model.csproj")));
        string spec = File.ReadAllText(Path.Combine(workflow.ModelDirectory, "model.yaml"));
        Assert.Matches(new Regex(@"task:\s*binary-classification"), spec);
        Assert.Contains("../../data/churn.csv", spec);
        Assert.Contains("plan", spec);
        string schema = File.ReadAllText(Path.Combine(workflow.ModelDirectory, "schema.json"));
        Assert.Matches(new Regex("\"name\":\\s*\"churned\"[^}]*\"environments\":\\s*\\[\\s*\"training\"\\s*\\]"), schema);
        Assert.False(File.Exists(Path.Combine(workflow.ModelDirectory, "mlops-new.rsp")), "the scaffolding inputs are removed once used");
    }

    [Fact]
    public void Should_train_and_gate_the_new_model_When_its_folder_is_built()
    {
        // Given the scaffolded model
        // When dotnet build models/Churn ran
        DotNetResult build = workflow.StepContaining("build models/Churn");

        // Then it trained and passed its (empty) gates
        Assert.True(build.Succeeded, build.ToString());
        Assert.Contains(build.Lines, l => l.Contains("Churn: trained LightGbm", StringComparison.Ordinal));
        Assert.Contains(build.Lines, l => l.Contains("Churn: quality gate passed", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_publish_and_summarise_every_model_When_the_repository_build_script_runs()
    {
        // Given the repository after dotnet pack
        Assert.True(workflow.StepContaining("pack models/Churn").Succeeded, workflow.StepContaining("pack models/Churn").ToString());

        // When ./build.sh ran
        DotNetResult script = workflow.StepContaining("build.sh");

        // Then the model's package is in the repository's feed and the summary lists it as published
        Assert.True(script.Succeeded, script.ToString());
        Assert.True(File.Exists(Path.Combine(workflow.RepoDirectory, "artifacts", "feed", "churn.model", "1.0.0", "churn.model.1.0.0.nupkg")), script.ToString());
        Assert.Contains(script.Lines, l => Regex.IsMatch(l, @"^Churn\.Model\s+1\.0\.0\s+published\s+auc="));
    }

    [Fact]
    public void Should_predict_through_the_typed_API_When_a_console_app_consumes_the_published_model()
    {
        // Given a console app that added Churn.Model 1.0.0 from the repository's feed
        // When it ran
        DotNetResult run = workflow.StepContaining(" run -tl:off");

        // Then it printed a prediction of the published version
        Assert.True(run.Succeeded, run.ToString());
        Assert.Contains(run.Lines, l => Regex.IsMatch(l, @"^churn=(True|False) probability=0\.\d{3} version=1\.0\.0$"));
    }

    [Fact]
    public void Should_validate_the_model_When_the_mlops_tool_is_installed_with_a_tool_path()
    {
        // Given dotnet tool install MLOps.Cli --tool-path
        Assert.True(workflow.StepContaining("tool install").Succeeded, workflow.StepContaining("tool install").ToString());

        // When the installed mlops validated the model's spec and data
        DotNetResult validate = workflow.StepContaining("mlops validate");

        // Then every check passed (exit 0)
        Assert.True(validate.Succeeded, validate.ToString());
    }
}
