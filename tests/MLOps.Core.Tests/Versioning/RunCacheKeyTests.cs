using MLOps.Core.Versioning;
using Xunit;

namespace MLOps.Core.Tests.Versioning;

public sealed class RunCacheKeyTests
{
    private static readonly InputHashes Inputs = new("xxh128:0001", "spec-sha", "schema-sha", "xxh128:code");

    [Fact]
    public void Should_give_the_same_32_hex_digit_key_When_the_inputs_are_equal() =>
        Assert.Matches("^[0-9a-f]{32}$", Inputs.RunCacheKey);

    [Fact]
    public void Should_be_stable_across_instances_When_the_hashes_are_the_same() =>
        Assert.Equal(Inputs.RunCacheKey, new InputHashes("xxh128:0001", "spec-sha", "schema-sha", "xxh128:code").RunCacheKey);

    [Fact]
    public void Should_change_the_key_When_any_one_input_changes()
    {
        // Given the same inputs with one hash changed at a time
        InputHashes[] changed =
        [
            Inputs with { DataFingerprint = "xxh128:0002" },
            Inputs with { SpecSha256 = "spec-sha2" },
            Inputs with { SchemaSha256 = "schema-sha2" },
            Inputs with { CodeHash = "xxh128:code2" },
        ];

        // Then every key differs from the original and from each other
        string[] keys = [Inputs.RunCacheKey, .. changed.Select(c => c.RunCacheKey)];
        Assert.Equal(keys.Length, keys.Distinct().Count());
    }

    [Fact]
    public void Should_not_depend_on_the_order_or_folder_of_the_code_files_When_they_are_combined()
    {
        string a = InputHashes.Combine([("MLOps.Tasks.dll", "xxh128:1"), ("MLOps.Core.dll", "xxh128:2")]);
        string b = InputHashes.Combine([("MLOps.Core.dll", "xxh128:2"), ("MLOps.Tasks.dll", "xxh128:1")]);
        string c = InputHashes.Combine([("MLOps.Core.dll", "xxh128:3"), ("MLOps.Tasks.dll", "xxh128:1")]);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }
}
