using MLOps.Core.Diagnostics;
using MLOps.Core.SourceControl;
using MLOps.Core.Versioning;
using Xunit;

namespace MLOps.Core.Tests.Versioning;

public sealed class PrereleaseLabelTests
{
    private static readonly CiEnvironment Local = new(null, "Ada", null, null);
    private static readonly CiEnvironment Ci = new("github-actions", "github-actions (ada)", "main", null);
    private readonly DiagnosticBag _bag = new();

    [Fact]
    public void Should_be_local_When_built_outside_CI()
    {
        // Given a build on a developer's machine, on main
        // When the pre-release is decided with the defaults
        PrereleaseLabel? label = PrereleaseLabel.Decide("auto", "", "main", Local, "main", _bag);

        // Then it is a 'local' pre-release
        Assert.Equal(new PrereleaseLabel("local", "built outside CI"), label);
    }

    [Fact]
    public void Should_be_a_release_When_CI_builds_the_release_branch()
    {
        // Given CI building main
        // When the pre-release is decided
        PrereleaseLabel? label = PrereleaseLabel.Decide("auto", null, "main", Ci, "main", _bag);

        // Then there is none: a release
        Assert.Null(label);
        Assert.Empty(_bag);
    }

    [Fact]
    public void Should_be_labelled_by_the_branch_When_CI_builds_another_branch()
    {
        // Given CI building feature/New_input
        // When the pre-release is decided
        PrereleaseLabel? label = PrereleaseLabel.Decide("auto", null, "main", Ci with { Branch = "feature/New_input" }, "feature/New_input", _bag);

        // Then the label is the sanitized branch name
        Assert.Equal(new PrereleaseLabel("feature-New-input", "built on branch 'feature/New_input', not main"), label);
    }

    [Theory]
    [InlineData("false", null, null)]
    [InlineData("FALSE", "rc", null)]
    [InlineData("true", null, "main")]
    [InlineData("true", "rc", "rc")]
    public void Should_follow_MLOpsPrerelease_When_it_is_true_or_false(string mode, string? labelProperty, string? expected)
    {
        // Given CI on main and MLOpsPrerelease set
        // When the pre-release is decided
        PrereleaseLabel? label = PrereleaseLabel.Decide(mode, labelProperty, "main", Ci, "main", _bag);

        // Then it is what the property says
        Assert.Equal(expected, label?.Label);
        Assert.Empty(_bag);
    }

    [Fact]
    public void Should_report_MLOPS0023_When_MLOpsPrerelease_is_not_auto_true_or_false()
    {
        // Given MLOpsPrerelease=yes
        // When the pre-release is decided
        PrereleaseLabel? label = PrereleaseLabel.Decide("yes", null, "main", Local, null, _bag);

        // Then MLOPS0023 lists the valid values
        Assert.Null(label);
        Diagnostic error = Assert.Single(_bag);
        Assert.Equal("MLOPS0023", error.Code);
        Assert.Contains("auto (the default), true and false", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my.label")]
    [InlineData("42")]
    [InlineData("feature/x")]
    public void Should_report_MLOPS0024_When_the_label_is_not_an_identifier(string labelProperty)
    {
        // Given a label with a dot, only digits, or a slash
        // When the pre-release is decided
        PrereleaseLabel? label = PrereleaseLabel.Decide("auto", labelProperty, "main", Local, null, _bag);

        // Then MLOPS0024 is reported
        Assert.Null(label);
        Assert.Equal("MLOPS0024", Assert.Single(_bag).Code);
    }

    [Theory]
    [InlineData("feature/new-input", "feature-new-input")]
    [InlineData("users/ada/fix__it", "users-ada-fix-it")]
    [InlineData("/release/", "release")]
    [InlineData("123", "branch-123")]
    [InlineData("---", "branch")]
    public void Should_keep_letters_digits_and_single_dashes_When_a_branch_is_sanitized(string branch, string expected)
    {
        // Given a branch name
        // When it is made a label
        // Then only letters, digits and single dashes remain, and it is never only digits
        Assert.Equal(expected, PrereleaseLabel.Sanitize(branch));
    }
}
