using System.Text;
using System.Text.Json;
using Microsoft.ML.Data;

namespace MLOps.Runtime.Tests;

/// <summary>The log's JSON of the shapes the typed API generates: nullable columns, multiclass predictions.</summary>
public sealed class JsonRowTests
{
    [Fact]
    public void Should_write_the_column_a_model_reads_under_its_schema_name_When_a_nullable_column_is_missing()
    {
        // Given a generated-style input with a nullable area (caller side [NoColumn], model side __Area as "area")
        var row = new HouseInput { Area = null, City = null, Built = new DateTime(2020, 5, 1, 8, 30, 15, 250), Rooms = 3 };

        // When it is written, Then the model's columns appear under their schema names, a missing number as null
        Assert.Equal("""{"area":null,"city":null,"built":"2020-05-01T08:30:15.25","rooms":3}""", Json(w => JsonRow<HouseInput>.Write(w, row)));
    }

    [Fact]
    public void Should_write_the_class_scores_as_an_array_and_leave_out_the_classes_When_the_prediction_is_multiclass()
    {
        var prediction = new IrisPrediction { PredictedLabel = "setosa", Score = [0.9f, 0.05f, float.NaN], Classes = ["setosa", "versicolor", "virginica"] };

        Assert.Equal("""{"PredictedLabel":"setosa","Score":[0.9,0.05,null]}""", Json(w => JsonRow<IrisPrediction>.Write(w, prediction)));
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public sealed class HouseInput
    {
        [NoColumn]
        public float? Area { get; set; }

        [ColumnName("area")]
        public float __Area { get => Area ?? float.NaN; set => Area = value; }

        [ColumnName("city")]
        public string? City { get; set; }

        [ColumnName("built")]
        public DateTime Built { get; set; }

        [ColumnName("rooms")]
        public float Rooms { get; set; }
    }

    public sealed class IrisPrediction : IMulticlassPrediction<string>
    {
        [ColumnName("PredictedLabel")]
        public string PredictedLabel { get; set; } = "";

        public float[] Score { get; set; } = [];

        [NoColumn]
        public IReadOnlyList<string> Classes { get; set; } = [];
    }
}
