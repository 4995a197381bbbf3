using MLOps.Core.Data.Fingerprints;
using MLOps.Core.Versioning;
using MLOps.Tests.Shared;
using Xunit;
using MLOps.ModelFormat.Contract;

namespace MLOps.Core.Tests.Data;

public sealed class DataFingerprintTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public DataFingerprintTests()
    {
        _temp.Write("data/part-0000.csv", "id\n1\n");
        _temp.Write("data/part-0001.csv", "id\n2\n");
        _temp.Write("data/part-0002.csv", "id\n3\n");
    }

    private string Folder => _temp.PathOf("data");

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("rename")]
    [InlineData("add")]
    [InlineData("remove")]
    [InlineData("change one byte")]
    public void Should_change_the_folder_fingerprint_When_a_part_is(string change)
    {
        // Given a folder of three parts, fingerprinted
        string before = DataFingerprint.Of(Folder).Value;

        // When one part is renamed, added, removed or changed in one byte
        string part = Path.Combine(Folder, "part-0001.csv");
        switch (change)
        {
            case "rename": File.Move(part, Path.Combine(Folder, "part-0001b.csv")); break;
            case "add": _temp.Write("data/part-0003.csv", "id\n4\n"); break;
            case "remove": File.Delete(part); break;
            default: File.WriteAllText(part, "id\n5\n"); break;
        }

        // Then the folder's fingerprint changes
        Assert.NotEqual(before, DataFingerprint.Of(Folder).Value);
    }

    [Fact]
    public void Should_keep_the_fingerprint_When_a_part_is_touched_or_a_non_data_file_is_added()
    {
        // Given a folder fingerprinted
        string before = DataFingerprint.Of(Folder).Value;

        // When a part gets a new time but the same bytes, and a marker and a readme appear
        File.SetLastWriteTimeUtc(Path.Combine(Folder, "part-0000.csv"), DateTime.UtcNow.AddMinutes(5));
        _temp.Write("data/_SUCCESS", "");
        _temp.Write("data/README.md", "# parts\n");

        // Then the fingerprint is the same
        Assert.Equal(before, DataFingerprint.Of(Folder).Value);
    }

    [Fact]
    public void Should_list_each_part_and_combine_them_in_order_When_the_data_is_a_folder()
    {
        // When the folder is fingerprinted
        DataFingerprint fingerprint = DataFingerprint.Of(Folder);

        // Then each part has its own file fingerprint, and the folder's is their combination
        PartFingerprint[] expected = [.. new[] { "part-0000.csv", "part-0001.csv", "part-0002.csv" }
            .Select(name => new PartFingerprint(name, Fingerprint.OfFile(Path.Combine(Folder, name))))];
        Assert.Equal(expected, fingerprint.Files);
        Assert.Equal(DataFingerprint.Combine(expected), fingerprint.Value);
        Assert.StartsWith("xxh128:", fingerprint.Value);
    }

    [Fact]
    public void Should_equal_the_file_fingerprint_with_no_list_When_the_data_is_one_file()
    {
        // Given one data file
        string file = Path.Combine(Folder, "part-0000.csv");

        // When it is fingerprinted as a dataset
        DataFingerprint fingerprint = DataFingerprint.Of(file);

        // Then it is the file's own fingerprint, as before folders existed
        Assert.Equal(new DataFingerprint(Fingerprint.OfFile(file), null), fingerprint);
    }

    [Fact]
    public void Should_rehash_only_the_touched_part_When_the_parts_go_through_the_hash_cache()
    {
        // Given a folder fingerprinted once through a hash cache
        var cache = FileHashCache.Load(_temp.PathOf("hashes.cache"));
        var hashed = new List<string>();
        string Hash(string file) => cache.Hash(file, f => { hashed.Add(Path.GetFileName(f)); return Fingerprint.OfFile(f); })!;
        string first = DataFingerprint.Of(Folder, Hash)!.Value;
        hashed.Clear();

        // When one part is touched and the folder fingerprinted again
        File.SetLastWriteTimeUtc(Path.Combine(Folder, "part-0002.csv"), DateTime.UtcNow.AddMinutes(5));
        string second = DataFingerprint.Of(Folder, Hash)!.Value;

        // Then only that part was read again, and the fingerprint did not move
        Assert.Equal(["part-0002.csv"], hashed);
        Assert.Equal(first, second);
    }
}
