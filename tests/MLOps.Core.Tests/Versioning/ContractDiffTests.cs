using MLOps.Core.Versioning;
using Xunit;

namespace MLOps.Core.Tests.Versioning;

public sealed class ContractDiffTests
{
    private static readonly ContractInput Distance = new("Distance", "distance", "float", Required: true);
    private static readonly ContractInput Origin = new("Origin", "origin", "string", Required: false);
    private static readonly ContractOutput[] BinaryOutputs = [new("PredictedLabel", "bool"), new("Probability", "float"), new("Score", "float")];

    internal static ModelContract Contract(IReadOnlyList<ContractInput> inputs, IReadOnlyList<ContractOutput>? outputs = null) =>
        new(ModelContract.CurrentSchemaVersion, "binary-classification", "FlightDelayInput", "FlightDelayPrediction", inputs, outputs ?? BinaryOutputs);

    internal static ModelContract Flights { get; } = Contract([Distance, Origin]);

    [Fact]
    public void Should_be_a_patch_When_the_contract_is_the_same()
    {
        // Given the same contract twice (a retrain)
        // When they are compared
        var changes = ContractDiff.Compare(Flights, Contract([Distance, Origin]));

        // Then nothing changed
        Assert.Empty(changes);
        Assert.Equal(ContractChangeLevel.Patch, ContractDiff.Level(changes));
    }

    [Fact]
    public void Should_be_minor_When_a_new_optional_input_is_added()
    {
        // Given a new nullable column Carrier among the inputs
        // When compared with the previous contract
        var changes = ContractDiff.Compare(Flights, Contract([Distance, Origin, new("Carrier", "carrier", "string", Required: false)]));

        // Then it is a minor change naming the input
        Assert.Equal(ContractChangeLevel.Minor, ContractDiff.Level(changes));
        Assert.Equal(["new optional input 'Carrier'"], changes.Select(c => c.Description));
    }

    [Fact]
    public void Should_be_major_When_a_new_input_is_required()
    {
        // Given a new non-nullable column: code written for the previous version would score it as 0
        // When compared
        var changes = ContractDiff.Compare(Flights, Contract([Distance, Origin, new("Seats", "seats", "float", Required: true)]));

        // Then it is major
        Assert.Equal(ContractChangeLevel.Major, ContractDiff.Level(changes));
        Assert.Equal(["new required input 'Seats'"], changes.Select(c => c.Description));
    }

    [Theory]
    [InlineData("removed", "input 'Distance' removed")]
    [InlineData("retyped", "input 'Distance' retyped from float to string")]
    [InlineData("required", "input 'Origin' made required")]
    public void Should_be_major_When_an_input_is_removed_retyped_or_made_required(string change, string expected)
    {
        // Given the inputs changed in one incompatible way
        ContractInput[] inputs = change switch
        {
            "removed" => [Origin],
            "retyped" => [Distance with { Type = "string" }, Origin],
            _ => [Distance, Origin with { Required = true }],
        };

        // When compared
        var changes = ContractDiff.Compare(Flights, Contract(inputs));

        // Then it is major, naming the member
        Assert.Equal(ContractChangeLevel.Major, ContractDiff.Level(changes));
        Assert.Equal([expected], changes.Select(c => c.Description));
    }

    [Fact]
    public void Should_be_minor_When_an_input_is_made_optional()
    {
        // Given Distance's column made nullable (float becomes float?: assigning it still compiles)
        // When compared
        var changes = ContractDiff.Compare(Flights, Contract([Distance with { Required = false }, Origin]));

        // Then it is minor
        Assert.Equal(ContractChangeLevel.Minor, ContractDiff.Level(changes));
        Assert.Equal(["input 'Distance' made optional"], changes.Select(c => c.Description));
    }

    [Fact]
    public void Should_be_minor_When_an_output_is_added_and_major_When_one_is_removed_or_retyped()
    {
        // Given one contract with an extra output, one without Probability, one with Score retyped
        ModelContract added = Contract([Distance, Origin], [.. BinaryOutputs, new("Explanation", "string")]);
        ModelContract removed = Contract([Distance, Origin], [BinaryOutputs[0], BinaryOutputs[2]]);
        ModelContract retyped = Contract([Distance, Origin], [BinaryOutputs[0], BinaryOutputs[1], new("Score", "float[]")]);

        // When each is compared with the previous
        // Then the added output is minor, the removed and the retyped ones major
        Assert.Equal(["new output 'Explanation'"], ContractDiff.Compare(Flights, added).Select(c => c.Description));
        Assert.Equal(ContractChangeLevel.Minor, ContractDiff.Level(ContractDiff.Compare(Flights, added)));
        Assert.Equal(["output 'Probability' removed"], ContractDiff.Compare(Flights, removed).Select(c => c.Description));
        Assert.Equal(["output 'Score' retyped from float to float[]"], ContractDiff.Compare(Flights, retyped).Select(c => c.Description));
        Assert.Equal(ContractChangeLevel.Major, ContractDiff.Level(ContractDiff.Compare(Flights, retyped)));
    }

    [Fact]
    public void Should_list_major_changes_first_When_there_are_several()
    {
        // Given a new optional input and a removed one
        // When compared
        var changes = ContractDiff.Compare(Flights, Contract([Origin, new("Carrier", "carrier", "string", Required: false)]));

        // Then the level is major and the removal comes first
        Assert.Equal(ContractChangeLevel.Major, ContractDiff.Level(changes));
        Assert.Equal(["input 'Distance' removed", "new optional input 'Carrier'"], changes.Select(c => c.Description));
    }
}
