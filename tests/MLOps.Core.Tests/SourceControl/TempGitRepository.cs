using MLOps.Core.SourceControl;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.SourceControl;

/// <summary>A real git repository in a temp folder (git init), with a model's spec and schema committed.</summary>
internal sealed class TempGitRepository : IDisposable
{
    private readonly TempFolder _folder = new("mlops-git");

    public TempGitRepository()
    {
        Git("init -q");
        Write("models/Demo/model.yaml", "name: Demo\n");
        Write("data/schema.json", "{}\n");
        Commit("models/Demo/model.yaml data/schema.json");
    }

    public string Root => _folder.Path;

    public string Write(string path, string content) => _folder.Write(path, content);

    public string PathOf(string path) => _folder.PathOf(path);

    public void Commit(string paths)
    {
        Git($"add -- {paths}");
        Git("commit -q -m test");
    }

    public void Git(string arguments)
    {
        var result = new ProcessRunner().Run("git", $"-c user.name=test -c user.email=test@example.com -c commit.gpgsign=false {arguments}", Root);
        Assert.True(result is (0, _), $"git {arguments} failed");
    }

    public GitInfo Read(params string[] inputs) => GitInfo.Read(PathOf("models/Demo"), [.. inputs.Select(PathOf)]);

    public void Dispose() => _folder.Dispose();
}
