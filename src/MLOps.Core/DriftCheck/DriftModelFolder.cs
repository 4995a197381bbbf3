using System.Text.Json;
using Microsoft.ML;
using MLOps.Core.Data.Fingerprints;
using MLOps.Core.Diagnostics;
using MLOps.ModelFormat;
using MLOps.ModelFormat.Contract;

namespace MLOps.Core.DriftCheck;

/// <summary>
/// A folder holding a model's files as a package lays them out (mlops/&lt;Model&gt;/ in a consumer's output, a package's
/// content, or the build's obj/.../mlops/): model.zip, lineage.json, schema.json and drift-reference.json, any of which
/// may be absent. <see cref="Label"/> names it in messages (a package id and version, or the folder).
/// </summary>
public sealed record DriftModelFolder(string Path, string Label)
{
    public string? File(string name) => System.IO.File.Exists(System.IO.Path.Combine(Path, name)) ? System.IO.Path.Combine(Path, name) : null;

    public bool HasModel => File(ModelFiles.ModelFile) is not null;

    /// <summary>Loads model.zip after checking it against lineage.json's model_sha256 when there is one (MLOPS7033 otherwise).</summary>
    public (ITransformer Model, DataViewSchema Inputs)? LoadModel(MLContext ml, DiagnosticBag bag)
    {
        if (File(ModelFiles.ModelFile) is not { } model)
        {
            bag.Error(Codes.DriftModelUnusable, $"{Label} has no {ModelFiles.ModelFile}: no model to score the data with. Give --model a model's folder or package id@version.", Path);
            return null;
        }

        try
        {
            if (Expected() is { } expected && Fingerprint.Sha256OfFile(model) is var actual && !string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
            {
                bag.Error(Codes.DriftModelUnusable, $"{Label}: {ModelFiles.ModelFile} hashes to {actual}, but its lineage records {expected}. It is not the model that was built; restore the package's files.", model);
                return null;
            }

            ITransformer transformer = ModelLoader.Load(ml, model, out DataViewSchema inputs);
            return (transformer, inputs);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or FormatException or InvalidDataException or ArgumentException or JsonException)
        {
            bag.Error(Codes.DriftModelUnusable, $"{Label}: {ModelFiles.ModelFile} cannot be loaded: {e.Message}", model);
            return null;
        }
    }

    private string? Expected()
    {
        if (File(ModelFiles.LineageFile) is not { } lineage)
        {
            return null;
        }

        using JsonDocument document = JsonDocument.Parse(System.IO.File.ReadAllText(lineage));
        return document.RootElement.TryGetProperty(Lineage.ModelSha256Property, out JsonElement sha) ? sha.GetString() : null;
    }
}
