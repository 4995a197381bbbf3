using System.Buffers;
using System.IO.Hashing;
using System.Security.Cryptography;

namespace MLOps.Core.Data.Fingerprints;

/// <summary>
/// Content hashes of files. Data files get XxHash128 (fast enough to hash gigabytes on every build, so
/// steps can be skipped when the data has not changed); model files and specs get SHA-256, which a consumer
/// can verify with standard tools. A dataset's fingerprint, a folder's included, is <see cref="DataFingerprint"/>.
/// </summary>
public static class Fingerprint
{
    // Large reads keep the hash limited by the disk, not by the number of calls.
    internal const int BufferSize = 1 << 20;

    /// <summary><c>"xxh128:"</c> followed by the lowercase hex of the file's XxHash128.</summary>
    public static string OfFile(string path)
    {
        var hash = new XxHash128();
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            int read;
            while ((read = stream.Read(buffer, 0, BufferSize)) > 0)
            {
                hash.Append(buffer.AsSpan(0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return "xxh128:" + Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    /// <summary>Lowercase hex of the file's SHA-256, as <c>sha256sum</c> prints it.</summary>
    public static string Sha256OfFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
