using MLOps.Core.Data.Schema;
using MLOps.Core.Data.Validation;
using MLOps.Core.Diagnostics;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Data;

/// <summary>MLOPS1005 for a missing label or environment-limited column says how environments help.</summary>
public sealed class MissingColumnTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly DiagnosticBag _bag = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_report_MLOPS1005_saying_how_to_mark_it_training_only_When_the_missing_column_is_the_label()
    {
        // Given serving data without the label, and a schema that requires the label everywhere
        var schema = new TableSchema([new ColumnSchema("origin", ColumnType.Text), new ColumnSchema("delay", ColumnType.Integer)], "schema.json");

        // When it is validated for training with delay as the spec's label
        DataValidator.Validate(Serving(), schema, _bag, label: "delay");

        // Then MLOPS1005 names environments and says how to mark the label training-only
        Diagnostic d = Assert.Single(_bag, d => d.Code == Codes.HeaderMissingColumn);
        Assert.Equal("MLOPS1005", d.Code);
        Assert.Contains("It is the spec's label", d.Message);
        Assert.Contains("\"environments\": [\"training\"]", d.Message);
        Assert.Contains("--environment serving", d.Message);
    }

    [Fact]
    public void Should_report_MLOPS1005_naming_its_environments_When_a_training_only_column_is_missing_in_training()
    {
        // Given data without a column the schema marks training-only
        var schema = new TableSchema([new ColumnSchema("origin", ColumnType.Text), new ColumnSchema("delay", ColumnType.Integer, Environments: ["training"])], "schema.json");

        // When it is validated for training
        DataValidator.Validate(Serving(), schema, _bag, environment: "training");

        // Then MLOPS1005 says the column is limited to training and how to validate serving data
        Diagnostic d = Assert.Single(_bag, d => d.Code == Codes.HeaderMissingColumn);
        Assert.Contains("\"environments\": [\"training\"], and this data is validated for 'training'", d.Message);
        Assert.Contains("MLOpsValidationEnvironment=serving", d.Message);
    }

    [Fact]
    public void Should_report_nothing_When_a_training_only_column_is_missing_in_serving()
    {
        // Given the same schema and data
        var schema = new TableSchema([new ColumnSchema("origin", ColumnType.Text), new ColumnSchema("delay", ColumnType.Integer, Environments: ["training"])], "schema.json");

        // When it is validated for serving
        DataValidator.Validate(Serving(), schema, _bag, environment: "serving");

        // Then the column is neither required nor checked
        Assert.Empty(_bag);
    }

    private string Serving() => _temp.Write("requests.csv", "origin\nATL\nORD\n");
}
