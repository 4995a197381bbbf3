using MLOps.Core.Diagnostics;
using MLOps.Core.Releases;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Releases;

public sealed class StagesConfigTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_UseDevStagingProductionUnderTheRepositoryRoot_When_ThereIsNoStagesFile()
    {
        // Given a repository without stages.yaml
        Directory.CreateDirectory(_temp.Combine(".git"));
        string model = Directory.CreateDirectory(_temp.Combine("models", "M")).FullName;

        // When the stages are found from the model folder
        var bag = new DiagnosticBag();
        StagesConfig stages = StagesConfig.Find(model, bag)!;

        // Then they are the three defaults, relative to the root
        Assert.Empty(bag);
        Assert.Null(stages.File);
        Assert.Equal(["dev", "staging", "production"], stages.Stages.Select(s => s.Name));
        Assert.Equal(_temp.Combine("artifacts", "stages", "production"), stages.Stages[2].Feed);
    }

    [Fact]
    public void Should_ReadStagesRelativeToTheFile_When_TheFileIsAboveTheModelFolder()
    {
        // Given stages.yaml at the root with a folder feed, an HTTP feed with an API key variable and signing
        _temp.Write("stages.yaml", """
            stages:
              - name: dev
                feed: artifacts/feed
              - name: production
                feed: https://feed.test/v3/index.json
                api-key-env: PROD_KEY
                require-signed: true
            """);
        string model = Directory.CreateDirectory(_temp.Combine("models", "M")).FullName;

        // When it is found from the model folder
        var bag = new DiagnosticBag();
        StagesConfig stages = StagesConfig.Find(model, bag)!;

        // Then the folder is absolute from the file's folder and the HTTP stage keeps its settings
        Assert.Empty(bag);
        Assert.Equal(_temp.Combine("artifacts", "feed"), stages.Stages[0].Feed);
        Assert.Equal(new Stage("production", "https://feed.test/v3/index.json", "PROD_KEY", true), stages.Stages[1]);
        Assert.Equal("secret", stages.Stages[1].ApiKey(name => name == "PROD_KEY" ? "secret" : null));
    }

    [Fact]
    public void Should_ReportMLOPS0025AtTheLine_When_AStageHasAnUnknownKey()
    {
        // Given a stage with a misspelt key on line 4
        string file = _temp.Write("stages.yaml", "stages:\n  - name: dev\n    feed: a\n    requires-signed: true\n");

        // When it is read
        var bag = new DiagnosticBag();
        StagesConfig? stages = StagesConfig.Load(file, bag);

        // Then MLOPS0025 names the file, line and column, with the valid keys
        Assert.Null(stages);
        Diagnostic d = Assert.Single(bag);
        Assert.Equal((Codes.StagesFileInvalid, file, 4, 5), (d.Code, d.File, d.Line, d.Column));
        Assert.Contains("require-signed", d.Message);
    }

    [Fact]
    public void Should_ReportMLOPS0025_When_AStageIsListedTwiceOrTheYamlIsBroken()
    {
        // Given a duplicate stage, and a file with an unclosed flow mapping
        string duplicate = _temp.Write("a.yaml", "stages:\n  - { name: dev, feed: a }\n  - { name: dev, feed: b }\n");
        string broken = _temp.Write("b.yaml", "stages:\n  - { name: dev, feed: a\n");

        // When they are read
        var bag = new DiagnosticBag();
        StagesConfig.Load(duplicate, bag);
        StagesConfig.Load(broken, bag);

        // Then each is MLOPS0025 with a line
        Assert.Equal(2, bag.Count);
        Assert.All(bag, d => Assert.Equal(Codes.StagesFileInvalid, d.Code));
        Assert.Equal(3, bag.First().Line);
        Assert.True(bag.Last().Line > 0);
    }
}
