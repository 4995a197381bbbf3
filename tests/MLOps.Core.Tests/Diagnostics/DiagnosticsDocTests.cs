using System.Reflection;
using System.Text.RegularExpressions;
using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;
using MLOps.Core.Spec;
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

    [Fact]
    public void Should_name_every_encoding_When_the_MLOPS0010_fix_is_read()
    {
        // Given the documented fix of an unknown encoding
        string fix = Fix(Codes.SpecUnknownEncoding);

        // Then it names every encoding the spec accepts, as the message does
        Assert.All(SpecNames.Encodings.Keys, e => Assert.Contains($"`{e}`", fix));
    }

    [Fact]
    public void Should_name_exactly_the_column_types_When_the_MLOPS1002_fix_is_read()
    {
        // Given the documented fix of an unknown column type
        string fix = Fix(Codes.SchemaColumnTypeUnknown);

        // Then it names every column type, and 'string' only to say there is none
        Assert.All(Enum.GetNames<ColumnType>(), t => Assert.Contains($"`{t.ToLowerInvariant()}`", fix));
        Assert.Contains("There is no `string`", fix);
        Assert.DoesNotContain("`float`, `string`", fix);
    }

    private static string Fix(string code)
    {
        string doc = File.ReadAllText(Path.Combine(SpecLoaderTests.RepoRoot(), "docs", "diagnostics.md"));
        return Regex.Match(doc, $"^## {code}\\n.*?^Fix: (.*?)$", RegexOptions.Multiline | RegexOptions.Singleline).Groups[1].Value;
    }
}
