using System.Text.RegularExpressions;
using MLOps.Core.Data.Inference;
using MLOps.Core.Data.Schema;
using MLOps.Core.Diagnostics;
using MLOps.Core.IO;
using MLOps.Core.Spec;

namespace MLOps.Core.Scaffolding;

/// <summary>
/// Starts a model from data: infers the data's schema (<see cref="SchemaInference"/>, the label marked training-only so
/// serving requests validate without it), infers the task from the label (<see cref="LabelChoice"/>), picks a feature per
/// other column (<see cref="FeatureChoice"/>) and writes the spec (<see cref="SpecText"/>) with its paths relative to the
/// spec's folder. <see cref="Create"/> only computes; <see cref="Write"/> also writes <c>model.yaml</c> and
/// <c>schema.json</c>, never over existing files. Problems are diagnostics, never exceptions.
/// </summary>
public static partial class ModelScaffolder
{
    public const string SpecFileName = "model.yaml";
    public const string SchemaFileName = "schema.json";

    /// <summary>The scaffolded model, or null when an error was reported.</summary>
    public static ScaffoldedModel? Create(ScaffoldRequest request, DiagnosticBag bag)
    {
        string data = request.FullDataPath;
        TaskType? task = RequestedTask(request, bag);
        if (!Identifier().IsMatch(request.ModelName))
        {
            bag.Error(Codes.ScaffoldModelNameInvalid,
                $"model name {Visible.Quote(request.ModelName)} is not a C# identifier (a letter or '_', then letters, digits or '_'); the typed API names its classes after it ({request.ModelName}Model). Use a name such as Churn.", request.SpecPath);
        }
        if (bag.HasErrors || SchemaInference.Infer(data, bag) is not { } inferred)
        {
            return null;
        }

        if (inferred.Find(request.Label) is not { } label)
        {
            bag.Error(Codes.ScaffoldLabelNotInData,
                $"label column {Visible.Quote(request.Label)} is not a column of the data. Its columns are: {Visible.List(inferred.Columns.Select(c => c.Name))}. Names are case-sensitive.", data);
            return null;
        }
        int distinct = label.Type switch
        {
            ColumnType.Categorical => label.Allowed?.Count ?? 0,
            ColumnType.Boolean or ColumnType.Integer or ColumnType.Float => DistinctValues.Count(data, label.Name, label.Type, cap: 3),
            _ => 2, // Text and date/time labels are refused for their type, whatever their values.
        };
        if (LabelChoice.For(label, distinct, task, data, bag) is not { } choice)
        {
            return null;
        }

        var (features, leftOut) = FeatureChoice.For(inferred, label.Name);
        if (features.Count == 0)
        {
            bag.Error(Codes.ScaffoldNoFeatures,
                $"the data has no column besides the label {Visible.Quote(label.Name)} that can be a feature{(leftOut.Count > 0 ? $" ({string.Join("; ", leftOut)})" : "")}. A model needs at least one input: add the columns it should learn from.", data);
            return null;
        }

        TableSchema schema = TrainingOnlyLabel(inferred, label.Name);
        string spec = SpecText.Render(request.ModelName, choice, label.Name,
            PortablePath.Relative(request.ModelDirectory, data), SchemaFileName, features, leftOut);
        return new ScaffoldedModel(schema, spec, choice.Task, features, request.SpecPath, request.SchemaPath);
    }

    /// <summary>Creates the model and writes its <c>schema.json</c> and <c>model.yaml</c>; nothing when either exists.</summary>
    public static ScaffoldedModel? Write(ScaffoldRequest request, DiagnosticBag bag)
    {
        foreach (string path in new[] { request.SpecPath, request.SchemaPath }.Where(File.Exists))
        {
            bag.Error(Codes.ScaffoldFileExists,
                $"{Visible.Quote(path)} already exists, so no model was scaffolded and nothing was written. Scaffold into a new folder, or delete {SpecFileName} and {SchemaFileName} to start over.", path);
        }
        if (bag.HasErrors || Create(request, bag) is not { } model)
        {
            return null;
        }

        try
        {
            SchemaWriter.Write(model.SchemaPath, model.Schema);
            TextFile.WriteIfChanged(model.SpecPath, model.SpecText);
            return model;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bag.Error(Codes.ScaffoldWriteFailed, $"cannot write the new model's files: {e.Message} Check that the folder is writable and the disk has room.", request.ModelDirectory);
            return null;
        }
    }

    private static TaskType? RequestedTask(ScaffoldRequest request, DiagnosticBag bag)
    {
        if (string.IsNullOrWhiteSpace(request.Task))
        {
            return null;
        }
        if (SpecNames.Tasks.TryGetValue(request.Task.Trim(), out TaskType task))
        {
            return task;
        }
        bag.Error(Codes.SpecUnknownTask, $"Unknown task {Visible.Quote(request.Task)}. Valid tasks are: {string.Join(", ", SpecNames.Tasks.Keys)}; leave it out to infer it from the label.", request.SpecPath);
        return null;
    }

    // The label is what the model predicts: training data has it, serving requests do not (docs/schema.md).
    private static TableSchema TrainingOnlyLabel(TableSchema schema, string label) => schema with
    {
        Columns = [.. schema.Columns.Select(c => c.Name == label ? c with { Environments = ["training"] } : c)],
    };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
