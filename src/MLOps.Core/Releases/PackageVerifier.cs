using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Xml;
using MLOps.Core.Diagnostics;
using MLOps.Core.Registry;
using MLOps.ModelFormat.Contract;
using NuGet.Packaging;
using NuGet.Packaging.Core;
using YamlDotNet.RepresentationModel;

namespace MLOps.Core.Releases;

/// <summary>
/// Checks a model package against its lineage, and its lineage against the commit it names (docs/registry.md
/// "History and verify"): the model file hashes to model_sha256 (MLOPS5019); the commit is in the repository
/// (MLOPS5020); the spec, and the schema it names, at that commit hash to spec_sha256 and data.schema_sha256
/// (MLOPS5021). Returns one line per check made, for the user to read.
/// </summary>
public static class PackageVerifier
{
    public static IReadOnlyList<string> Verify(byte[] nupkg, string label, string repositoryRoot, DiagnosticBag bag)
    {
        var checks = new List<string>();
        try
        {
            using var reader = new PackageArchiveReader(new MemoryStream(nupkg));
            if (!PackageLineage.TryRead(reader, label, bag, out JsonObject? lineage))
                return checks;
            if (lineage is null)
            {
                bag.Error(Codes.InvalidPackageLineage, $"{label} has no lineage.json: it is a library, not a model package, and there is nothing to verify.");
                return checks;
            }

            string entry = PackageLineage.FindEntry(reader, ModelFiles.LineageFile)!.Replace('\\', '/');
            string folder = entry.Contains('/', StringComparison.Ordinal) ? entry[..entry.LastIndexOf('/')] : "";
            string modelName = folder[(folder.LastIndexOf('/') + 1)..];
            CheckModel(reader, folder, lineage, label, bag, checks);
            CheckCommit(lineage, modelName, label, repositoryRoot, bag, checks);
        }
        catch (Exception e) when (e is InvalidDataException or PackagingException or XmlException or IOException)
        {
            bag.Error(Codes.InvalidPackageFile, $"{label} is not a valid NuGet package: {e.Message} Expected a .nupkg written by 'dotnet pack'.");
        }

        return checks;
    }

    private static void CheckModel(PackageArchiveReader reader, string folder, JsonObject lineage, string label, DiagnosticBag bag, List<string> checks)
    {
        string modelFile = PackageLineage.Text(lineage, "model_file") ?? ModelFiles.ModelFile;
        string expected = PackageLineage.ModelSha256(lineage)!;
        // The model file the lineage names, beside the lineage.json it was read from.
        string beside = folder.Length == 0 ? modelFile : $"{folder}/{modelFile}";
        string? path = reader.GetFiles().FirstOrDefault(f => f.Replace('\\', '/') == beside);
        string? actual = null;
        if (path is not null)
        {
            using Stream stream = reader.GetStream(path);
            actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        if (actual == expected)
        {
            checks.Add($"ok   model file {modelFile} sha256 {actual} matches lineage model_sha256");
            return;
        }

        bag.Error(Codes.VerifyModelHashMismatch,
            $"{label}: the model file {folder}/{modelFile} {(actual is null ? "is missing" : $"hashes to sha256 {actual}")}, but lineage records model_sha256 {expected}. " +
            "The package was changed after it was built: do not use it; restore the package from its feed or publish a rebuilt one under a new version.");
    }

    private static void CheckCommit(JsonObject lineage, string modelName, string label, string repositoryRoot, DiagnosticBag bag, List<string> checks)
    {
        string? commit = PackageLineage.Text(lineage, "code", "git_commit");
        if (commit is null)
        {
            checks.Add("skip lineage names no commit (built outside git): nothing to check against the repository");
            return;
        }

        var git = new GitFiles(repositoryRoot);
        if (!git.CommitExists(commit))
        {
            bag.Error(Codes.VerifyCommitMissing,
                $"{label}: lineage names commit {commit}, which is not in the repository at '{repositoryRoot}'. Fetch the branch it was built from (git fetch --all), or the package was not built from this repository.");
            return;
        }

        checks.Add($"ok   commit {commit} is in the repository");
        string? spec = git.Files(commit).FirstOrDefault(f => ("/" + f).EndsWith($"/{modelName}/model.yaml", StringComparison.Ordinal));
        if (spec is null)
        {
            checks.Add($"skip no {modelName}/model.yaml at {commit[..Math.Min(12, commit.Length)]}: the spec cannot be compared");
            return;
        }

        CheckFile(git, commit, spec, PackageLineage.Text(lineage, "spec_sha256"), "spec_sha256", label, bag, checks);
        if (SchemaPath(git.Read(commit, spec), spec) is { } schema)
            CheckFile(git, commit, schema, PackageLineage.Text(lineage, "data", "schema_sha256"), "data.schema_sha256", label, bag, checks);
    }

    private static void CheckFile(GitFiles git, string commit, string path, string? expected, string property, string label, DiagnosticBag bag, List<string> checks)
    {
        if (expected is null)
            return;
        byte[]? bytes = git.Read(commit, path);
        string? actual = bytes is null ? null : Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
        {
            checks.Add($"ok   {path} at the commit hashes to lineage {property}");
            return;
        }

        bag.Error(Codes.VerifyInputHashMismatch,
            $"{label}: {path} at commit {commit} {(actual is null ? "does not exist" : $"hashes to sha256 {actual}")}, but lineage records {property} {expected}. " +
            "The package was not built from that commit as committed (lineage code.git_dirty says whether the build saw uncommitted changes): rebuild it from a clean commit.");
    }

    // The schema the spec at the commit names (data.schema, relative to the spec's folder), repository-relative.
    private static string? SchemaPath(byte[]? specBytes, string specPath)
    {
        if (specBytes is null)
            return null;
        try
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(System.Text.Encoding.UTF8.GetString(specBytes)));
            if (yaml.Documents.FirstOrDefault()?.RootNode is not YamlMappingNode root
                || ReleaseYaml.Get(root, "data") is not YamlMappingNode data
                || ReleaseYaml.Get(data, "schema") is not YamlScalarNode { Value: { Length: > 0 } schema })
                return null;
            string folder = specPath.Contains('/', StringComparison.Ordinal) ? specPath[..specPath.LastIndexOf('/')] : "";
            var parts = new List<string>();
            foreach (string part in $"{folder}/{schema}".Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                if (part == "..")
                {
                    if (parts.Count == 0)
                        return null;
                    parts.RemoveAt(parts.Count - 1);
                }
                else if (part != ".")
                {
                    parts.Add(part);
                }
            }

            return string.Join('/', parts);
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return null;
        }
    }
}
