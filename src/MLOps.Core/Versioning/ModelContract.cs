using System.Text.Json.Serialization;
using MLOps.Core.Data.Schema;
using MLOps.Core.Packaging;
using MLOps.Core.Spec;

namespace MLOps.Core.Versioning;

/// <summary>
/// What consumer code compiles against (contract.json, packed beside lineage.json): the members of the typed API's
/// input and prediction classes. An input is <paramref name="Inputs"/>' member with the CLR type of its column
/// (without the <c>?</c> a nullable column adds) and whether the column must have a value; an output is a member of the
/// prediction class with its C# type. Versions are decided by comparing two contracts (<see cref="ContractDiff"/>).
/// </summary>
public sealed record ModelContract(
    [property: JsonPropertyName("schema_version")] int SchemaVersion,
    [property: JsonPropertyName("task")] string Task,
    [property: JsonPropertyName("input_class")] string InputClass,
    [property: JsonPropertyName("prediction_class")] string PredictionClass,
    [property: JsonPropertyName("inputs")] IReadOnlyList<ContractInput> Inputs,
    [property: JsonPropertyName("outputs")] IReadOnlyList<ContractOutput> Outputs)
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>The file's name in the package (under mlops/&lt;Model&gt;/, beside lineage.json) and in obj/.</summary>
    public const string FileName = "contract.json";

    /// <summary>The contract of the typed API <see cref="ApiGenerator.Generate"/> writes for this spec and schema.</summary>
    public static ModelContract From(ModelSpec spec, TableSchema schema)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(schema);
        var names = ApiGenerator.Names.For(spec.Name, "_");
        ContractInput[] inputs = Training.ModelPipeline.InputColumns(spec)
            .Select(column => schema.Find(column)!)
            .Select(c => new ContractInput(ApiGenerator.Pascal(c.Name), c.Name, ApiGenerator.ClrType(c.Type), Required: !c.Nullable))
            .ToArray();
        return new ModelContract(CurrentSchemaVersion, SpecNames.Of(spec.Task), names.Input, names.Prediction, inputs, PredictionContract.Outputs(spec, schema));
    }
}

/// <summary>
/// A member of the input class: <paramref name="Name"/> the property, <paramref name="Column"/> the data column it feeds,
/// <paramref name="Type"/> its CLR type, <paramref name="Required"/> true when the column is not nullable (a consumer
/// that leaves it unset scores a default, not a missing value).
/// </summary>
public sealed record ContractInput(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("column")] string Column,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("required")] bool Required);

/// <summary>A member of the prediction class and its C# type.</summary>
public sealed record ContractOutput(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type);
