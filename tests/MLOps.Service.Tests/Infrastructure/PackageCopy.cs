using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace MLOps.Service.Tests.Infrastructure;

/// <summary>
/// A copy of a packed model as another version: the nuspec's version changed, nothing else, so the model still matches
/// its lineage (a valid newer version without training again); or, tampered, one byte of its model.zip flipped.
/// Written under a temporary name and renamed, so a polling service never reads half a package.
/// </summary>
public static class PackageCopy
{
    public static void Write(string package, string target, string version, bool tamper = false)
    {
        string partial = target + ".partial";
        File.Copy(package, partial);
        using (ZipArchive zip = ZipFile.Open(partial, ZipArchiveMode.Update))
        {
            ZipArchiveEntry nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
            string text = Encoding.UTF8.GetString(Read(nuspec));
            Replace(zip, nuspec.FullName, Encoding.UTF8.GetBytes(Regex.Replace(text, "<version>[^<]*</version>", $"<version>{version}</version>")));
            if (tamper)
            {
                ZipArchiveEntry model = zip.Entries.Single(e => e.FullName.EndsWith("/model.zip", StringComparison.Ordinal));
                byte[] flipped = Read(model);
                flipped[flipped.Length / 2] ^= 0xFF;
                Replace(zip, model.FullName, flipped);
            }
        }
        File.Move(partial, target);
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var bytes = new MemoryStream();
        using (Stream stream = entry.Open())
        {
            stream.CopyTo(bytes);
        }
        return bytes.ToArray();
    }

    private static void Replace(ZipArchive zip, string name, byte[] content)
    {
        zip.GetEntry(name)!.Delete();
        using Stream stream = zip.CreateEntry(name).Open();
        stream.Write(content);
    }
}
