using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MLOps.Service.Tests.Infrastructure;
using Xunit;

namespace MLOps.Service.Tests;

[Collection(ServiceCollection.Name)]
public sealed class TamperedModelTests(ServiceFixture service) : IDisposable
{
    private readonly string _copy = Path.Combine(service.Root, $"tampered-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_copy))
        {
            Directory.Delete(_copy, recursive: true);
        }
    }

    [Fact]
    public void Should_refuse_to_start_with_MLOPS6002_naming_both_hashes_When_the_packaged_model_file_was_changed()
    {
        // Given a copy of the built service whose mlops/FlightDelay/model.zip has one byte flipped
        foreach (string file in Directory.EnumerateFiles(service.OutputDirectory, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(_copy, Path.GetRelativePath(service.OutputDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        string folder = Path.Combine(_copy, "mlops", "FlightDelay");
        byte[] model = File.ReadAllBytes(Path.Combine(folder, "model.zip"));
        model[model.Length / 2] ^= 0xFF;
        File.WriteAllBytes(Path.Combine(folder, "model.zip"), model);
        string expected = (string)JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "lineage.json")))!["model_sha256"]!;
        string actual = Convert.ToHexStringLower(SHA256.HashData(model));

        // When it is started
        using ApiProcess api = ApiProcess.Start(_copy, "--Model:Feed=");
        int exitCode = api.WaitForExit(TimeSpan.FromSeconds(60));

        // Then it exits with 1 (a check failed) and says MLOPS6002 with the file's hash and the lineage's
        Assert.Equal(1, exitCode);
        Assert.Contains("FlightDelay.Api cannot serve: MLOPS6002:", api.Output, StringComparison.Ordinal);
        Assert.Contains(actual, api.Output, StringComparison.Ordinal);
        Assert.Contains(expected, api.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_to_start_with_exit_code_2_When_the_address_is_not_loopback()
    {
        using ApiProcess api = ApiProcess.Start(service.OutputDirectory, "--Urls=http://0.0.0.0:5999");

        Assert.Equal(2, api.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.Contains("is not a loopback address", api.Output, StringComparison.Ordinal);
    }
}
