using Microsoft.ML;
using MLOps.Core.Data.Readers;
using MLOps.Core.Data.Schema;
using MLOps.Core.Tests.Training;
using MLOps.ModelFormat;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Packaging;

public sealed class NullableInputTests
{
    // The houses schema with a nullable area, and data where one row in ten has no area.
    private static readonly string Schema = TestModels.HousesSchema.Replace(
        "\"name\": \"area\", \"type\": \"float\",", "\"name\": \"area\", \"type\": \"float\", \"nullable\": true,", StringComparison.Ordinal);

    private static string Data() => string.Join('\n', TestModels.HousesCsv(800).Split('\n')
        .Select((line, i) => i > 0 && i % 10 == 0 && line.Length > 0 ? EmptyArea(line) : line));

    private static string EmptyArea(string line)
    {
        string[] fields = line.Split(',');
        fields[1] = "";
        return string.Join(',', fields);
    }

    [Fact]
    public void Should_score_null_as_training_scores_a_missing_value_When_a_nullable_column_is_null()
    {
        // Given a regression model trained on houses whose nullable area is sometimes missing
        Assert.Contains("\"nullable\": true", Schema, StringComparison.Ordinal);
        using var dir = new TempFolder();
        var model = HostedModel.Train<HousesInput, HousesPrediction>(dir, "houses.csv", Data(), Schema, TestModels.HousesSpec());

        // When a house without an area is scored through the typed input (null) and as training reads an empty field
        float typed = model.Predict(new HousesInput { Rooms = 3, Area = null, City = "north" }).Score;
        float training = ScoreAsTrainingReads(dir, "rooms,area,city,price\n3,,north,0\n");

        // Then both give the same score, which is not the score of an area of 0
        Assert.Equal(training, typed);
        Assert.NotEqual(model.Predict(new HousesInput { Rooms = 3, Area = 0, City = "north" }).Score, typed);
    }

    /// <summary>Scores a CSV row loaded exactly as training loads its data (missing number: NaN, then the model's mean).</summary>
    private static float ScoreAsTrainingReads(TempFolder dir, string csv)
    {
        var ml = new MLContext(seed: 0);
        TableSchema schema = SchemaFile.Load(dir.PathOf("schema.json"), new Core.Diagnostics.DiagnosticBag())!;
        IDataView row = TableLoader.Load(ml, dir.Write("row.csv", csv), schema, ["rooms", "area", "city"]);
        ITransformer model = ModelLoader.Load(ml, dir.PathOf("out/model.zip"), out _);
        return ml.Data.CreateEnumerable<HousesPrediction>(model.Transform(row), reuseRowObject: false).Single().Score;
    }
}
