namespace MLOps.Core.Diagnostics;

// The drift command (mlops drift) and the DriftCheck target: MLOPS7030-7039. The drift engine's own codes are 7001-7029.
public static partial class Codes
{
    /// <summary>The dataset drifted: at least the configured share of the compared columns drifted (exit 1).</summary>
    public const string DatasetDrifted = "MLOPS7030";

    /// <summary>The reference or the current data names nothing there: no file, folder or package version of that name.</summary>
    public const string DriftInputNotFound = "MLOPS7031";

    /// <summary>Raw data (reference or current) was given but there is no schema to read it with: no --spec, and no schema.json in the model's folder or package.</summary>
    public const string DriftSchemaMissing = "MLOPS7032";

    /// <summary>The model (--model, or the reference's package or folder) cannot be used: no model.zip, a model.zip that does not match its lineage, or one ML.NET cannot load.</summary>
    public const string DriftModelUnusable = "MLOPS7033";

    /// <summary>The current data or prediction logs cannot be read (a damaged log line, data that does not load with the schema).</summary>
    public const string DriftDataUnreadable = "MLOPS7034";

    /// <summary>The reference has the model's prediction but the current data has none (raw data and no model to score it): the prediction is not compared (a warning).</summary>
    public const string DriftPredictionNotCompared = "MLOPS7035";

    /// <summary>The JSON report or the HTML page cannot be written.</summary>
    public const string DriftOutputNotWritten = "MLOPS7036";

    /// <summary>./build.sh --target=DriftCheck was run without --current: there is no data to check.</summary>
    public const string DriftCheckCurrentMissing = "MLOPS7037";
}
