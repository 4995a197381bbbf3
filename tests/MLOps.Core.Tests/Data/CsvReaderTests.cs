using System.Text;
using MLOps.Core.Data.Readers;
using MLOps.Core.Diagnostics;
using Xunit;
using MLOps.Tests.Shared;

namespace MLOps.Core.Tests.Data;

public sealed class CsvReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly DiagnosticBag _bag = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_split_fields_and_number_lines_When_reading_plain_records()
    {
        // Given a header, two records, empty fields and no newline at the end
        string csv = "a,b,c\n1,2,3\n,,\nx,y,z";

        // When it is read
        var records = ReadAll(csv);

        // Then every record has its fields and its physical line
        Assert.Equal(
            [(1L, "a|b|c"), (2L, "1|2|3"), (3L, "||"), (4L, "x|y|z")],
            records);
    }

    [Fact]
    public void Should_unquote_fields_When_they_hold_separators_newlines_and_escaped_quotes()
    {
        // Given quoted fields with a comma, a line break and doubled quotes
        string csv = "a,b,c\n\"x,1\",\"line1\nline2\",\"say \"\"hi\"\"\"\nnext,\"\",3\n";

        // When it is read
        var records = ReadAll(csv);

        // Then the values are unescaped and the record after the embedded newline starts on line 4
        Assert.Equal(
            [(1L, "a|b|c"), (2L, "x,1|line1\nline2|say \"hi\""), (4L, "next||3")],
            records);
    }

    [Fact]
    public void Should_keep_a_quote_as_text_When_it_does_not_start_the_field()
    {
        // Given a quote in the middle of an unquoted field, and text after a closing quote
        string csv = "5\"inch,x\n\"ab\"c,y\n";

        // When it is read
        var records = ReadAll(csv);

        // Then both quotes stay literal and no record swallows the next line
        Assert.Equal([(1L, "5\"inch|x"), (2L, "abc|y")], records);
    }

    [Fact]
    public void Should_skip_the_bom_When_the_file_starts_with_one()
    {
        // Given a UTF-8 file with a byte-order mark
        string path = _temp.Write("bom.csv", "date,delay\n2001-01-01 06:00,5\n", bom: true);

        // When it is opened and the header read
        using CsvReader reader = CsvReader.Open(path);
        reader.ReadRecord();

        // Then the first header name has no BOM in front of it
        Assert.Equal("date", reader.GetString(0));
        Assert.Equal(0xEF, File.ReadAllBytes(path)[0]);
    }

    [Fact]
    public void Should_drop_carriage_returns_When_lines_end_with_crlf()
    {
        // Given CRLF line ends, one of them inside a quoted field
        string csv = "a,b\r\n1,\"two\r\nlines\"\r\n3,4\r\n";

        // When it is read
        var records = ReadAll(csv);

        // Then record ends lose the CR, the quoted value keeps its own, and lines are counted by LF
        Assert.Equal([(1L, "a|b"), (2L, "1|two\r\nlines"), (4L, "3|4")], records);
    }

    [Fact]
    public void Should_split_on_the_given_separator_When_it_is_not_a_comma()
    {
        // Given semicolon-separated values with a comma inside a value
        string csv = "a;b\n1,5;\"x;y\"\n";

        // When it is read with ';'
        var records = ReadAll(csv, ';');

        // Then commas are data and ';' separates
        Assert.Equal([(1L, "a|b"), (2L, "1,5|x;y")], records);
    }

    [Fact]
    public void Should_skip_blank_lines_When_the_file_has_them()
    {
        // Given blank lines between and after records
        string csv = "a\n\n1\r\n\r\n2\n\n";

        // When it is read
        var records = ReadAll(csv);

        // Then only the records remain, with their own line numbers
        Assert.Equal([(1L, "a"), (3L, "1"), (5L, "2")], records);
    }

    [Fact]
    public void Should_report_MLOPS1012_at_the_opening_quote_When_a_quote_is_never_closed()
    {
        // Given a quote opened in field 2 of line 3 and never closed
        string path = _temp.Write("open.csv", "a,b\n1,2\n3,\"oops\n4,5\n");

        // When the file is read to the end
        using CsvReader reader = CsvReader.Open(path, bag: _bag);
        int records = 0;
        while (reader.ReadRecord())
        {
            records++;
        }

        // Then the records before it are read and the quote is reported where it opened
        Assert.Equal(2, records);
        Assert.True(reader.HasUnterminatedQuote);
        Diagnostic d = Assert.Single(_bag);
        Assert.Equal((Codes.UnterminatedQuote, path, 3, 2), (d.Code, d.File, d.Line, d.Column));
    }

    [Fact]
    public void Should_read_every_record_When_records_and_fields_cross_buffer_boundaries()
    {
        // Given many quoted and plain records and one field far larger than the buffer
        var csv = new StringBuilder("id,text\n");
        var expected = new List<(long, string)> { (1, "id|text") };
        long line = 2;
        for (int i = 0; i < 500; i++)
        {
            string text = i == 250 ? new string('x', 5000) : $"v{i}, \"q\"\nend";
            csv.Append(i).Append(",\"").Append(text.Replace("\"", "\"\"")).Append("\"\r\n");
            expected.Add((line, $"{i}|{text}"));
            line += 1 + text.Count(c => c == '\n');
        }

        // When it is read through a 16-char buffer
        var records = ReadAll(csv.ToString(), bufferSize: 16);

        // Then nothing is lost, split or miscounted
        Assert.Equal(expected, records);
    }

    private static List<(long Line, string Fields)> ReadAll(string csv, char separator = ',', int bufferSize = CsvReader.InitialBufferSize)
    {
        using var reader = new CsvReader(new StringReader(csv), separator, bufferSize: bufferSize);
        var records = new List<(long, string)>();
        while (reader.ReadRecord())
        {
            records.Add((reader.Line, string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(reader.GetString))));
        }
        return records;
    }
}
