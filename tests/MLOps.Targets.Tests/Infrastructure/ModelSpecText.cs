namespace MLOps.Tests.Infrastructure;

/// <summary>A model.yaml like models/FlightDelay's, with a small trainer so a build trains in seconds.</summary>
public sealed record ModelSpecText(
    string Name,
    string Trainer = "LightGbm",
    string Parameters = "{ NumberOfLeaves: 8, NumberOfIterations: 20, MinimumExampleCountPerLeaf: 10 }",
    string Gates = "auc: { min: 0.6 }",
    string Data = "../data/flights.csv",
    string Schema = "../data/schema.json")
{
    public override string ToString() => $$"""
        name: {{Name}}
        description: A test model predicting whether a flight departs more than 15 minutes late.
        intended-use: Tests of the MLOps targets only.
        task: binary-classification
        data:
          path: {{Data}}
          schema: {{Schema}}
        label:
          column: delay
          when: "> 15"
        features:
          - { name: DepartureHour, source: date, derive: hour }
          - { name: DayOfWeek, source: date, derive: day-of-week }
          - { name: Month, source: date, derive: month }
          - { name: Distance, source: distance }
          - { name: Origin, source: origin, encode: one-hot }
          - { name: Destination, source: destination, encode: one-hot }
        trainer:
          name: {{Trainer}}
          seed: 42
          parameters: {{Parameters}}
        split:
          test-fraction: 0.2
          seed: 42
        gates:
          {{Gates}}

        """;
}
