using System.Reflection;
using System.Text.RegularExpressions;
using MLOps.Core.Diagnostics;
using MLOps.Core.Tests.Spec;
using MLOps.Runtime;
using Xunit;

namespace MLOps.Core.Tests.Diagnostics;

public sealed class DiagnosticsDocTests
{
    // The pipeline's codes live in MLOps.Core; the runtime, which services reference without the core,
    // keeps its own 6xxx codes.
    private static readonly string[] AllCodes = new[] { typeof(Codes), typeof(RuntimeCodes) }
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    [Fact]
    public void Should_never_reuse_a_code_When_codes_are_declared() =>
        Assert.Equal(AllCodes.Length, AllCodes.Distinct().Count());

    [Fact]
    public void Should_follow_the_MLOPS_pattern_When_codes_are_declared() =>
        Assert.All(AllCodes, c => Assert.Matches("^MLOPS[0-8][0-9]{3}$", c));

    [Fact]
    public void Should_document_every_code_When_docs_diagnostics_is_read()
    {
        // Given the diagnostics reference
        string doc = File.ReadAllText(Path.Combine(SpecLoaderTests.RepoRoot(), "docs", "diagnostics.md"));
        var documented = Regex.Matches(doc, "^## (MLOPS[0-9]{4})", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();

        // Then every declared code has a section, and every section a declared code
        Assert.Empty(AllCodes.Except(documented));
        Assert.Empty(documented.Except(AllCodes));
    }
}
