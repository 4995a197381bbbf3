using System.Diagnostics;
using System.IO.Hashing;
using System.Security.Cryptography;
using MLOps.Core.Data.Fingerprints;
using Xunit;
using MLOps.Tests.Shared;

namespace MLOps.Core.Tests.Data;

public sealed class FingerprintTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_equal_the_one_shot_xxh128_When_the_file_is_larger_than_the_read_buffer()
    {
        // Given a file of two and a half read buffers of varied bytes
        byte[] bytes = RandomBytes(Fingerprint.BufferSize * 5 / 2 + 17);
        string path = Path.Combine(_temp.Path, "big.bin");
        File.WriteAllBytes(path, bytes);

        // When it is fingerprinted by streaming
        string fingerprint = Fingerprint.OfFile(path);

        // Then it equals XxHash128 over the whole array at once, prefixed and in lowercase hex
        Assert.Equal("xxh128:" + Convert.ToHexStringLower(XxHash128.Hash(bytes)), fingerprint);
    }

    [Fact]
    public void Should_change_the_fingerprint_When_one_byte_changes()
    {
        // Given two files that differ in their last byte
        byte[] bytes = RandomBytes(1000);
        string a = Path.Combine(_temp.Path, "a.bin");
        File.WriteAllBytes(a, bytes);
        bytes[^1] ^= 1;
        string b = Path.Combine(_temp.Path, "b.bin");
        File.WriteAllBytes(b, bytes);

        // When both are fingerprinted
        // Then the fingerprints differ
        Assert.NotEqual(Fingerprint.OfFile(a), Fingerprint.OfFile(b));
    }

    [Fact]
    public void Should_equal_sha256sum_When_hashing_a_file_with_sha256()
    {
        // Given a file larger than the read buffer
        byte[] bytes = RandomBytes(Fingerprint.BufferSize + 3);
        string path = Path.Combine(_temp.Path, "model.zip");
        File.WriteAllBytes(path, bytes);

        // When it is hashed
        string hash = Fingerprint.Sha256OfFile(path);

        // Then it matches SHA-256 of the bytes and, where installed, what sha256sum prints
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), hash);
        if (Sha256Sum(path) is string printed)
        {
            Assert.Equal(printed, hash);
        }
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(42).NextBytes(bytes);
        return bytes;
    }

    private static string? Sha256Sum(string path)
    {
        try
        {
            using Process process = Process.Start(new ProcessStartInfo("sha256sum", [path]) { RedirectStandardOutput = true })!;
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output.Split(' ')[0] : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // No sha256sum on this machine: the in-process comparison still holds.
        }
    }
}
