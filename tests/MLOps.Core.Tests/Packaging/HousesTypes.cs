using Microsoft.ML.Data;

namespace MLOps.Core.Tests.Packaging;

// The typed API the generator writes for TestModels.HousesSpec() over NullableTestModels.HousesSchema (see ApiGeneratorTests).
public sealed class HousesInput
{
    [ColumnName("rooms")]
    public float Rooms { get; set; }

    [NoColumn]
    public float? Area { get; set; }

    [ColumnName("area")]
    public float __Area { get => Area ?? float.NaN; set => Area = value; }

    [ColumnName("city")]
    public string City { get; set; } = "";
}

public sealed class HousesPrediction
{
    public float Score { get; set; }
}
