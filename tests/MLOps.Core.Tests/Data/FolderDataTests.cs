using Microsoft.ML;
using Microsoft.ML.Data;
using MLOps.Core.Data.Inference;
using MLOps.Core.Data.Readers;
using MLOps.Core.Data.Schema;
using MLOps.Core.Data.Validation;
using MLOps.Core.Diagnostics;
using MLOps.Core.IO;
using MLOps.Core.Tests.Data.Readers;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Data;

/// <summary>A folder of data files validated, loaded for training and inferred from as one table.</summary>
public sealed class FolderDataTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly DiagnosticBag _bag = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_name_the_part_and_its_line_When_a_value_in_a_later_csv_part_is_invalid()
    {
        // Given three CSV parts of 10 rows, the second with an unknown origin (column 4) on its line 4
        List<FlightRow> rows = FlightRow.Generate(30);
        rows[12] = rows[12] with { Origin = "XXX" };
        string folder = WriteCsvParts(rows, 10);

        // When the folder is validated
        ValidationReport report = DataValidator.Validate(folder, FlightRow.Schema, _bag);

        // Then every row is read, and the diagnostic, the report's example and the summary name the part and its line
        Assert.Equal(30, report.RowsRead);
        Diagnostic d = Assert.Single(_bag);
        Assert.Equal((Codes.ValueNotAllowed, Path.Combine(folder, "part-0001.csv"), 4, 4), (d.Code, d.File, d.Line, d.Column));
        Assert.Equal(new ViolationExample(4, "XXX", "part-0001.csv"), Assert.Single(Assert.Single(report.Checks).Examples));
        Assert.Contains("\"file\": \"part-0001.csv\"", JsonFile.Serialize(report));
        Assert.Contains("part-0001.csv line 4 'XXX'", ValidationSummary.Format(report));
    }

    [Fact]
    public void Should_report_MLOPS1004_naming_the_folder_When_every_part_has_a_header_but_no_rows()
    {
        // Given a folder of two CSV parts with headers only
        string folder = _temp.PathOf("empty-parts");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "part-0000.csv"), "id,score\n");
        File.WriteAllText(Path.Combine(folder, "part-0001.csv"), "id,score\n");

        // When the folder is validated
        ValidationReport report = DataValidator.Validate(folder, new TableSchema([new ColumnSchema("id", ColumnType.Integer)], "schema.json"), _bag);

        // Then one diagnostic at the folder says no part holds a row
        Diagnostic d = Assert.Single(_bag);
        Assert.Equal((Codes.DataFileEmpty, folder), (d.Code, d.File));
        Assert.Contains("none of the data folder's 2 data file(s) has a data row", d.Message);
        Assert.False(report.IsValid);
    }

    [Fact]
    public void Should_leave_the_file_out_of_the_examples_When_the_data_is_a_single_file()
    {
        // Given one CSV file with an unknown origin
        List<FlightRow> rows = FlightRow.Generate(5);
        rows[1] = rows[1] with { Origin = "XXX" };
        string path = _temp.Write("flights.csv", FlightRow.Csv(rows));

        // When it is validated
        ValidationReport report = DataValidator.Validate(path, FlightRow.Schema, _bag);

        // Then the diagnostic names the file and the report's example has no file field
        Assert.Equal(path, Assert.Single(_bag).File);
        Assert.DoesNotContain("\"file\"", JsonFile.Serialize(report));
    }

    [Fact]
    public void Should_name_the_part_and_its_row_When_a_value_in_a_later_parquet_part_is_invalid()
    {
        // Given two Parquet parts of 50 rows, the second with an unknown origin in its row 8
        List<FlightRow> rows = FlightRow.Generate(100);
        rows[57] = rows[57] with { Origin = "XXX" };
        string folder = _temp.Combine("data");
        Directory.CreateDirectory(folder);
        FlightRow.WriteParquet(Path.Combine(folder, "part-0000.parquet"), rows[..50]);
        FlightRow.WriteParquet(Path.Combine(folder, "part-0001.parquet"), rows[50..]);

        // When the folder is validated
        ValidationReport report = DataValidator.Validate(folder, FlightRow.Schema, _bag);

        // Then the diagnostic names the part and the row, and says it is a row
        Assert.Equal((100L, "row"), (report.RowsRead, report.LocationUnit));
        Diagnostic d = Assert.Single(_bag);
        Assert.Equal((Codes.ValueNotAllowed, Path.Combine(folder, "part-0001.parquet"), 8), (d.Code, d.File, d.Line));
        Assert.StartsWith("row 8: ", d.Message);
    }

    [Fact]
    public void Should_load_the_same_table_as_one_file_When_training_reads_a_folder_of_parts()
    {
        // Given the same 25 rows as one file and as a folder of three parts
        List<FlightRow> rows = FlightRow.Generate(25);
        string single = _temp.Write("flights.csv", FlightRow.Csv(rows));
        string folder = WriteCsvParts(rows, 10);
        var ml = new MLContext(seed: 1);

        // When both are loaded
        float[] fromFile = Distances(ml, single);
        float[] fromFolder = Distances(ml, folder);

        // Then they hold the same rows in the same order
        Assert.Equal(25, fromFolder.Length);
        Assert.Equal(fromFile, fromFolder);
    }

    [Fact]
    public void Should_infer_from_every_part_When_a_schema_is_inferred_from_a_folder()
    {
        // Given three parts, the largest distance in the last one
        List<FlightRow> rows = FlightRow.Generate(30);
        rows[29] = rows[29] with { Distance = 5999 };
        string folder = WriteCsvParts(rows, 10);

        // When a schema is inferred from the folder
        TableSchema? schema = SchemaInference.Infer(folder, _bag);

        // Then it has seen the last part's values
        Assert.Empty(_bag);
        Assert.Equal(5999, schema!.Find("distance")!.Max);
    }

    private string WriteCsvParts(List<FlightRow> rows, int perPart)
    {
        string folder = _temp.Combine("data");
        int part = 0;
        foreach (FlightRow[] chunk in rows.Chunk(perPart))
        {
            _temp.Write(Path.Combine("data", $"part-{part++:0000}.csv"), FlightRow.Csv(chunk));
        }
        return folder;
    }

    private static float[] Distances(MLContext ml, string path) =>
        [.. TableLoader.Load(ml, path, FlightRow.Schema, ["distance"]).GetColumn<float>("distance")];
}
