namespace MLOps.Core.Data.Schema;

/// <summary>The value types a schema column can declare. Names are the schema file's spelling, lower-cased.</summary>
public enum ColumnType
{
    Boolean,
    Integer,
    Float,

    /// <summary>A string drawn from a bounded set of categories (an airport, a country): profiled by its top values, one-hot encoded.</summary>
    Categorical,

    /// <summary>Free text (a comment, a title): profiled by its length, featurized as text.</summary>
    Text,

    DateTime,
}
