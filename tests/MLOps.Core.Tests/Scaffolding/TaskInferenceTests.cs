using MLOps.Core.Scaffolding;
using MLOps.Core.Spec;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Scaffolding;

public sealed class TaskInferenceTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_infer_binary_classification_without_a_rule_When_the_label_is_boolean()
    {
        // Given data whose label column holds true/false
        ScaffoldRequest request = ScaffoldData.Request(_temp, "churned");

        // When a model is scaffolded from it
        ScaffoldedModel model = ScaffoldData.Create(request);

        // Then the task is binary and the label needs no rule
        Assert.Equal(TaskType.BinaryClassification, model.Task);
        Assert.Contains("task: binary-classification   # inferred: 'churned' is boolean\n", model.SpecText, StringComparison.Ordinal);
        Assert.Contains("label: { column: churned }\n", model.SpecText, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_infer_binary_classification_with_when_equals_1_When_the_label_is_a_0_or_1_integer()
    {
        // Given JSON Lines whose label is the number 0 or 1
        string data = _temp.Write("data/churn.jsonl", ScaffoldData.JsonLinesWithIntegerLabel());

        // When a model is scaffolded from it
        ScaffoldedModel model = ScaffoldData.Create(new ScaffoldRequest(data, "churned", "Churn", _temp.PathOf("models/Churn")));

        // Then 1 is the positive class
        Assert.Equal(TaskType.BinaryClassification, model.Task);
        Assert.Contains("label: { column: churned, when: \"== 1\" }\n", model.SpecText, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_make_the_larger_value_the_positive_class_When_an_integer_label_has_two_values()
    {
        // Given a label column holding 1 or 2
        ScaffoldRequest request = ScaffoldData.Request(_temp, "segment");

        // When a model is scaffolded from it
        ScaffoldedModel model = ScaffoldData.Create(request);

        // Then it is binary with 2 as the positive class
        Assert.Equal(TaskType.BinaryClassification, model.Task);
        Assert.Contains("label: { column: segment, when: \"== 2\" }\n", model.SpecText, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_infer_multiclass_classification_When_the_label_is_categorical_with_three_values()
    {
        // Given a label column of three categories
        ScaffoldRequest request = ScaffoldData.Request(_temp, "plan");

        // When a model is scaffolded from it
        ScaffoldedModel model = ScaffoldData.Create(request);

        // Then it is multiclass, without a rule
        Assert.Equal(TaskType.MulticlassClassification, model.Task);
        Assert.Contains("label: { column: plan }\n", model.SpecText, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_make_it_multiclass_and_say_why_When_a_categorical_label_has_two_values()
    {
        // Given a label column of two categories (the spec's binary labels are booleans or numbers)
        ScaffoldRequest request = ScaffoldData.Request(_temp, "contract");

        // When a model is scaffolded from it
        ScaffoldedModel model = ScaffoldData.Create(request);

        // Then it is two classes, and the spec says so beside the task
        Assert.Equal(TaskType.MulticlassClassification, model.Task);
        Assert.Contains("task: multiclass-classification   # inferred: 'contract' is categorical with two values (monthly, yearly); a binary label must be a boolean", model.SpecText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("monthly_charge")]
    [InlineData("tenure")]
    public void Should_infer_regression_When_the_label_is_a_number_with_more_than_two_values(string label)
    {
        // Given a numeric label column with many values
        ScaffoldRequest request = ScaffoldData.Request(_temp, label);

        // When a model is scaffolded from it
        ScaffoldedModel model = ScaffoldData.Create(request);

        // Then it is regression
        Assert.Equal(TaskType.Regression, model.Task);
        Assert.Contains($"label: {{ column: {label} }}\n", model.SpecText, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_use_the_requested_task_When_it_fits_the_label()
    {
        // Given an integer label a user wants as classes, not a quantity
        ScaffoldRequest request = ScaffoldData.Request(_temp, "tenure", task: "multiclass-classification");

        // When a model is scaffolded from it
        ScaffoldedModel model = ScaffoldData.Create(request);

        // Then the requested task wins, and the spec says what would have been inferred
        Assert.Equal(TaskType.MulticlassClassification, model.Task);
        Assert.Contains("# asked for; inferred from 'tenure' (integer) it would be regression", model.SpecText, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_split_the_observed_range_in_the_middle_When_binary_is_requested_for_a_many_valued_number()
    {
        // Given tenure (0 to 71 months) and a user asking for a binary model
        ScaffoldRequest request = ScaffoldData.Request(_temp, "tenure", task: "binary-classification");

        // When a model is scaffolded from it
        ScaffoldedModel model = ScaffoldData.Create(request);

        // Then the label rule is the middle of the range, for the user to replace
        Assert.Equal(TaskType.BinaryClassification, model.Task);
        Assert.Contains("label: { column: tenure, when: \"> 35.5\" }\n", model.SpecText, StringComparison.Ordinal);
    }
}
