using System.Globalization;
using System.Text;
using MLOps.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Targets.Tests;

[Collection(TargetsCollection.Name)]
public sealed class TypedApiTests(ITestOutputHelper log)
{
    private const string Schema = """
        {
          "columns": [
            { "name": "petal_length", "type": "float", "min": 0, "max": 10 },
            { "name": "petal_width", "type": "float", "min": 0, "max": 10, "nullable": true },
            { "name": "species", "type": "categorical", "allowed": ["setosa", "versicolor", "virginica"] }
          ]
        }
        """;

    private const string Spec = """
        name: Iris
        task: multiclass-classification
        data: { path: ../data/flights.csv, schema: ../data/schema.json }
        label: { column: species }
        features:
          - { name: PetalLength, source: petal_length }
          - { name: PetalWidth, source: petal_width }
        trainer: { name: LightGbm, seed: 5, parameters: { NumberOfIterations: 10, MinimumExampleCountPerLeaf: 5 } }
        split: { test-fraction: 0.3, seed: 2 }
        """;

    // Code a service writes against the typed API: it compiles only if the generated types have these members.
    private const string Usage = """
        namespace Iris.Model;

        internal static class Usage
        {
            internal static string Describe(string directory)
            {
                var model = IrisModel.Load(directory);
                IReadOnlyList<string> classes = model.Classes;
                IrisPrediction p = model.Predict(new IrisInput { PetalLength = 4.3f, PetalWidth = null });
                IReadOnlyList<global::MLOps.Runtime.ClassProbability<string>> pairs = p.Probabilities;
                float?[] unset = [new IrisInput().PetalWidth];
                return $"{classes.Count} {p.PredictedLabel} {pairs[0].Label}={pairs[0].Probability} {p.Score.Length} {p.Classes.Count} {unset[0]}";
            }
        }
        """;

    [Fact]
    public void Should_compile_classes_probabilities_and_nullable_inputs_When_a_multiclass_model_with_a_nullable_column_is_built()
    {
        // Given a multiclass model over a schema with a nullable feature column, and code that uses its typed API
        using var project = TempModelProject.Create(log, name: "Iris");
        File.WriteAllText(Path.Combine(project.Root, "data", "schema.json"), Schema);
        File.WriteAllText(project.DataFile, IrisCsv(300));
        project.WriteSpec(Spec);
        File.WriteAllText(Path.Combine(project.ProjectDirectory, "Usage.cs"), Usage);

        // When it is built
        DotNetResult build = project.Build();

        // Then the model trains and the service code compiles against the generated API
        Assert.True(build.Succeeded, build.ToString());
        string api = File.ReadAllText(Path.Combine(project.IntermediateDirectory, "ModelApi.g.cs"));
        Assert.Contains("public float? PetalWidth { get; set; }", api, StringComparison.Ordinal);
        Assert.Contains("public float PetalLength { get; set; }", api, StringComparison.Ordinal);
    }

    private static string IrisCsv(int rows)
    {
        var random = new Random(11);
        string[] species = ["setosa", "versicolor", "virginica"];
        var csv = new StringBuilder("petal_length,petal_width,species\n");
        for (int i = 0; i < rows; i++)
        {
            int k = random.Next(3);
            string width = i % 10 == 0 ? "" : (0.3 + k + random.NextDouble()).ToString("0.00", CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"{1.5 + (2 * k) + random.NextDouble():0.00},{width},{species[k]}\n");
        }

        return csv.ToString();
    }
}
