using System.Globalization;
using MLOps.Core.Diagnostics;
using MLOps.Core.Spec;

namespace MLOps.Core.Training;

/// <summary>
/// Hyperparameters set for one training without editing the spec (<c>mlops train --set NumberOfLeaves=63</c>, a
/// sweep's trial): each "Name=Value" must name a hyperparameter of the spec's trainer and hold a number (or true/false),
/// else MLOPS0056. The result is checked as the spec is: early stopping still needs validation rows (MLOPS0055).
/// </summary>
public static class TrainerOverrides
{
    /// <summary>The spec with the assignments applied; null (with diagnostics) when one is wrong.</summary>
    public static ModelSpec? Apply(ModelSpec spec, IEnumerable<string> assignments, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(bag);
        TrainerDescriptor descriptor = ModelPipeline.Descriptor(spec);
        var parameters = new SortedDictionary<string, double>(spec.Trainer.Parameters.ToDictionary(), StringComparer.Ordinal);
        bool failed = false;
        foreach (string assignment in assignments)
        {
            int eq = assignment.IndexOf('=', StringComparison.Ordinal);
            string name = eq > 0 ? assignment[..eq].Trim() : "";
            string text = eq > 0 ? assignment[(eq + 1)..].Trim() : "";
            string? problem = eq <= 0 ? "is not Name=Value"
                : !descriptor.ParameterNames.Contains(name, StringComparer.Ordinal) ? $"names no hyperparameter of {descriptor.Name}; valid ones are: {string.Join(", ", descriptor.ParameterNames)}"
                : Number(text) is null ? $"has the value {Visible.Quote(text)}, which is not a number or true/false"
                : null;
            if (problem is not null)
            {
                bag.Error(Codes.TrainOverrideInvalid, $"--set {Visible.Quote(assignment)} {problem}. Example: --set NumberOfLeaves=63.");
                failed = true;
                continue;
            }

            parameters[name] = Number(text)!.Value;
        }

        if (failed)
        {
            return null;
        }

        ModelSpec result = spec with { Trainer = spec.Trainer with { Parameters = parameters } };
        if (ModelFitter.StopsEarly(result, descriptor) && !result.Split.HasValidation)
        {
            bag.Error(Codes.EarlyStoppingNeedsValidation, $"{descriptor.EarlyStoppingParameter} stops training when the validation metric stops improving, but the split of {Visible.Quote(spec.SourcePath)} has no validation rows. Add split.validation-fraction (or validation-from for a time split), or leave out the early stopping.", spec.SourcePath);
            return null;
        }

        return result;
    }

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) ? value
        : bool.TryParse(text, out bool flag) ? (flag ? 1 : 0)
        : null;
}
