using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace MLOps.Core.Data.Readers;

/// <summary>One Parquet column's values for the current row group, and their text as <see cref="ITableReader"/> defines it.</summary>
internal abstract class ParquetColumn(DataField field)
{
    private const string IsoDateTime = "yyyy-MM-ddTHH:mm:ss.FFFFFFF";

    protected DataField Field { get; } = field;

    public abstract bool IsTyped { get; }

    public abstract void Load(ParquetRowGroupReader group, int rows);

    public abstract ReadOnlySpan<char> Text(int row);

    /// <summary>A column for the field, or null when its type has no text form here (binary, nested, intervals).</summary>
    public static ParquetColumn? Create(DataField field) => field.ClrType switch
    {
        Type t when t == typeof(string) || t == typeof(ReadOnlyMemory<char>) => new StringColumn(field),
        Type t when t == typeof(bool) => new BooleanColumn(field),
        Type t when t == typeof(double) => new ValueColumn<double>(field, "R"),
        Type t when t == typeof(float) => new ValueColumn<float>(field, "R"),
        Type t when t == typeof(decimal) => new ValueColumn<decimal>(field, null),
        Type t when t == typeof(long) => new ValueColumn<long>(field, null),
        Type t when t == typeof(int) => new ValueColumn<int>(field, null),
        Type t when t == typeof(short) => new ValueColumn<short>(field, null),
        Type t when t == typeof(sbyte) => new ValueColumn<sbyte>(field, null),
        Type t when t == typeof(ulong) => new ValueColumn<ulong>(field, null),
        Type t when t == typeof(uint) => new ValueColumn<uint>(field, null),
        Type t when t == typeof(ushort) => new ValueColumn<ushort>(field, null),
        Type t when t == typeof(byte) => new ValueColumn<byte>(field, null),
        Type t when t == typeof(DateTime) => new ValueColumn<DateTime>(field, IsoDateTime),
        Type t when t == typeof(DateTimeOffset) => new ValueColumn<DateTimeOffset>(field, IsoDateTime + "zzz"),
        Type t when t == typeof(DateOnly) => new ValueColumn<DateOnly>(field, "yyyy-MM-dd"),
        Type t when t == typeof(TimeOnly) => new ValueColumn<TimeOnly>(field, "HH:mm:ss.FFFFFFF"),
        Type t when t == typeof(TimeSpan) => new ValueColumn<TimeSpan>(field, "c"),
        _ => null,
    };

    private sealed class StringColumn(DataField field) : ParquetColumn(field)
    {
        private string?[] _values = [];

        public override bool IsTyped => false;

        public override void Load(ParquetRowGroupReader group, int rows)
        {
            _values = new string?[rows];
            group.ReadAsync(Field, _values.AsMemory()!).AsTask().GetAwaiter().GetResult();
        }

        public override ReadOnlySpan<char> Text(int row) => _values[row];
    }

    private sealed class BooleanColumn(DataField field) : ParquetColumn(field)
    {
        private bool?[] _values = [];

        public override bool IsTyped => true;

        public override void Load(ParquetRowGroupReader group, int rows)
        {
            _values = new bool?[rows];
            group.ReadAsync<bool>(Field, _values.AsMemory()).AsTask().GetAwaiter().GetResult();
        }

        public override ReadOnlySpan<char> Text(int row) => _values[row] switch
        {
            true => "true",
            false => "false",
            null => [],
        };
    }

    private sealed class ValueColumn<T>(DataField field, string? format) : ParquetColumn(field)
        where T : struct, ISpanFormattable
    {
        private readonly char[] _text = new char[64];
        private T?[] _values = [];

        public override bool IsTyped => true;

        public override void Load(ParquetRowGroupReader group, int rows)
        {
            _values = new T?[rows];
            group.ReadAsync<T>(Field, _values.AsMemory()).AsTask().GetAwaiter().GetResult();
        }

        public override ReadOnlySpan<char> Text(int row) =>
            _values[row] is T value && value.TryFormat(_text, out int written, format, CultureInfo.InvariantCulture) ? _text.AsSpan(0, written) : [];
    }
}
