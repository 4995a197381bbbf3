using MLOps.ModelFormat.Contract;
using MLOps.Core.IO;
using MLOps.Core.SourceControl;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.SourceControl;

public sealed class GitInfoTests
{
    private static readonly string[] Inputs = ["models/Demo/model.yaml", "data/schema.json", "data/x.csv"];

    [Fact]
    public void Should_be_dirty_and_name_the_data_When_the_data_is_untracked()
    {
        // Given a repository with the spec and schema committed and the data never added
        using var repo = new TempGitRepository();
        repo.Write("data/x.csv", "a,b\n1,2\n");

        // When the model's inputs are checked against the commit
        GitInfo git = repo.Read(Inputs);

        // Then the commit is named, but it does not reproduce the model, and the data is why
        Assert.NotNull(git.Commit);
        Assert.True(git.Dirty);
        Assert.Equal(["data/x.csv"], git.InputsNotInCommit);
    }

    [Fact]
    public void Should_be_dirty_and_name_the_file_When_a_tracked_input_is_modified()
    {
        // Given every input committed, then the schema changed (not staged) and the spec changed and staged
        using var repo = new TempGitRepository();
        repo.Write("data/x.csv", "a,b\n1,2\n");
        repo.Commit("data/x.csv");
        repo.Write("data/schema.json", "{ \"columns\": [] }\n");
        repo.Write("models/Demo/model.yaml", "name: Demo2\n");
        repo.Git("add models/Demo/model.yaml");

        // When the inputs are checked
        GitInfo git = repo.Read(Inputs);

        // Then both changed files are named
        Assert.True(git.Dirty);
        Assert.Equal(["data/schema.json", "models/Demo/model.yaml"], git.InputsNotInCommit);
    }

    [Fact]
    public void Should_be_clean_with_no_input_listed_When_the_commit_holds_every_input()
    {
        // Given every input committed and an unrelated untracked file
        using var repo = new TempGitRepository();
        repo.Write("data/x.csv", "a,b\n1,2\n");
        repo.Commit("data/x.csv");
        repo.Write("notes.txt", "scratch\n");

        // When the inputs are checked
        GitInfo git = repo.Read(Inputs);

        // Then the commit reproduces the model
        Assert.False(git.Dirty);
        Assert.Empty(git.InputsNotInCommit!);
    }

    [Fact]
    public void Should_name_the_part_When_one_part_of_a_data_folder_is_untracked()
    {
        // Given a data folder with one part committed, one new part and a new README (not a part)
        using var repo = new TempGitRepository();
        repo.Write("data/parts/part-0.csv", "a\n1\n");
        repo.Commit("data/parts/part-0.csv");
        repo.Write("data/parts/part-1.csv", "a\n2\n");
        repo.Write("data/parts/README.md", "parts\n");

        // When the inputs are checked with the folder as its parts
        GitInfo git = repo.Read(["models/Demo/model.yaml", "data/schema.json", "data/parts/part-0.csv", "data/parts/part-1.csv"]);

        // Then only the new part is named
        Assert.True(git.Dirty);
        Assert.Equal(["data/parts/part-1.csv"], git.InputsNotInCommit);
    }

    [Fact]
    public void Should_name_the_data_When_it_is_ignored_by_git()
    {
        // Given data under a git-ignored folder: git status does not show it, yet the commit lacks it
        using var repo = new TempGitRepository();
        repo.Write(".gitignore", "artifacts/\n");
        repo.Commit(".gitignore");
        repo.Write("artifacts/x.csv", "a\n1\n");

        // When the inputs are checked
        GitInfo git = repo.Read("models/Demo/model.yaml", "data/schema.json", "artifacts/x.csv");

        // Then it is named
        Assert.True(git.Dirty);
        Assert.Equal(["artifacts/x.csv"], git.InputsNotInCommit);
    }

    [Fact]
    public void Should_name_the_data_by_its_full_path_When_it_is_outside_the_repository()
    {
        // Given data outside the repository
        using var repo = new TempGitRepository();
        using var elsewhere = new TempFolder();
        string data = elsewhere.Write("x.csv", "a\n1\n");

        // When the inputs are checked
        GitInfo git = GitInfo.Read(repo.PathOf("models/Demo"), [repo.PathOf("models/Demo/model.yaml"), repo.PathOf("data/schema.json"), data]);

        // Then the commit cannot reproduce the model
        Assert.True(git.Dirty);
        Assert.Equal([data.Replace('\\', '/')], git.InputsNotInCommit);
    }

    [Fact]
    public void Should_write_the_inputs_not_in_the_commit_into_lineage_When_the_model_is_dirty()
    {
        // Given a repository whose data is untracked
        using var repo = new TempGitRepository();
        repo.Write("data/x.csv", "a,b\n1,2\n");
        GitInfo git = repo.Read(Inputs);

        // When the code part of the lineage is written
        string json = JsonFile.Serialize(new CodeLineage(git.Commit, git.Dirty, git.InputsNotInCommit));

        // Then it says dirty and lists the data
        Assert.Contains("\"git_dirty\": true", json, StringComparison.Ordinal);
        Assert.Contains("\"inputs_not_in_commit\": [\n    \"data/x.csv\"\n  ]", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
