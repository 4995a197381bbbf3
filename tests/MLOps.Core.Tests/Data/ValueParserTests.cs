using MLOps.Core.Data.Readers;
using Xunit;

namespace MLOps.Core.Tests.Data;

public sealed class ValueParserTests
{
    [Theory]
    [InlineData("2001-01-01 06:00")]
    [InlineData("2000-02-29 23:59")]
    [InlineData("2001-02-29 10:00")]
    [InlineData("2001-13-01 10:00")]
    [InlineData("2001-01-01 24:00")]
    [InlineData("2001-01-01 6:00")]
    [InlineData("2001-01-01T06:00")]
    [InlineData("20x1-01-01 06:00")]
    [InlineData("2001-01-01 06:00 ")]
    [InlineData("0000-01-01 06:00")]
    public void Should_agree_with_TryParseExact_When_parsing_the_minute_format(string text)
    {
        // Given the fast path for "yyyy-MM-dd HH:mm" and .NET's own parser
        bool expected = DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out DateTime reference);

        // When the value parser reads it
        bool actual = ValueParser.TryDateTime(text, "yyyy-MM-dd HH:mm", out DateTime value);

        // Then both accept and reject the same texts and give the same value
        Assert.Equal(expected, actual);
        Assert.Equal(reference, value);
    }
}
