using System.Text;
using Microsoft.ML.Data;
using MLOps.Runtime.Inputs;
using MLOps.Tests.Infrastructure;
using Xunit;

namespace MLOps.Service.Tests.Inputs;

/// <summary>A request body read against the repository's flights schema (data/flights/schema.json), as FlightDelay.Api reads it.</summary>
public sealed class InputReaderTests
{
    private static readonly InputReader<Flight> Reader = new(new InputChecker(InputSchema.Load(Repository.File("data/flights/schema.json"))), maxRows: 3);

    private const string Valid = """{"date":"2001-03-02 17:45","distance":337,"origin":"SFO","destination":"LAX"}""";

    [Fact]
    public void Should_bind_every_column_When_a_single_row_is_valid()
    {
        // When a valid object is read
        InputBatch<Flight> batch = Read(Valid);

        // Then it is one row, not a batch, with each value in the typed input
        Assert.True(batch.IsValid, string.Join("\n", batch.Violations));
        Assert.False(batch.IsBatch);
        Flight flight = Assert.Single(batch.Rows);
        Assert.Equal((new DateTime(2001, 3, 2, 17, 45, 0), 337f, "SFO", "LAX"), (flight.Date, flight.Distance, flight.Origin, flight.Destination));
    }

    [Fact]
    public void Should_accept_the_ISO_form_and_ignore_the_label_When_a_row_has_them()
    {
        // Given a row with an ISO date (the prediction log's form) and the training-only label 'delay'
        InputBatch<Flight> batch = Read("""{"date":"2001-03-02T17:45:00","distance":337,"origin":"SFO","destination":"LAX","delay":12}""");

        // Then it is valid and the date is the same instant
        Assert.True(batch.IsValid, string.Join("\n", batch.Violations));
        Assert.Equal(new DateTime(2001, 3, 2, 17, 45, 0), batch.Rows[0].Date);
    }

    [Theory]
    [InlineData("\"distance\":9000", "distance", "max", "MLOPS1007", "9000", "at most 6000")]
    [InlineData("\"distance\":0", "distance", "min", "MLOPS1006", "0", "at least 1")]
    [InlineData("\"distance\":\"far\"", "distance", "type", "MLOPS1008", "\"far\"", "a whole number")]
    [InlineData("\"distance\":337.5", "distance", "type", "MLOPS1008", "337.5", "a whole number")]
    [InlineData("\"distance\":12345678901234567890123", "distance", "type_range", "MLOPS1066", "12345678901234567890123", "from -9223372036854775808")]
    [InlineData("\"distance\":null", "distance", "not_null", "MLOPS1009", "null", "not declare the column nullable")]
    [InlineData("\"origin\":\"XXX\"", "origin", "allowed", "MLOPS1010", "\"XXX\"", "one of the 229 values the schema allows (ABE, ABI, ABQ, ACT, ACY, ...)")]
    [InlineData("\"origin\":7", "origin", "type", "MLOPS1008", "7", "a JSON string")]
    [InlineData("\"date\":\"yesterday\"", "date", "type", "MLOPS1008", "\"yesterday\"", "format 'yyyy-MM-dd HH:mm' or ISO 8601")]
    public void Should_name_the_field_rule_code_value_and_expectation_When_a_value_breaks_a_rule(
        string field, string name, string rule, string code, string value, string expected)
    {
        // Given a valid row with one field replaced
        string row = Replace(Valid, name, field);

        // When it is read
        InputBatch<Flight> batch = Read(row);

        // Then exactly that rule is reported, with the value as sent and what was expected
        InputViolation violation = Assert.Single(batch.Violations);
        Assert.Equal((name, rule, code, value), (violation.Field, violation.Rule, violation.Code, violation.Value));
        Assert.Contains(expected, violation.Expected, StringComparison.Ordinal);
        Assert.StartsWith($"{code}: field '{name}' value {value} breaks rule '{rule}'", violation.Message, StringComparison.Ordinal);
        Assert.Empty(batch.Rows);
    }

