using System.Text.Json;
using MLOps.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Targets.Tests;

/// <summary>Data that is a folder of parts is skipped by content too: the data stamp covers every part and the folder's listing.</summary>
[Collection(TargetsCollection.Name)]
public sealed class FolderDataTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempModelProject _project = TempModelProject.Create(log, spec: new ModelSpecText("Demo", Data: "../data/parts"));

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Should_skip_training_on_a_touch_and_retrain_on_a_change_When_the_data_is_a_folder_of_parts()
    {
        // Given the flights rows as three CSV parts of a data folder, built once
        string[] parts = SplitDataIntoParts(3);
        DotNetResult first = _project.Build();
        Assert.True(first.Succeeded, first.ToString());
        Assert.Contains("Demo: 3,000 rows valid against schema.json", first.Output);
        string[] lockedBefore = LockedPartFingerprints();
        DateTime trainedAt = File.GetLastWriteTimeUtc(_project.ModelFile());

        // When a part gets a new timestamp but the same bytes
        VersioningOutput.Touch(parts[1]);
        DotNetResult touched = _project.Build();

        // Then nothing is validated or trained again
        Assert.True(touched.Succeeded, touched.ToString());
        Assert.Contains("Demo: model up to date, training skipped", touched.Output);
        Assert.DoesNotContain("rows valid against", touched.Output);
        Assert.Equal(trainedAt, File.GetLastWriteTimeUtc(_project.ModelFile()));

        // When one byte of that part changes
        VersioningOutput.ChangeOneByte(parts[1]);
        DotNetResult changed = _project.Build();

        // Then the folder is validated and the model retrained, and the lock file shows which part changed
        Assert.True(changed.Succeeded, changed.ToString());
        Assert.Contains("Demo: 3,000 rows valid against schema.json", changed.Output);
        Assert.Contains("Demo: trained LightGbm on ", changed.Output);
        string[] lockedAfter = LockedPartFingerprints();
        Assert.Equal([true, false, true], lockedBefore.Zip(lockedAfter, (before, after) => before == after));

        // When a fourth part is added
        File.WriteAllLines(Path.Combine(PartsFolder, "part-0003.csv"), [FlightData.Header, .. FlightData.Rows(300, seed: 2)]);
        DotNetResult added = _project.Build();

        // Then its rows are validated and trained on too
        Assert.True(added.Succeeded, added.ToString());
        Assert.Contains("Demo: 3,300 rows valid against schema.json", added.Output);
        Assert.Contains("Demo: trained LightGbm on ", added.Output);
        Assert.Equal(4, LockedPartFingerprints().Length);
    }

    private string PartsFolder => Path.Combine(_project.Root, "data", "parts");

    // Moves the project's generated flights rows into a folder of parts, each with the header.
    private string[] SplitDataIntoParts(int count)
    {
        string[] lines = File.ReadAllLines(_project.DataFile);
        Directory.CreateDirectory(PartsFolder);
        string[] parts = [.. lines.Skip(1).Chunk((lines.Length - 1 + count - 1) / count).Select((rows, i) =>
        {
            string part = Path.Combine(PartsFolder, $"part-{i:0000}.csv");
            File.WriteAllLines(part, [lines[0], .. rows]);
            return part;
        })];
        File.Delete(_project.DataFile);
        return parts;
    }

    // model.lock.json's data.files, in order: each part's fingerprint.
    private string[] LockedPartFingerprints()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(_project.LockFile()));
        JsonElement data = doc.RootElement.GetProperty("data");
        Assert.Equal("../data/parts", data.GetProperty("path").GetString());
        return [.. data.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("fingerprint").GetString()!)];
    }
}
