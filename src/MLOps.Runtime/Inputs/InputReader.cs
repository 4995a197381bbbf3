using System.Text.Json;

namespace MLOps.Runtime.Inputs;

/// <summary>What a request body held: the rows as the model's input objects, or every rule the rows broke.</summary>
public sealed record InputBatch<TInput>(IReadOnlyList<TInput> Rows, bool IsBatch, IReadOnlyList<InputViolation> Violations)
{
    public bool IsValid => Violations.Count == 0;
}

/// <summary>
/// Reads a request body, one JSON object or an array of them, into checked, typed inputs. A batch is all or nothing:
/// one bad row rejects the request, each violation naming its row, so a client never gets answers for a subset it
/// must then match up. <see cref="MaxRows"/> bounds the work one request can ask for (MLOPS6021).
/// </summary>
public sealed class InputReader<TInput>(InputChecker checker, int maxRows = InputReader<TInput>.DefaultMaxRows)
    where TInput : class, new()
{
    public const int DefaultMaxRows = 10_000;

    private readonly InputBinder<TInput> _binder = new();

    public InputChecker Checker => checker;

    public int MaxRows => maxRows;

    public InputBatch<TInput> Read(JsonElement body)
    {
        var violations = new List<InputViolation>();
        if (body.ValueKind != JsonValueKind.Array)
        {
            TInput? one = ReadRow(body, null, violations);
            return new InputBatch<TInput>(one is null ? [] : [one], false, violations);
        }

        int count = body.GetArrayLength();
        if (count == 0)
        {
            return new InputBatch<TInput>([], true, [new InputViolation(null, "", "not_empty", InputCodes.Empty, "[]", "one row or more")]);
        }
        if (count > maxRows)
        {
            return new InputBatch<TInput>([], true, [new InputViolation(null, "", "max_rows", InputCodes.TooManyRows, $"{count} rows", $"at most {maxRows} rows per request; split the batch")]);
        }

        var rows = new List<TInput>(count);
        int index = 0;
        foreach (JsonElement row in body.EnumerateArray())
        {
            if (ReadRow(row, index++, violations) is { } input)
            {
                rows.Add(input);
            }
        }
        return new InputBatch<TInput>(violations.Count == 0 ? rows : [], true, violations);
    }

    /// <summary>Parses and reads a body; text that is not JSON is one MLOPS1018 violation.</summary>
    public InputBatch<TInput> Read(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            return new InputBatch<TInput>([], false, [new InputViolation(null, "", "object", InputCodes.NotAnObject, null, $"a JSON object or an array of objects; the body is not JSON: {e.Message}")]);
        }
    }

    private TInput? ReadRow(JsonElement row, int? index, List<InputViolation> violations)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        return checker.TryRead(row, index, violations, values) ? _binder.Bind(values) : null;
    }
}
