using MLOps.Core.Versioning;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Versioning;

public sealed class FileHashCacheTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_not_rehash_When_the_file_size_and_time_are_unchanged_across_loads()
    {
        // Given a file hashed once and the cache saved
        string file = _temp.Write("data.csv", "a,b\n1,2\n");
        string cachePath = _temp.PathOf("hashes.cache");
        int calls = 0;
        string Hasher(string _) => $"h{++calls}";
        var cache = FileHashCache.Load(cachePath);
        Assert.Equal("h1", cache.Hash(file, Hasher));
        cache.Save();

        // When a new build loads the cache and asks again
        string? again = FileHashCache.Load(cachePath).Hash(file, Hasher);

        // Then the remembered hash is returned without reading the file
        Assert.Equal("h1", again);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Should_rehash_When_the_file_is_touched()
    {
        string file = _temp.Write("data.csv", "a,b\n1,2\n");
        int calls = 0;
        var cache = FileHashCache.Load(_temp.PathOf("hashes.cache"));
        cache.Hash(file, _ => $"h{++calls}");

        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(1));

        Assert.Equal("h2", cache.Hash(file, _ => $"h{++calls}"));
        Assert.False(cache.IsUnchanged(_temp.PathOf("missing.csv")));
    }

    [Fact]
    public void Should_return_null_When_the_file_does_not_exist() =>
        Assert.Null(FileHashCache.Load(_temp.PathOf("hashes.cache")).Hash(_temp.PathOf("missing.csv"), _ => "never"));

    [Fact]
    public void Should_start_empty_When_the_cache_file_is_garbage()
    {
        string file = _temp.Write("data.csv", "x");
        File.WriteAllText(_temp.PathOf("hashes.cache"), "not\ta cache\n\n");

        Assert.Equal("fresh", FileHashCache.Load(_temp.PathOf("hashes.cache")).Hash(file, _ => "fresh"));
    }
}
