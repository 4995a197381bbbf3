namespace MLOps.Core.Versioning;

/// <summary>How much of the typed API a new contract breaks, from nothing (a retrain) to consumer code that no longer compiles.</summary>
public enum ContractChangeLevel
{
    /// <summary>The same contract: a retrain.</summary>
    Patch,

    /// <summary>Added members only, or an input made optional: code written for the previous version still compiles and means the same.</summary>
    Minor,

    /// <summary>A member removed or retyped, an input made required: code written for the previous version breaks or scores wrongly.</summary>
    Major,
}

/// <summary>One difference between two contracts and the version change it calls for.</summary>
public sealed record ContractChange(ContractChangeLevel Level, string Description)
{
    public override string ToString() => Description;
}

/// <summary>
/// Compares a model's new contract with the one its latest version was packed with (docs/registry.md#versions):
/// MAJOR for an input removed, retyped or made required (a new input that must be set is one too), or an output
/// removed or retyped; MINOR for a new optional input, an input made optional or a new output; PATCH otherwise.
/// Members are compared by their names in the typed API. Pure.
/// </summary>
public static class ContractDiff
{
    /// <summary>The differences, major ones first; empty when the contracts match.</summary>
    public static IReadOnlyList<ContractChange> Compare(ModelContract previous, ModelContract current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var changes = new List<ContractChange>();
        if (previous.Task != current.Task)
            changes.Add(Major($"task changed from {previous.Task} to {current.Task}"));
        if (previous.InputClass != current.InputClass)
            changes.Add(Major($"input class renamed from '{previous.InputClass}' to '{current.InputClass}'"));
        if (previous.PredictionClass != current.PredictionClass)
            changes.Add(Major($"prediction class renamed from '{previous.PredictionClass}' to '{current.PredictionClass}'"));

        changes.AddRange(Inputs(previous.Inputs, current.Inputs));
        changes.AddRange(Outputs(previous.Outputs, current.Outputs));
        return [.. changes.OrderByDescending(c => c.Level)];
    }

    /// <summary>The level the changes call for: the highest of them, PATCH when there are none.</summary>
    public static ContractChangeLevel Level(IEnumerable<ContractChange> changes) =>
        changes.Select(c => c.Level).DefaultIfEmpty(ContractChangeLevel.Patch).Max();

    private static IEnumerable<ContractChange> Inputs(IReadOnlyList<ContractInput> before, IReadOnlyList<ContractInput> after)
    {
        Dictionary<string, ContractInput> now = after.ToDictionary(i => i.Name, StringComparer.Ordinal);
        foreach (ContractInput old in before)
        {
            if (!now.Remove(old.Name, out ContractInput? input))
                yield return Major($"input '{old.Name}' removed");
            else if (old.Type != input.Type)
                yield return Major($"input '{old.Name}' retyped from {old.Type} to {input.Type}");
            else if (!old.Required && input.Required)
                yield return Major($"input '{old.Name}' made required");
            else if (old.Required && !input.Required)
                yield return Minor($"input '{old.Name}' made optional");
        }

        foreach (ContractInput added in after.Where(i => now.ContainsKey(i.Name)))
        {
            yield return added.Required
                ? Major($"new required input '{added.Name}'")
                : Minor($"new optional input '{added.Name}'");
        }
    }

    private static IEnumerable<ContractChange> Outputs(IReadOnlyList<ContractOutput> before, IReadOnlyList<ContractOutput> after)
    {
        Dictionary<string, ContractOutput> now = after.ToDictionary(o => o.Name, StringComparer.Ordinal);
        foreach (ContractOutput old in before)
        {
            if (!now.Remove(old.Name, out ContractOutput? output))
                yield return Major($"output '{old.Name}' removed");
            else if (old.Type != output.Type)
                yield return Major($"output '{old.Name}' retyped from {old.Type} to {output.Type}");
        }

        foreach (ContractOutput added in after.Where(o => now.ContainsKey(o.Name)))
            yield return Minor($"new output '{added.Name}'");
    }

    private static ContractChange Major(string description) => new(ContractChangeLevel.Major, description);

    private static ContractChange Minor(string description) => new(ContractChangeLevel.Minor, description);
}
