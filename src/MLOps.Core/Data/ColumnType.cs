namespace MLOps.Core.Data;

/// <summary>The value types a schema column can declare. Names are the schema file's spelling, lower-cased.</summary>
public enum ColumnType
{
    Boolean,
    Integer,
    Float,
    String,
    DateTime,
}
