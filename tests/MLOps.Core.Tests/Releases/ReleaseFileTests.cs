using MLOps.Core.Diagnostics;
using MLOps.Core.Releases;
using MLOps.Tests.Shared;
using NuGet.Versioning;
using Xunit;

namespace MLOps.Core.Tests.Releases;

public sealed class ReleaseFileTests : IDisposable
{
    private const string Text = """
        # Which version each stage serves.
        # Reviewed in pull requests.

        package: FlightDelay.Model
        stages:
          staging: latest
          production: 1.2.0
        history:
          - { action: promote, stage: production, version: 1.1.0, at: 2026-11-01T10:00:00Z, by: "Ada", reason: "first" }
          - { action: promote, stage: production, version: 1.2.0, at: 2026-12-01T10:00:00Z, by: "Ada", reason: "beats 1.1.0 on \"auc\"" }

        """;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_KeepHeaderCommentsAndEveryEntry_When_AnEntryIsAppendedAndWritten()
    {
        // Given a release file with header comments and two history entries
        string path = _temp.Write("release.yaml", Text.ReplaceLineEndings("\n"));
        var bag = new DiagnosticBag();
        ReleaseFile release = ReleaseFileReader.Read(path, stages: null, bag)!;

        // When a rollback is appended and the file written
        var entry = new ReleaseEntry(ReleaseEntry.Rollback, "production", NuGetVersion.Parse("1.1.0"), new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero), "Bob", "bad: evening flights", NuGetVersion.Parse("1.2.0"));
        Assert.True(ReleaseFileWriter.Write(release.WithDeclared("production", "1.1.0", ["dev", "staging", "production"]).Append(entry), bag));

        // Then the comments stay on top, the old entries are kept as they were, and reading it back gives the same file
        string written = File.ReadAllText(path);
        Assert.StartsWith("# Which version each stage serves.\n# Reviewed in pull requests.\n\npackage: FlightDelay.Model\n", written);
        Assert.Contains("  production: 1.1.0\n", written);
        Assert.Contains("reason: \"beats 1.1.0 on \\\"auc\\\"\" }", written);
        Assert.EndsWith("  - { action: rollback, stage: production, version: 1.1.0, from: 1.2.0, at: 2026-12-02T08:00:00Z, by: \"Bob\", reason: \"bad: evening flights\" }\n", written);
        ReleaseFile again = ReleaseFileReader.Read(path, null, bag)!;
        Assert.Empty(bag);
        Assert.Equal(3, again.History.Count);
        Assert.Equal("beats 1.1.0 on \"auc\"", again.History[1].Reason);
        Assert.Equal(written, ReleaseFileWriter.Format(again));
    }

    [Fact]
    public void Should_RefuseToWrite_When_TheFileOnDiskHasMoreHistory()
    {
        // Given a release read before someone else added an entry on disk
        string path = _temp.Write("release.yaml", Text.ReplaceLineEndings("\n"));
        var bag = new DiagnosticBag();
        ReleaseFile release = ReleaseFileReader.Read(path, null, bag)!;
        File.WriteAllText(path, Text.ReplaceLineEndings("\n") + "  - { action: promote, stage: staging, version: 1.3.0, at: 2026-12-03T00:00:00Z, by: \"Cy\" }\n");

        // When the stale copy is written with another change
        bool written = ReleaseFileWriter.Write(release.WithDeclared("staging", "1.2.0", ["staging", "production"]), bag);

        // Then nothing is written and MLOPS0026 says why
        Assert.False(written);
        Assert.Equal(Codes.ReleaseFileInvalid, Assert.Single(bag).Code);
        Assert.Contains("1.3.0", File.ReadAllText(path));
    }

    [Theory]
    [InlineData("stages:\n  production: 1.2\n", 2, 15)]
    [InlineData("stages:\n  qa: 1.2.0\n", 2, 3)]
    [InlineData("history:\n  - { action: rollback, stage: production, version: 1.1.0, from: 1.2.0, at: 2026-12-01T00:00:00Z, by: x }\n", 2, 5)]
    [InlineData("history:\n  - { action: promote, stage: production, version: 1.1.0, at: yesterday, by: x }\n", 2, 63)]
    [InlineData("packages: X\n", 1, 1)]
    public void Should_ReportMLOPS0026AtTheLineAndColumn_When_TheFileIsInvalid(string text, int line, int column)
    {
        // Given stages dev, staging, production and an invalid release file
        _temp.Write(".git/HEAD", "");
        StagesConfig stages = StagesConfig.Defaults(_temp.Path);

        // When it is parsed
        var bag = new DiagnosticBag();
        ReleaseFile? release = ReleaseFileReader.Parse("release.yaml", text, stages, bag);

        // Then MLOPS0026 points at the offending value
        Assert.Null(release);
        Diagnostic d = Assert.Single(bag);
        Assert.Equal((Codes.ReleaseFileInvalid, line, column), (d.Code, d.Line, d.Column));
    }

    [Fact]
    public void Should_BeEmpty_When_TheFileDoesNotExist()
    {
        // Given no release file
        var bag = new DiagnosticBag();

        // When it is read
        ReleaseFile release = ReleaseFileReader.Read(_temp.Combine("release.yaml"), null, bag)!;

        // Then nothing is declared and the history is empty
        Assert.Empty(bag);
        Assert.Empty(release.Stages);
        Assert.Empty(release.History);
        Assert.Equal("history: []\n", ReleaseFileWriter.Format(release)[^12..]);
    }
}
