using MLOps.Core.Diagnostics;
using MLOps.Core.Scaffolding;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Scaffolding;

public sealed class ScaffoldErrorTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly DiagnosticBag _bag = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_report_MLOPS0040_listing_the_columns_When_the_label_is_not_in_the_data()
    {
        // Given data without a column named Churned (names are case-sensitive)
        ScaffoldRequest request = ScaffoldData.Request(_temp, "Churned");

        // When a model is scaffolded from it
        ScaffoldedModel? model = ModelScaffolder.Create(request, _bag);

        // Then nothing is made and the message names the data's columns
        Assert.Null(model);
        Diagnostic error = Assert.Single(_bag);
        Assert.Equal(Codes.ScaffoldLabelNotInData, error.Code);
        Assert.Contains(ScaffoldData.Header.Replace(",", ", ", StringComparison.Ordinal), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("note", "free text")]
    [InlineData("signup", "date/time")]
    public void Should_report_MLOPS0041_When_the_label_cannot_be_learned(string label, string expected)
    {
        // Given a free-text or date/time label column
        ScaffoldRequest request = ScaffoldData.Request(_temp, label);

        // When a model is scaffolded from it
        ScaffoldedModel? model = ModelScaffolder.Create(request, _bag);

        // Then it is refused for its type
        Assert.Null(model);
        Diagnostic error = Assert.Single(_bag);
        Assert.Equal(Codes.ScaffoldLabelUnusable, error.Code);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_report_MLOPS0041_When_the_label_has_a_single_value()
    {
        // Given a label that is true in every row
        string data = _temp.Write("data/d.csv", "x,ok\n1,true\n2,true\n3,true\n");

        // When a model is scaffolded from it
        ScaffoldedModel? model = ModelScaffolder.Create(new ScaffoldRequest(data, "ok", "One", _temp.PathOf("m")), _bag);

        // Then there is nothing to learn
        Assert.Null(model);
        Assert.Equal([Codes.ScaffoldLabelUnusable], _bag.Select(d => d.Code));
    }

    [Theory]
    [InlineData("plan", "regression")]
    [InlineData("plan", "binary-classification")]
    [InlineData("monthly_charge", "multiclass-classification")]
    [InlineData("churned", "regression")]
    public void Should_report_MLOPS0042_When_the_requested_task_does_not_fit_the_label(string label, string task)
    {
        // Given a task the label's type cannot serve
        ScaffoldRequest request = ScaffoldData.Request(_temp, label, task);

        // When a model is scaffolded with it
        ScaffoldedModel? model = ModelScaffolder.Create(request, _bag);

        // Then it is refused with the spec's own reason
        Assert.Null(model);
        Diagnostic error = Assert.Single(_bag);
        Assert.Equal(Codes.ScaffoldTaskDoesNotFitLabel, error.Code);
        Assert.StartsWith($"task {task} does not fit label '{label}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_report_MLOPS0006_When_the_requested_task_is_unknown()
    {
        // Given a misspelt task
        ScaffoldRequest request = ScaffoldData.Request(_temp, "churned", "binary");

        // When a model is scaffolded with it
        ScaffoldedModel? model = ModelScaffolder.Create(request, _bag);

        // Then the valid tasks are listed
        Assert.Null(model);
        Assert.Equal([Codes.SpecUnknownTask], _bag.Select(d => d.Code));
    }

    [Fact]
    public void Should_report_MLOPS0044_When_the_model_name_is_not_an_identifier()
    {
        // Given a name the typed API cannot name a class after
        string data = _temp.Write("data/churn.csv", ScaffoldData.Csv(50));

        // When a model is scaffolded with it
        ScaffoldedModel? model = ModelScaffolder.Create(new ScaffoldRequest(data, "churned", "Churn-Model", _temp.PathOf("m")), _bag);

        // Then it is refused
        Assert.Null(model);
        Assert.Equal([Codes.ScaffoldModelNameInvalid], _bag.Select(d => d.Code));
    }

    [Fact]
    public void Should_report_MLOPS0045_When_the_label_is_the_only_column()
    {
        // Given data with nothing but the label
        string data = _temp.Write("data/d.csv", "ok\ntrue\nfalse\n");

        // When a model is scaffolded from it
        ScaffoldedModel? model = ModelScaffolder.Create(new ScaffoldRequest(data, "ok", "Nothing", _temp.PathOf("m")), _bag);

        // Then there is no input to learn from
        Assert.Null(model);
        Assert.Equal([Codes.ScaffoldNoFeatures], _bag.Select(d => d.Code));
    }

    [Fact]
    public void Should_report_MLOPS1003_When_the_data_does_not_exist()
    {
        // Given a data path that names nothing
        var request = new ScaffoldRequest(_temp.PathOf("data/none.csv"), "churned", "Churn", _temp.PathOf("m"));

        // When a model is scaffolded from it
        ScaffoldedModel? model = ModelScaffolder.Create(request, _bag);

        // Then the data is reported missing
        Assert.Null(model);
        Assert.Equal([Codes.DataFileMissing], _bag.Select(d => d.Code));
    }
}
