using MLOps.Core.Diagnostics;
using Xunit;

namespace MLOps.Core.Tests.Diagnostics;

public sealed class VisibleTests
{
    [Theory]
    [InlineData("kind\r", @"'kind\r'")]
    [InlineData("a\nb\tc", @"'a\nb\tc'")]
    [InlineData("\uFEFFid", @"'\uFEFFid'")]
    [InlineData("zero\u200Bwidth", @"'zero\u200Bwidth'")]
    [InlineData("no\u00A0break", @"'no\u00A0break'")]
    [InlineData("plain value", "'plain value'")]
    [InlineData(@"C:\data", @"'C:\data'")]
    public void Should_show_invisible_characters_escaped_When_a_value_is_quoted(string value, string shown)
    {
        // Given a value from the data
        // When a message quotes it
        string quoted = Visible.Quote(value);

        // Then every invisible character is a visible escape, and the rest is as it was
        Assert.Equal(shown, quoted);
    }

    [Fact]
    public void Should_keep_the_message_on_one_line_When_a_diagnostic_holds_a_line_break()
    {
        // Given a message that quotes a value with a line break without Visible.Quote
        var bag = new DiagnosticBag();

        // When it is reported
        bag.Error(Codes.ValueNotAllowed, "column 'kind' value 'a\r\nb' is not allowed.");

        // Then the bag holds it on one line, the break escaped (MSBuild would start a new line of output)
        Assert.Equal(@"column 'kind' value 'a\r\nb' is not allowed.", Assert.Single(bag).Message);
    }
}