    [Fact]
    public void Should_report_the_missing_field_and_the_misspelt_one_When_a_field_name_has_the_wrong_case()
    {
        // Given a row that says "Distance" for "distance"
        InputBatch<Flight> batch = Read(Valid.Replace("\"distance\"", "\"Distance\"", StringComparison.Ordinal));

        // Then the unknown field (MLOPS6020, with a hint) and the absent one (MLOPS1005) are both reported
        Assert.Collection(batch.Violations,
            v => Assert.Equal(("Distance", "known_field", "MLOPS6020"), (v.Field, v.Rule, v.Code)),
            v => Assert.Equal(("distance", "present", "MLOPS1005", null), (v.Field, v.Rule, v.Code, v.Value)));
        Assert.Contains("did you mean 'distance'?", batch.Violations[0].Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_reject_the_whole_batch_and_name_the_row_When_one_row_of_a_batch_is_bad()
    {
        // Given a batch whose second row has an unknown airport
        InputBatch<Flight> batch = Read($"[{Valid},{Valid.Replace("LAX", "L4X", StringComparison.Ordinal)}]");

        // Then no row is returned and the violation names row 1
        Assert.True(batch.IsBatch);
        Assert.Empty(batch.Rows);
        InputViolation violation = Assert.Single(batch.Violations);
        Assert.Equal((1, "destination", "MLOPS1010"), (violation.Row, violation.Field, violation.Code));
        Assert.StartsWith("MLOPS1010: row 1: field 'destination'", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_read_every_row_When_a_batch_is_valid()
    {
        InputBatch<Flight> batch = Read($"[{Valid},{Valid.Replace("SFO", "ORD", StringComparison.Ordinal)}]");

        Assert.True(batch.IsValid);
        Assert.Equal(["SFO", "ORD"], batch.Rows.Select(r => r.Origin));
    }

    [Theory]
    [InlineData("[]", "not_empty", "MLOPS1004")]
    [InlineData("[1,2,3,4]", "max_rows", "MLOPS6021")]
    [InlineData("42", "object", "MLOPS1018")]
    [InlineData("{\"date\":", "object", "MLOPS1018")]
    public void Should_reject_the_body_When_it_is_not_one_to_max_rows_objects(string body, string rule, string code)
    {
        InputViolation violation = Assert.Single(Read(body).Violations);

        Assert.Equal((rule, code), (violation.Rule, violation.Code));
    }

    [Fact]
    public void Should_check_pattern_and_max_length_and_bind_null_When_the_schema_has_them()
    {
        // Given a schema with a pattern, a max_length, a nullable float and a column only for training
        var reader = new InputReader<Coded>(new InputChecker(InputSchema.Parse("""
            {"columns":[
              {"name":"code","type":"categorical","pattern":"[ab]+","max_length":{"value":2,"mostly":0.9}},
              {"name":"x","type":"float","nullable":true},
              {"name":"y","type":"boolean","environments":["training"]}]}
            """)));

        // When a row breaks both string rules, and another is valid with a null
        InputBatch<Coded> bad = reader.Read(Encoding.UTF8.GetBytes("""{"code":"abc","x":1.5}"""));
        InputBatch<Coded> good = reader.Read(Encoding.UTF8.GetBytes("""{"code":"ab","x":null}"""));

        // Then both rules are reported in the validator's order, and the null reaches the nullable property
        Assert.Equal([("max_length", "MLOPS1061"), ("pattern", "MLOPS1060")], bad.Violations.Select(v => (v.Rule, v.Code)));
        Assert.True(good.IsValid, string.Join("\n", good.Violations));
        Assert.Null(Assert.Single(good.Rows).X);
    }

    private static InputBatch<Flight> Read(string body) => Reader.Read(Encoding.UTF8.GetBytes(body));

    // Swaps the field named 'name' in a flat one-line object for 'replacement'.
    private static string Replace(string row, string name, string replacement)
    {
        string[] fields = row.Trim('{', '}').Split(',');
        return "{" + string.Join(",", fields.Select(f => f.StartsWith($"\"{name}\":", StringComparison.Ordinal) ? replacement : f)) + "}";
    }

    /// <summary>The input class the typed API generates for FlightDelay.</summary>
    public sealed class Flight
    {
        [ColumnName("date")]
        public DateTime Date { get; set; }

        [ColumnName("distance")]
        public float Distance { get; set; }

        [ColumnName("origin")]
        public string Origin { get; set; } = "";

        [ColumnName("destination")]
        public string Destination { get; set; } = "";
    }

    /// <summary>A nullable float as the typed API declares one: the public nullable property, and the one the model reads.</summary>
    public sealed class Coded
    {
        [ColumnName("code")]
        public string Code { get; set; } = "";

        [NoColumn]
        public float? X { get; set; }

        [ColumnName("x")]
        public float ModelX { get => X ?? float.NaN; set => X = value; }
    }
}
