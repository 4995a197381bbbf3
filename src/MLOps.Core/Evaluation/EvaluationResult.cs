using MLOps.Core.Evaluation.Details;

namespace MLOps.Core.Evaluation;

/// <summary>The evaluate step's two outputs: metrics.json (what gates read) and evaluation.json (what the report draws).</summary>
public sealed record EvaluationResult(SortedDictionary<string, double> Metrics, EvaluationDetails Details);
