using System.Security.Cryptography;

namespace MLOps.Tests.Infrastructure;

/// <summary>Reading what a build printed and left on disk.</summary>
public static class BuildOutput
{
    /// <summary>The lines reporting <paramref name="code"/> as an error, as MSBuild prints them ("file(line,col): error CODE: ...").</summary>
    public static IReadOnlyList<string> Errors(this DotNetResult result, string code) =>
        result.Lines.Where(l => l.Contains($"error {code}:", StringComparison.Ordinal)).ToList();

    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
