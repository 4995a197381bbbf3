using System.Text.Json;

namespace MLOps.Runtime.Inputs;

/// <summary>
/// Checks JSON rows against a schema's columns in one environment (a service: "serving"). A row is an object whose
/// keys are the schema's column names. Every field is checked and every broken rule reported, not only the first,
/// so a client fixes a request in one round. Columns limited to other environments (the label, in "training") may be
/// sent and are ignored; a key the schema does not declare at all is reported (MLOPS6020), since it is most often a
/// typo of one that is then missing. Thread-safe: the rules are read-only after construction.
/// </summary>
public sealed class InputChecker
{
    private readonly Dictionary<string, ColumnRules> _checked;
    private readonly HashSet<string> _declared;

    public InputChecker(InputSchema schema, string environment = InputSchema.Serving)
    {
        Schema = schema;
        _checked = schema.In(environment).ToDictionary(c => c.Name, c => new ColumnRules(c), StringComparer.Ordinal);
        _declared = schema.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
    }

    public InputSchema Schema { get; }

    /// <summary>The rules <paramref name="row"/> breaks; empty when it is valid.</summary>
    public IReadOnlyList<InputViolation> Check(JsonElement row, int? index = null)
    {
        var violations = new List<InputViolation>();
        _ = TryRead(row, index, violations, new Dictionary<string, object?>(StringComparer.Ordinal));
        return violations;
    }

    /// <summary>
    /// Checks <paramref name="row"/> and fills <paramref name="values"/> with each checked column's value, typed
    /// (long, double, bool, DateTime, string; null when absent or null). True when the row broke no rule.
    /// </summary>
    public bool TryRead(JsonElement row, int? index, List<InputViolation> violations, Dictionary<string, object?> values)
    {
        if (row.ValueKind != JsonValueKind.Object)
        {
            violations.Add(new InputViolation(index, "", "object", InputCodes.NotAnObject, Shown(row.GetRawText()), "a JSON object whose keys are the schema's columns"));
            return false;
        }

        int before = violations.Count;
        foreach (JsonProperty field in row.EnumerateObject())
        {
            if (values.ContainsKey(field.Name))
            {
                violations.Add(new InputViolation(index, field.Name, "header_unique", InputCodes.DuplicateField, Shown(field.Value.GetRawText()), "each field once per object"));
            }
            else if (_checked.TryGetValue(field.Name, out ColumnRules? rules))
            {
                rules.Check(field.Value, index, violations, out object? value);
                values[field.Name] = value;
            }
            else if (!_declared.Contains(field.Name))
            {
                violations.Add(new InputViolation(index, field.Name, "known_field", InputCodes.UnknownField, Shown(field.Value.GetRawText()), Known(field.Name)));
            }
        }

        foreach (ColumnRules rules in _checked.Values.Where(r => !values.ContainsKey(r.Column.Name)))
        {
            InputColumn column = rules.Column;
            if (column.Required && !column.Nullable)
            {
                violations.Add(new InputViolation(index, column.Name, "present", InputCodes.Missing, null, "the field: the schema requires it when serving"));
            }
            values[column.Name] = null;
        }
        return violations.Count == before;
    }

    private string Known(string name)
    {
        string? near = _checked.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        string hint = near is null ? "" : $" (did you mean '{near}'? names are case-sensitive)";
        return $"only the schema's fields: {string.Join(", ", _checked.Keys)}{hint}";
    }

    private static string Shown(string raw) => raw.Length > 80 ? $"{raw[..80]}..." : raw;
}
