using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLOps.Core.Data.Readers;
using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;
using MLOps.ModelFormat.Contract;
using MLOps.Runtime;
using NuGet.Packaging;
using NuGet.Versioning;
using Xunit;

namespace MLOps.Cli.Tests.Scoring;

public sealed class PredictCommandTests(FlightsModel model) : IClassFixture<FlightsModel>
{
    // A fresh folder per output: tests check what is (not) left in it.
    private string Output(string name) => Path.Combine(Directory.CreateDirectory(model.Temp.Combine("out", Guid.NewGuid().ToString("N"))).FullName, name);

    private static CliResult Predict(string modelArgument, string data, string output, params string[] more) =>
        Cli.Run(["predict", "--model", modelArgument, "--data", data, "-o", output, .. more]);

    [Fact]
    public void Should_write_the_same_predictions_as_training_scores_When_the_data_is_CSV_Parquet_or_JSON_Lines()
    {
        // Given the same 2,000 real rows as CSV, Parquet (typed timestamps) and JSON Lines
        string csv = Output("csv.csv"), parquet = Output("parquet.csv"), jsonl = Output("jsonl.csv");

        // When each is scored
        CliResult[] results = [Predict(model.Folder, model.Csv, csv), Predict(model.Folder, model.Parquet, parquet), Predict(model.Folder, model.Jsonl, jsonl)];

        // Then every run succeeds, and the three files are byte for byte the same
        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.ToString()));
        Assert.Contains($"2,000 rows scored by {FlightsModel.PackageId} {FlightsModel.Version} (model sha256 {model.ModelSha256[..12]})", results[0].Output, StringComparison.Ordinal);
        string text = File.ReadAllText(csv);
        Assert.Equal(text, File.ReadAllText(parquet));
        Assert.Equal(text, File.ReadAllText(jsonl));

        // And each line is what ML.NET gives for the row loaded the way training loads it, to the last bit of the float
        string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("PredictedLabel,Probability,Score", lines[0]);
        Assert.Equal(FlightsModel.ServeRows + 1, lines.Length);
        (bool Label, float Probability, float Score)[] expected = ScoredAsInTraining(model.Csv);
        for (int i = 0; i < expected.Length; i++)
        {
            string[] cells = lines[i + 1].Split(',');
            Assert.Equal(expected[i], (bool.Parse(cells[0]), float.Parse(cells[1], CultureInfo.InvariantCulture), float.Parse(cells[2], CultureInfo.InvariantCulture)));
        }
        Assert.Contains(expected, e => e.Label);
        Assert.Contains(expected, e => !e.Label);
    }

    [Fact]
    public void Should_report_the_row_with_its_MLOPS1xxx_code_and_write_nothing_When_a_row_breaks_the_schema()
    {
        // Given the CSV with an airport the schema does not allow on line 7 (the sixth row), and an older predictions file
        string[] lines = File.ReadAllLines(model.Csv);
        lines[6] = lines[6].Replace($",{model.Rows[5].Origin},", ",QQQ,", StringComparison.Ordinal);
        string bad = model.Temp.Write("serve/bad-origin.csv", string.Join('\n', lines) + "\n");
        string output = Output("predictions.csv");
        File.WriteAllText(output, "older predictions");

        // When it is scored
        CliResult result = Predict(model.Folder, bad, output);

        // Then validation fails at that file, line and column (exit 1), and the older file is untouched, with no temporary left
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"{bad}(7,4): error {Codes.ValueNotAllowed}: column 'origin' value 'QQQ'", result.Error, StringComparison.Ordinal);
        Assert.Equal("older predictions", File.ReadAllText(output));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(output)!));
    }

    [Fact]
    public void Should_check_the_serving_environment_When_the_label_column_is_absent()
    {
        // Given serving data without the delay column (training-only in the schema) but with a row missing its distance
        string data = model.Temp.Write("serve/no-label.csv", "date,distance,origin,destination\n2001-03-01 10:00,337,SFO,LAX\n2001-03-01 11:00,,SFO,LAX\n");

        // When it is scored
        CliResult result = Predict(model.Folder, data, Output("p.csv"));

        // Then the label is not asked for, the missing value is (MLOPS1009 on line 3)
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"{data}(3,2): error {Codes.ValueMissing}: ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("delay", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_with_MLOPS6002_and_write_nothing_When_the_model_file_was_tampered_with()
    {
        // Given a copy of the model folder whose model.zip has one byte changed
        string folder = model.CopyFolder("tampered");
        string zip = Path.Combine(folder, ModelFiles.ModelFile);
        byte[] bytes = File.ReadAllBytes(zip);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(zip, bytes);
        string output = Output("p.csv");

        // When it is used to score
        CliResult result = Predict(folder, model.Csv, output);

        // Then the runtime refuses it, naming both hashes, and nothing is written
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"error {RuntimeCodes.ModelHashMismatch}: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(model.ModelSha256, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Should_score_a_package_from_a_folder_feed_as_its_folder_When_the_model_is_id_at_version()
    {
        // Given the model packed as the SDK packs it and published to a folder feed with mlops publish
        string feed = model.Temp.Combine("feed-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(0, Cli.Run("publish", Pack(), "--feed", feed).ExitCode);
        string fromFolder = Output("folder.csv"), fromPackage = Output("package.csv");
        string cache = model.Temp.Combine("cache-" + Guid.NewGuid().ToString("N"));

        // When it is scored by id@version, and by its folder
        CliResult package = Predict($"{FlightsModel.PackageId}@{FlightsModel.Version}", model.Parquet, fromPackage, "--feed", feed, "--cache", cache);
        Assert.True(Predict(model.Folder, model.Parquet, fromFolder).ExitCode == 0);

        // Then the package was unpacked into the cache, verified, and scores exactly as the folder does
        Assert.True(package.ExitCode == 0, package.ToString());
        Assert.True(File.Exists(Path.Combine(cache, "flightdelay.model", FlightsModel.Version, "FlightDelay", ModelFiles.ModelFile)));
        Assert.Equal(File.ReadAllText(fromFolder), File.ReadAllText(fromPackage));
    }

    [Fact]
    public void Should_copy_the_schema_key_and_included_columns_first_When_asked()
    {
        // Given a model folder whose schema declares date+origin unique
        string folder = model.CopyFolder("keyed");
        string schema = Path.Combine(folder, ModelFiles.SchemaFile);
        File.WriteAllText(schema, File.ReadAllText(schema).Replace("\"columns\": [", "\"unique\": [\"date\", \"origin\"],\n  \"columns\": [", StringComparison.Ordinal));
        string data = model.Temp.Write("serve/keyed.csv", "date,distance,origin,destination\n2001-03-01 10:00,337,SFO,LAX\n2001-03-01 10:00,2475,\"JFK\",LAX\n");
        string output = Output("p.csv");

        // When it scores with --include destination
        CliResult result = Predict(folder, data, output, "--include", "destination");

        // Then the key columns and the included one lead each line, as the input has them
        Assert.True(result.ExitCode == 0, result.ToString());
        string[] lines = File.ReadAllLines(output);
        Assert.Equal("date,origin,destination,PredictedLabel,Probability,Score", lines[0]);
        Assert.StartsWith("2001-03-01 10:00,SFO,LAX,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2001-03-01 10:00,JFK,LAX,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_exit_two_with_MLOPS6031_When_the_model_has_no_schema()
    {
        string folder = model.CopyFolder("no-schema");
        File.Delete(Path.Combine(folder, ModelFiles.SchemaFile));

        CliResult result = Predict(folder, model.Csv, Output("p.csv"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"error {Codes.ScoringSchemaMissing}: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_report_MLOPS6033_When_the_schema_is_not_the_one_the_model_was_trained_with()
    {
        // Given a schema that declares distance as a category (the model reads a number)
        string folder = model.CopyFolder("other-schema");
        string schema = Path.Combine(folder, ModelFiles.SchemaFile);
        File.WriteAllText(schema, File.ReadAllText(schema).Replace("\"name\": \"distance\",\n      \"type\": \"integer\",\n      \"min\": 1,\n      \"max\": 6000", "\"name\": \"distance\",\n      \"type\": \"categorical\"", StringComparison.Ordinal));

        CliResult result = Predict(folder, model.Csv, Output("p.csv"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"error {Codes.ScoringModelSchemaMismatch}: The model reads column 'distance' as Single, but the schema declares it categorical", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-model", "", Codes.ScoringModelNotFound)]
    [InlineData("", "/no/such/folder/p.csv", Codes.ScoringOutputNotWritable)]
    [InlineData("", "--batch-size=0", Codes.ScoringBatchSizeInvalid)]
    [InlineData("", "--include=gate", Codes.ScoringIncludeUnknown)]
    public void Should_exit_two_with_its_code_When_an_argument_is_unusable(string modelArgument, string other, string code)
    {
        // Given one unusable argument among good ones
        string output = other.StartsWith('/') ? other : Output("p.csv");
        string[] more = other.StartsWith("--", StringComparison.Ordinal) ? other.Split('=') : [];

        // When predict runs
        CliResult result = Predict(modelArgument.Length > 0 ? model.Temp.PathOf(modelArgument) : model.Folder, model.Csv, output, more);

        // Then it is a usage error with the code, and nothing is written
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"error {code}: ", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Should_report_MLOPS0030_When_the_package_is_not_in_the_feed()
    {
        string feed = Directory.CreateDirectory(model.Temp.Combine("empty-feed-" + Guid.NewGuid().ToString("N"))).FullName;

        CliResult result = Predict($"{FlightsModel.PackageId}@9.9.9", model.Csv, Output("p.csv"), "--feed", feed);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"error {Codes.PackageNotInFeed}: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_report_MLOPS6034_and_write_nothing_When_the_data_cannot_be_read_while_scoring()
    {
        // Given a Parquet file cut short after validation would have passed it (it changed between the two reads)
        string cut = model.Temp.PathOf($"serve/{Guid.NewGuid():N}.parquet");
        byte[] bytes = File.ReadAllBytes(model.Parquet);
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);
        using LoadedModel loaded = LoadedModel.Load(model.Folder);
        var bag = new DiagnosticBag();
        TableSchema schema = SchemaFile.Load(Path.Combine(model.Folder, ModelFiles.SchemaFile), bag)!;
        Core.Scoring.ScoringInputs inputs = Core.Scoring.ScoringInputs.Match(loaded.InputSchema, schema, [], "serving", bag)!;
        string output = Output("p.csv");

        // When it is scored
        long? rows = MLOps.Cli.Scoring.BatchScoring.Score(loaded, cut, inputs, output, 100, _ => { }, bag, CancellationToken.None);

        // Then scoring fails with its code, and no file (not even the temporary one) is left
        Assert.Null(rows);
        Assert.Equal(Codes.ScoringFailed, Assert.Single(bag).Code);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(output)!));
    }

    // The rows loaded as the train step loads them (TableLoader: all in memory), scored by the same verified model.
    private (bool, float, float)[] ScoredAsInTraining(string data)
    {
        using LoadedModel loaded = LoadedModel.Load(model.Folder);
        var bag = new DiagnosticBag();
        TableSchema schema = SchemaFile.Load(Path.Combine(model.Folder, ModelFiles.SchemaFile), bag)!;
        IDataView scored = loaded.Transform(TableLoader.Load(loaded.Context, data, schema, ["date", "distance", "origin", "destination"]));
        return [.. scored.GetColumn<bool>("PredictedLabel").Zip(scored.GetColumn<float>("Probability"), scored.GetColumn<float>("Score")).Select(t => (t.First, t.Second, t.Third))];
    }

    // Laid out as the SDK packs a model: its files under contentFiles/any/any/mlops/<Name>/.
    private string Pack()
    {
        var builder = new PackageBuilder { Id = FlightsModel.PackageId, Version = NuGetVersion.Parse(FlightsModel.Version), Description = "FlightDelay for the predict tests." };
        builder.Authors.Add("tests");
        foreach (string file in Directory.EnumerateFiles(model.Folder))
        {
            builder.Files.Add(new PhysicalPackageFile { SourcePath = file, TargetPath = ModelFiles.PackageContentPath("FlightDelay") + Path.GetFileName(file) });
        }
        string path = model.Temp.Combine("packs", Guid.NewGuid().ToString("N"), $"{FlightsModel.PackageId}.{FlightsModel.Version}.nupkg");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (FileStream stream = File.Create(path))
        {
            builder.Save(stream);
        }
        return path;
    }
}
