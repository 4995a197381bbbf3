using MLOps.Core.Scaffolding;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Scaffolding;

public sealed class FeatureScaffoldTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_make_one_feature_per_other_column_encoded_by_its_type_When_scaffolding()
    {
        // Given data with a column of every type and churned as the label
        ScaffoldRequest request = ScaffoldData.Request(_temp, "churned");

        // When a model is scaffolded from it
        ScaffoldedModel model = ScaffoldData.Create(request);

        // Then numbers are numeric, categories one-hot, the date its parts, the note text, and the label no feature
        Assert.Equal(
            [
                new ScaffoldFeature("Tenure", "tenure"),
                new ScaffoldFeature("MonthlyCharge", "monthly_charge"),
                new ScaffoldFeature("Plan", "plan", Encode: "one-hot"),
                new ScaffoldFeature("Contract", "contract", Encode: "one-hot"),
                new ScaffoldFeature("Segment", "segment"),
                new ScaffoldFeature("SignupHour", "signup", "hour"),
                new ScaffoldFeature("SignupDayOfWeek", "signup", "day-of-week"),
                new ScaffoldFeature("SignupMonth", "signup", "month"),
                new ScaffoldFeature("Note", "note", Encode: "text"),
            ],
            model.Features);
    }

    [Fact]
    public void Should_derive_hour_day_of_week_and_month_When_a_column_is_a_datetime()
    {
        // Given a timestamp column
        ScaffoldRequest request = ScaffoldData.Request(_temp, "churned");

        // When a model is scaffolded from it
        ScaffoldedModel model = ScaffoldData.Create(request);

        // Then the spec derives its parts, named after the column
        Assert.Contains(
            "  - { name: SignupHour, source: signup, derive: hour }\n" +
            "  - { name: SignupDayOfWeek, source: signup, derive: day-of-week }\n" +
            "  - { name: SignupMonth, source: signup, derive: month }\n",
            model.SpecText, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_leave_out_the_hour_When_a_datetime_column_holds_dates_only()
    {
        // Given a column of dates without a time
        string data = _temp.Write("data/d.csv", "day,amount,ok\n2024-01-01,1,true\n2024-02-03,2,false\n2024-03-05,3,true\n");

        // When a model is scaffolded from it
        ScaffoldedModel model = ScaffoldData.Create(new ScaffoldRequest(data, "ok", "Days", _temp.PathOf("models/Days")));

        // Then the day of week and month are features, and no always-zero hour
        Assert.Equal(["DayDayOfWeek", "DayMonth", "Amount"], model.Features.Select(f => f.Name));
    }

    [Fact]
    public void Should_encode_the_column_as_text_When_a_column_is_free_text()
    {
        // Given a column with more distinct strings than categories (every note names its customer)
        ScaffoldRequest request = ScaffoldData.Request(_temp, "churned");

        // When a model is scaffolded from it
        ScaffoldedModel model = ScaffoldData.Create(request);

        // Then it is a text feature
        Assert.Contains("  - { name: Note, source: note, encode: text }\n", model.SpecText, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_give_features_unique_names_that_no_other_column_has_When_pascal_case_names_collide()
    {
        // Given columns whose PascalCase names collide with each other and with another column's name
        string data = _temp.Write("data/d.csv", "a_b,AB,Label,x y,ok\n1,2,3,4,true\n2,3,4,5,false\n3,4,5,6,true\n");

        // When a model is scaffolded from it
        ScaffoldedModel model = ScaffoldData.Create(new ScaffoldRequest(data, "ok", "Names", _temp.PathOf("models/Names")));

        // Then every name is unique, none shadows another column or the pipeline's Label, and sources are quoted when needed
        Assert.Equal(["AB2", "AB", "Label2", "XY"], model.Features.Select(f => f.Name));
        Assert.Contains("  - { name: XY, source: \"x y\" }\n", model.SpecText, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_comment_out_the_task_gates_with_what_to_do_When_scaffolding()
    {
        // Given a binary label
        ScaffoldRequest request = ScaffoldData.Request(_temp, "churned");

        // When a model is scaffolded from it
        ScaffoldedModel model = ScaffoldData.Create(request);

        // Then every binary metric is listed, commented out, losses with a max, with the instruction above them
        Assert.Contains("# gates: set the thresholds your model must reach before it ships, then uncomment these lines.\n", model.SpecText, StringComparison.Ordinal);
        Assert.Contains("# gates:\n#   auc: { min: }\n#   accuracy: { min: }\n#   f1: { min: }\n#   log_loss: { max: }\n", model.SpecText, StringComparison.Ordinal);
        Assert.DoesNotContain("\ngates:", model.SpecText, StringComparison.Ordinal);
        Assert.Contains("trainer: { name: LightGbm, seed: 42 }\nsplit: { test-fraction: 0.2, seed: 42 }\n", model.SpecText, StringComparison.Ordinal);
    }
}
