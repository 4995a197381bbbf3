using System.Globalization;
using MLOps.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Package.Tests;

public sealed class ModelPackageTests(ModelPackageFixture package, ITestOutputHelper log) : IClassFixture<ModelPackageFixture>
{
    [Fact]
    public void Should_print_a_probability_between_0_and_1_When_a_console_app_predicts_through_the_typed_API()
    {
        // Given a fresh console app that added the model package from the feed with 'dotnet add package'
        Assert.True(package.AddPackage.Succeeded, package.AddPackage.ToString());

        // When it is run with 'dotnet run'
        DotNetResult run = package.FirstRun;

        // Then it loaded the packaged model, of the packed version, and printed a probability
        Assert.True(run.Succeeded, run.ToString());
        string printed = Assert.Single(run.Lines, l => l.StartsWith("probability=", StringComparison.Ordinal));
        Assert.True(float.TryParse(printed["probability=".Length..], NumberStyles.Float, CultureInfo.InvariantCulture, out float probability), printed);
        Assert.InRange(probability, 0f, 1f);
        Assert.Contains($"version={package.Version}", run.Lines);
    }

    [Fact]
    public void Should_copy_model_lineage_and_schema_to_the_output_When_the_package_is_referenced()
    {
        // Given the console app built by 'dotnet run'
        Assert.True(package.FirstRun.Succeeded, package.FirstRun.ToString());

        // When its output folder is listed
        string modelFolder = Path.Combine(package.Consumer.OutputDirectory, "mlops", "FlightDelay");

        // Then the package's contentFiles were copied to mlops/FlightDelay/
        Assert.True(File.Exists(Path.Combine(modelFolder, "model.zip")), modelFolder);
        Assert.True(File.Exists(Path.Combine(modelFolder, "lineage.json")), modelFolder);
        Assert.True(File.Exists(Path.Combine(modelFolder, "schema.json")), modelFolder);
    }

    [Fact]
    public void Should_fail_to_load_with_MLOPS6002_When_the_copied_model_file_was_changed()
    {
        // Given a copy of the built app whose mlops/FlightDelay/model.zip has one byte flipped
        Assert.True(package.FirstRun.Succeeded, package.FirstRun.ToString());
        string copy = Path.Combine(package.Consumer.Root, $"tampered-{Guid.NewGuid():N}");
        CopyDirectory(package.Consumer.OutputDirectory, copy);
        string model = Path.Combine(copy, "mlops", "FlightDelay", "model.zip");
        byte[] bytes = File.ReadAllBytes(model);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(model, bytes);

        // When the app is run
        DotNetResult run = package.Consumer.Exec(copy);

        // Then Load() refuses the model with the hash-mismatch code and nothing is predicted
        log.WriteLine(run.ToString());
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("load failed: MLOPS6002:", run.Output);
        Assert.DoesNotContain("probability=", run.Output);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
