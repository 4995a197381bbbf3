using System.Text.Json;
using System.Text.RegularExpressions;
using MLOps.ModelFormat.Contract;
using MLOps.Tests.Shared;

namespace MLOps.Runtime.Tests;

[Collection(TrainedModelsCollection.Name)]
public sealed partial class PredictionLogTests(TrainedModels models)
{
    [Fact]
    public async Task Should_write_one_line_per_prediction_in_the_documented_format_When_logging_is_on()
    {
        // Given a service logging every prediction
        using var dir = new TempFolder("mlops-runtime-log");
        Served<FlightPrediction> served;
        var row = new FlightInput { Date = new DateTime(2001, 3, 2, 17, 45, 0), Distance = 337, Origin = "SFO", Destination = "LAX" };
        await using (var service = Start(new() { Directory = dir.Path }))
        {
            // When it predicts one row (and is disposed: the log is flushed)
            served = service.Predict(row, "req-1");
        }

        // Then the file holds exactly one line with the keys in the documented order and the columns' schema names
        string line = Assert.Single(File.ReadAllLines(Assert.Single(Directory.GetFiles(dir.Path))));
        Assert.Matches(LinePattern(), line);
        Assert.Contains("\"input\":{\"date\":\"2001-03-02T17:45:00\",\"distance\":337,\"origin\":\"SFO\",\"destination\":\"LAX\"}", line, StringComparison.Ordinal);
        Assert.Matches(FileNamePattern(), Path.GetFileName(Directory.GetFiles(dir.Path)[0]));

        // and the reader gives it back as it was served
        PredictionRecord record = Assert.Single(PredictionLogReader.Read(dir.Path));
        Assert.Equal(("req-1", TrainedModels.Name, "1.0.0", served.Model.ModelSha256), (record.RequestId, record.Model, record.Version, record.ModelSha256));
        Assert.Equal(served.Value.Probability, record.Output["Probability"].GetSingle());
        Assert.Equal(served.Value.PredictedLabel, record.Output["PredictedLabel"].GetBoolean());
        Assert.Equal(new DateTime(2001, 3, 2, 17, 45, 0), record.Input["date"].GetDateTime());
        Assert.True((DateTimeOffset.UtcNow - record.Time).Duration() < TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Should_write_null_When_a_number_is_missing()
    {
        using var dir = new TempFolder("mlops-runtime-log");
        await using (var service = Start(new() { Directory = dir.Path }))
        {
            service.Predict(new FlightInput { Date = new DateTime(2001, 1, 1), Distance = float.NaN, Origin = "SFO", Destination = "LAX" });
        }

        Assert.Equal(JsonValueKind.Null, Assert.Single(PredictionLogReader.Read(dir.Path)).Input["distance"].ValueKind);
    }

    [Fact]
    public async Task Should_rotate_at_the_size_bound_and_keep_the_newest_files_When_more_is_logged_than_the_bound()
    {
        // Given files of at most 2 KiB (a record is about 330 bytes) and at most 3 files
        using var dir = new TempFolder("mlops-runtime-log");
        PredictionLogStatus? status;
        await using (var service = Start(new() { Directory = dir.Path, MaxFileBytes = 2048, MaxFiles = 3 }))
        {
            // When 60 predictions are logged
            for (int i = 0; i < 60; i++)
            {
                service.Predict(models.Rows[i], $"r{i}");
            }

            await WaitUntil(() => service.Log!.Written == 60);
            status = service.Log;
        }

        // Then 3 files remain, none above the bound, holding the newest records in order up to the last one
        string[] files = Directory.GetFiles(dir.Path);
        Assert.Equal(3, files.Length);
        Assert.Equal(3, status!.Files);
        Assert.All(files, f => Assert.InRange(new FileInfo(f).Length, 1, 2048));
        int[] logged = [.. PredictionLogReader.Read(dir.Path).Select(r => int.Parse(r.RequestId[1..], System.Globalization.CultureInfo.InvariantCulture))];
        Assert.Equal(59, logged[^1]);
        Assert.Equal(Enumerable.Range(logged[0], logged.Length), logged);
        Assert.InRange(logged.Length, 7, 18);
        Assert.Equal((60, 0), (status.Written, status.Dropped));
    }

    [Fact]
    public async Task Should_count_and_report_dropped_records_When_the_queue_is_full()
    {
        // Given a log whose disk blocks on the first write, with a queue of 4
        using var dir = new TempFolder("mlops-runtime-log");
        GatedStream? disk = null;
        var files = new PredictionLogFiles(path => disk ??= new GatedStream(new FileStream(path, FileMode.CreateNew)));
        var options = new PredictionLogOptions { Directory = dir.Path, QueueCapacity = 4 };
        var log = PredictionLog<FlightInput, FlightPrediction>.Start(options, files);
        ModelInfo model = new("FlightDelay", null, "1.0.0", "ab", null, null, "test", DateTimeOffset.UtcNow);
        var output = new FlightPrediction { Probability = 0.5f };
        log.Offer("r0", model, models.Rows[0], output);
        Assert.True(disk!.Entered.Wait(TimeSpan.FromSeconds(30)), "the writer never wrote");

        // When 10 more arrive while the writer is stuck
        for (int i = 1; i <= 10; i++)
        {
            log.Offer($"r{i}", model, models.Rows[i], output);
        }

        // Then 4 are queued and 6 dropped, counted at once; once the disk moves, the file says so too
        Assert.Equal(6, log.Status.Dropped);
        disk.Open.Set();
        await log.DisposeAsync();
        var counts = new PredictionLogCounts();
        string[] ids = [.. PredictionLogReader.Read(dir.Path, counts).Select(r => r.RequestId)];
        Assert.Equal(["r0", "r1", "r2", "r3", "r4"], ids);
        Assert.Equal(6, counts.Dropped);
        Assert.Equal((5, 6, 0), (log.Status.Written, log.Status.Dropped, log.Status.SampledOut));
    }

    [Fact]
    public async Task Should_count_records_as_dropped_and_report_MLOPS6010_When_the_disk_fails()
    {
        using var dir = new TempFolder("mlops-runtime-log");
        var log = PredictionLog<FlightInput, FlightPrediction>.Start(new() { Directory = dir.Path }, new PredictionLogFiles(_ => new FullDiskStream()));
        ModelInfo model = new("FlightDelay", null, "1.0.0", "ab", null, null, "test", DateTimeOffset.UtcNow);
        for (int i = 0; i < 3; i++)
        {
            log.Offer($"r{i}", model, models.Rows[i], new FlightPrediction());
        }

        await log.DisposeAsync();

        Assert.Equal((0, 3), (log.Status.Written, log.Status.Dropped));
        Assert.StartsWith(RuntimeCodes.LogWriteFailed, log.Status.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_log_the_sampled_share_and_the_same_calls_again_When_sampled_with_a_seed()
    {
        // Given two services sampling 25% with the same seed, When each predicts 2,000 rows
        using var dir = new TempFolder("mlops-runtime-log");
        (PredictionLogStatus first, string[] firstIds) = await Sampled(dir.Combine("1"));
        (PredictionLogStatus second, string[] secondIds) = await Sampled(dir.Combine("2"));

        // Then every call is logged or sampled out, about a quarter logged (expected 500, sd 19: 5 sd either side),
        // and the same calls both times
        Assert.Equal(2000, first.Written + first.SampledOut);
        Assert.InRange(first.Written, 403, 597);
        Assert.Equal(firstIds, secondIds);
        Assert.Equal(first.Written, secondIds.Length);
    }

    [Fact]
    public void Should_refuse_to_start_with_MLOPS6008_When_the_log_folder_cannot_be_created()
    {
        using var dir = new TempFolder("mlops-runtime-log");
        string file = dir.Write("not-a-folder", "x");
        var e = Assert.Throws<ModelLoadException>(() => Start(new() { Directory = Path.Combine(file, "logs") }));
        Assert.Equal(RuntimeCodes.LogFolderUnusable, e.Code);
    }

    private async Task<(PredictionLogStatus Status, string[] Ids)> Sampled(string folder)
    {
        PredictionLogStatus status;
        await using (var service = ModelService<FlightInput, FlightPrediction>.Start(new()
        {
            ModelName = TrainedModels.Name,
            Directory = models.A,
            Log = new() { Directory = folder, SampleRate = 0.25, Seed = 7 },
        }))
        {
            for (int i = 0; i < 2000; i++)
            {
                service.Predict(models.Rows[i % models.Rows.Count], $"r{i}");
            }

            await WaitUntil(() => service.Log!.Written + service.Log.SampledOut == 2000);
            status = service.Log!;
        }

        return (status, [.. PredictionLogReader.Read(folder).Select(r => r.RequestId)]);
    }

    private ModelService<FlightInput, FlightPrediction> Start(PredictionLogOptions log) =>
        ModelService<FlightInput, FlightPrediction>.Start(new() { ModelName = TrainedModels.Name, Directory = models.A, Log = log });

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (int i = 0; i < 300 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition(), "the log writer did not catch up in 30 s");
    }

    [GeneratedRegex("""^\{"time":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z","request_id":"req-1","model":"FlightDelay","version":"1\.0\.0","model_sha256":"[0-9a-f]{64}","input":\{[^{}]*\},"output":\{"PredictedLabel":(true|false),"Probability":[-0-9.eE+]+,"Score":[-0-9.eE+]+\}\}$""")]
    private static partial Regex LinePattern();

    [GeneratedRegex(@"^predictions-\d{8}T\d{6}-\d+\.jsonl$")]
    private static partial Regex FileNamePattern();
}
