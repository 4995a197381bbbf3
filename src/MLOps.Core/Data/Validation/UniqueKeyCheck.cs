using System.IO.Hashing;
using System.Runtime.InteropServices;
using MLOps.Core.Diagnostics;
using MLOps.Core.Data.Readers;
using MLOps.Core.Data.Schema;

namespace MLOps.Core.Data.Validation;

/// <summary>
/// The schema's <c>unique</c> key: no two rows may have the same values in all key columns. Each row's key is
/// kept as a 128-bit XxHash128 of its values (16 bytes a row, whatever the key's length), so this check's
/// memory grows with the number of rows, unlike every other check. Two different keys colliding in 128 bits
/// is too unlikely to matter.
/// </summary>
internal sealed class UniqueKeyCheck
{
    private readonly int[] _fields;
    private readonly string _label;
    private readonly HashSet<UInt128> _seen = [];
    private readonly XxHash128 _hash = new();

    private UniqueKeyCheck(int[] fields, string label)
    {
        _fields = fields;
        _label = label;
    }

    /// <summary>The check, or null when the schema has no key or a key column is not in the data (reported as missing).
    /// Gives <paramref name="log"/> the key's tolerance.</summary>
    public static UniqueKeyCheck? Create(TableSchema schema, IReadOnlyList<string> header, ViolationLog log)
    {
        if (schema.Unique is not { Count: > 0 } key)
        {
            return null;
        }
        int[] fields = [.. key.Select(name => Enumerable.Range(0, header.Count).FirstOrDefault(i => header[i] == name, -1))];
        if (fields.Contains(-1))
        {
            return null;
        }
        string label = string.Join(",", key);
        log.Tolerate(Codes.DuplicateKey, label, schema.UniqueMostly);
        return new UniqueKeyCheck(fields, label);
    }

    public void Check(ITableReader reader, ViolationLog log)
    {
        foreach (int field in _fields)
        {
            ReadOnlySpan<char> value = reader[field];
            int length = value.Length; // The length keeps ("ab","c") apart from ("a","bc").
            _hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<int>(in length)));
            _hash.Append(MemoryMarshal.AsBytes(value));
        }
        UInt128 key = _hash.GetCurrentHashAsUInt128();
        _hash.Reset();
        if (_seen.Add(key))
        {
            return;
        }
        string values = string.Join(", ", _fields.Select(f => Visible.Quote(reader[f].ToString())));
        if (log.Tally(Codes.DuplicateKey, _label, reader.Location, values, hasValue: true))
        {
            log.Show(Codes.DuplicateKey, $"the key ({_label}) = ({values}) appears in an earlier row too, but the schema says \"unique\": [{_label}]. Remove the duplicate row or fix the key.", reader.Location);
        }
    }
}
