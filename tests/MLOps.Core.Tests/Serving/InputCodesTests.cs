using MLOps.Core.Diagnostics;
using MLOps.Runtime.Inputs;
using Xunit;

namespace MLOps.Core.Tests.Serving;

public sealed class InputCodesTests
{
    /// <summary>Each rule a service checks, with the code the runtime gives it and Core's code for the same rule in a data file.</summary>
    public static TheoryData<string, string, string> Rules() => new()
    {
        { "schema file", InputCodes.SchemaInvalid, Codes.SchemaFileInvalid },
        { "not_empty", InputCodes.Empty, Codes.DataFileEmpty },
        { "present", InputCodes.Missing, Codes.HeaderMissingColumn },
        { "min", InputCodes.BelowMinimum, Codes.ValueBelowMinimum },
        { "max", InputCodes.AboveMaximum, Codes.ValueAboveMaximum },
        { "type", InputCodes.WrongType, Codes.ValueNotParsable },
        { "not_null", InputCodes.Null, Codes.ValueMissing },
        { "allowed", InputCodes.NotAllowed, Codes.ValueNotAllowed },
        { "header_unique", InputCodes.DuplicateField, Codes.HeaderDuplicateColumn },
        { "object", InputCodes.NotAnObject, Codes.JsonLineNotObject },
        { "pattern", InputCodes.PatternMismatch, Codes.ValueNotMatchingPattern },
        { "max_length", InputCodes.TooLong, Codes.ValueTooLong },
        { "type_range", InputCodes.OutOfTypeRange, Codes.ValueOutOfTypeRange },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Should_use_the_data_validators_code_When_a_service_checks_the_same_rule(string rule, string runtime, string core)
    {
        Assert.True(core == runtime, $"rule {rule}: the runtime says {runtime}, the data validator {core}");

        // and the rule has the name the validation report gives it, where the report has one
        string reported = MLOps.Core.Data.Validation.CheckKinds.NameOf(core);
        Assert.True(reported == MLOps.Core.Data.Validation.CheckKinds.File || reported == rule, $"the validation report calls {core} '{reported}', the runtime '{rule}'");
    }

    [Fact]
    public void Should_use_codes_of_the_serving_range_When_no_data_rule_fits()
    {
        // A field the schema does not declare and an oversized batch exist only in a request: MLOPS6020-6029.
        Assert.Equal(["MLOPS6020", "MLOPS6021"], new[] { InputCodes.UnknownField, InputCodes.TooManyRows });
    }
}
