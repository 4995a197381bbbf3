using MLOps.ModelFormat.Contract;
using MLOps.Tests.Shared;

namespace MLOps.Runtime.Tests;

public sealed class PredictionLogReaderTests
{
    private const string Line = """{"time":"2026-12-01T10:00:00.1234567Z","request_id":"{ID}","model":"FlightDelay","version":"1.0.1","model_sha256":"ab12","input":{"date":"2001-03-02T17:45:00","distance":337,"origin":"SFO","destination":"LAX"},"output":{"PredictedLabel":true,"Probability":0.61,"Score":0.43}}""";

    [Fact]
    public void Should_read_files_in_the_order_written_and_count_dropped_lines_When_a_folder_is_read()
    {
        // Given files 2 and 10 of the same second (10 sorts before 2 as text) and a dropped line
        using var dir = new TempFolder("mlops-runtime-reader");
        dir.Write("predictions-20261201T100000-10.jsonl", Line.Replace("{ID}", "c", StringComparison.Ordinal) + "\n");
        dir.Write("predictions-20261201T100000-2.jsonl", Line.Replace("{ID}", "a", StringComparison.Ordinal) + "\n{\"time\":\"2026-12-01T10:00:01.0000000Z\",\"dropped\":3}\n" + Line.Replace("{ID}", "b", StringComparison.Ordinal) + "\n");
        dir.Write("other.txt", "not a log");

        // When the folder is read
        var counts = new PredictionLogCounts();
        PredictionRecord[] records = [.. PredictionLogReader.Read(dir.Path, counts)];

        // Then the records come in order with their values, and the dropped count is summed
        Assert.Equal(["a", "b", "c"], records.Select(r => r.RequestId));
        Assert.Equal((3L, 3L), (counts.Records, counts.Dropped));
        Assert.Equal(337, records[0].Input["distance"].GetDouble());
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(1234567), records[0].Time);
        Assert.Equal("1.0.1", records[0].Version);
    }

    [Fact]
    public void Should_name_the_file_and_line_When_a_line_is_not_a_record()
    {
        using var dir = new TempFolder("mlops-runtime-reader");
        string file = dir.Write("predictions-20261201T100000-1.jsonl", Line.Replace("{ID}", "a", StringComparison.Ordinal) + "\n{\"time\":\"2026-12-01T10:0");

        var e = Assert.Throws<InvalidDataException>(() => PredictionLogReader.Read(file).ToList());
        Assert.StartsWith($"{file}(2):", e.Message, StringComparison.Ordinal);
    }
}
