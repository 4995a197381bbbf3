using MLOps.Core.Diagnostics;
using MLOps.Core.Versioning;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Versioning;

public sealed class RunCacheTests : IDisposable
{
    private static readonly string[] Files = ["model.zip", "training.json", "test.idv"];
    private static readonly InputHashes Inputs = new("xxh128:0001", "spec-sha", "schema-sha", "xxh128:code");
    private static readonly DateTimeOffset TrainedAt = new(2026, 11, 22, 20, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _temp = new();
    private readonly RunCache _cache;
    private readonly string _trained;
    private readonly string _restored;

    public RunCacheTests()
    {
        _cache = new RunCache(_temp.Combine("cache"));
        _trained = Directory.CreateDirectory(_temp.Combine("trained")).FullName;
        _restored = Directory.CreateDirectory(_temp.Combine("restored")).FullName;
        foreach (string name in Files)
        {
            File.WriteAllText(Path.Combine(_trained, name), $"content of {name}");
        }
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_restore_the_same_bytes_and_manifest_When_an_entry_was_stored()
    {
        // Given a stored entry
        var bag = new DiagnosticBag();
        Assert.True(_cache.Store(Inputs, "Demo", TrainedAt, Files, _trained, bag));

        // When it is restored
        RunCacheManifest? manifest = _cache.TryRestore(Inputs.RunCacheKey, Files, _restored, bag);

        // Then every file is back, byte for byte, with the entry's model and training time, and no temp folder is left
        Assert.NotNull(manifest);
        Assert.Empty(bag);
        Assert.Equal("Demo", manifest.Model);
        Assert.Equal(TrainedAt, manifest.TrainedAtUtc);
        Assert.Equal(Inputs, manifest.Inputs);
        Assert.All(Files, f => Assert.Equal(File.ReadAllBytes(Path.Combine(_trained, f)), File.ReadAllBytes(Path.Combine(_restored, f))));
        Assert.Equal([_cache.EntryPath(Inputs.RunCacheKey)], Directory.GetDirectories(_cache.Root));
        Assert.Equal(Files.Order(), Directory.GetFiles(_restored).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Should_find_nothing_and_report_nothing_When_no_entry_has_the_key()
    {
        var bag = new DiagnosticBag();
        Assert.Null(_cache.TryRestore(Inputs.RunCacheKey, Files, _restored, bag));
        Assert.Empty(bag);
    }

    [Theory]
    [InlineData("model.zip")]
    [InlineData("test.idv")]
    [InlineData("manifest.json")]
    public void Should_delete_the_entry_and_warn_When_a_file_fails_its_hash_check(string corrupted)
    {
        // Given a stored entry with one file's bytes changed
        Assert.True(_cache.Store(Inputs, "Demo", TrainedAt, Files, _trained, new DiagnosticBag()));
        string entry = _cache.EntryPath(Inputs.RunCacheKey);
        File.AppendAllText(Path.Combine(entry, corrupted), corrupted == "manifest.json" ? "}garbage" : "x");

        // When it is restored
        var bag = new DiagnosticBag();
        RunCacheManifest? manifest = _cache.TryRestore(Inputs.RunCacheKey, Files, _restored, bag);

        // Then nothing is restored, the entry is gone and MLOPS2003 says why
        Assert.Null(manifest);
        Diagnostic warning = Assert.Single(bag);
        Assert.Equal((Codes.RunCacheEntryCorrupt, Severity.Warning), (warning.Code, warning.Severity));
        Assert.False(Directory.Exists(entry));
        Assert.Empty(Directory.GetFileSystemEntries(_restored));
    }

    [Fact]
    public void Should_discard_the_entry_When_a_listed_file_is_missing()
    {
        Assert.True(_cache.Store(Inputs, "Demo", TrainedAt, Files, _trained, new DiagnosticBag()));
        File.Delete(Path.Combine(_cache.EntryPath(Inputs.RunCacheKey), "test.idv"));

        var bag = new DiagnosticBag();
        Assert.Null(_cache.TryRestore(Inputs.RunCacheKey, Files, _restored, bag));
        Assert.Equal(Codes.RunCacheEntryCorrupt, Assert.Single(bag).Code);
        Assert.Contains("test.idv is missing", Assert.Single(bag).Message);
    }

    [Fact]
    public void Should_discard_an_entry_without_manifest_When_a_store_was_interrupted()
    {
        string entry = Directory.CreateDirectory(_cache.EntryPath(Inputs.RunCacheKey)).FullName;
        File.WriteAllText(Path.Combine(entry, "model.zip"), "half");

        var bag = new DiagnosticBag();
        Assert.Null(_cache.TryRestore(Inputs.RunCacheKey, Files, _restored, bag));
        Assert.Equal(Codes.RunCacheEntryCorrupt, Assert.Single(bag).Code);
        Assert.False(Directory.Exists(entry));
    }

    [Fact]
    public void Should_not_use_an_entry_When_its_manifest_is_for_another_key()
    {
        // Given an entry moved under another key's folder
        Assert.True(_cache.Store(Inputs, "Demo", TrainedAt, Files, _trained, new DiagnosticBag()));
        string other = (Inputs with { CodeHash = "xxh128:other" }).RunCacheKey;
        Directory.Move(_cache.EntryPath(Inputs.RunCacheKey), _cache.EntryPath(other));

        var bag = new DiagnosticBag();
        Assert.Null(_cache.TryRestore(other, Files, _restored, bag));
        Assert.Equal(Codes.RunCacheEntryCorrupt, Assert.Single(bag).Code);
    }

    [Fact]
    public void Should_replace_a_corrupt_entry_When_the_same_key_is_stored_again()
    {
        // Given a corrupt entry
        Assert.True(_cache.Store(Inputs, "Demo", TrainedAt, Files, _trained, new DiagnosticBag()));
        File.WriteAllText(Path.Combine(_cache.EntryPath(Inputs.RunCacheKey), "model.zip"), "corrupt");

        // When the same key is stored again
        Assert.True(_cache.Store(Inputs, "Demo", TrainedAt, Files, _trained, new DiagnosticBag()));

        // Then the entry verifies again
        var bag = new DiagnosticBag();
        Assert.NotNull(_cache.TryRestore(Inputs.RunCacheKey, Files, _restored, bag));
        Assert.Empty(bag);
    }
}
