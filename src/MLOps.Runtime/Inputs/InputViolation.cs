using System.Globalization;

namespace MLOps.Runtime.Inputs;

/// <summary>
/// One rule one row broke: the field, the rule's name (the data validator's report names: <c>type</c>,
/// <c>not_null</c>, <c>min</c>, <c>max</c>, <c>allowed</c>, <c>pattern</c>, <c>max_length</c>, <c>present</c>...),
/// its code, the value as the request held it (JSON text; null when absent) and what the rule expected.
/// <see cref="Row"/> is the row's index in a batch, null for a single object.
/// </summary>
public sealed record InputViolation(int? Row, string Field, string Rule, string Code, string? Value, string Expected)
{
    public string Message => string.Create(CultureInfo.InvariantCulture,
        $"{Code}: {(Row is int row ? $"row {row}: " : "")}field '{Field}' {(Value is null ? "is absent" : $"value {Value}")} breaks rule '{Rule}': expected {Expected}.");

    public override string ToString() => Message;
}
