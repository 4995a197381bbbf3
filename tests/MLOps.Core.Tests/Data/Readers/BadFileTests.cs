using System.Text;
using MLOps.Core.Data.Readers;
using MLOps.Core.Data.Schema;
using MLOps.Core.Data.Validation;
using MLOps.Core.Diagnostics;
using MLOps.Tests.Shared;
using Parquet;
using Xunit;

namespace MLOps.Core.Tests.Data.Readers;

/// <summary>
/// The bad-file corpus: every kind of broken data file gets its own code at its place, never an exception.
/// Files are generated here (including the 100 MB line) rather than committed.
/// </summary>
public sealed class BadFileTests : IDisposable
{
    private static readonly TableSchema Schema = new(
    [
        new ColumnSchema("id", ColumnType.Integer),
        new ColumnSchema("score", ColumnType.Float, Nullable: true),
        new ColumnSchema("name", ColumnType.Categorical, Nullable: true),
    ], "schema.json");

    private static readonly TableSchema NumbersSchema = new([.. Schema.Columns.Take(2)], "schema.json");

    private readonly TempFolder _temp = new();
    private readonly DiagnosticBag _bag = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string, string, int, int, long> TextCorpus => new()
    {
        // file, content, code, line, column, rows read
        { "empty.csv", "", Codes.DataFileEmpty, 0, 0, 0 },
        { "header-only.csv", "id,score,name\n", Codes.DataFileEmpty, 0, 0, 0 },
        { "empty.jsonl", "\n  \n", Codes.DataFileEmpty, 0, 0, 0 },
        { "ragged.csv", "id,score,name\n1,2,x\n2,3\n", Codes.RowFieldCountMismatch, 3, 0, 2 },
        { "open-quote.csv", "id,score,name\n1,2,x\n2,3,\"never closed\n3,4,y\n", Codes.UnterminatedQuote, 3, 3, 1 },
        { "header-mismatch.csv", "id,points,name\n1,2,x\n", Codes.HeaderMissingColumn, 1, 0, 1 },
        { "duplicate-header.csv", "id,score,name,score\n1,2,x,3\n", Codes.HeaderDuplicateColumn, 1, 4, 1 },
        { "duplicate-property.jsonl", "{\"id\": 1}\n{\"id\": 2, \"name\": \"a\", \"name\": \"b\"}\n", Codes.HeaderDuplicateColumn, 2, 0, 2 },
        { "nan.csv", "id,score,name\n1,NaN,x\n", Codes.ValueOutOfTypeRange, 2, 2, 1 },
        { "infinity.csv", "id,score,name\n1,-Infinity,x\n", Codes.ValueOutOfTypeRange, 2, 2, 1 },
        { "float-overflow.csv", "id,score,name\n1,1e400,x\n", Codes.ValueOutOfTypeRange, 2, 2, 1 },
        { "integer-overflow.csv", "id,score,name\n99999999999999999999,1,x\n", Codes.ValueOutOfTypeRange, 2, 1, 1 },
        { "integer-overflow.jsonl", "{\"id\": 99999999999999999999}\n", Codes.ValueOutOfTypeRange, 1, 1, 1 },
        { "float-overflow.jsonl", "{\"id\": 1, \"score\": -1e400}\n", Codes.ValueOutOfTypeRange, 1, 2, 1 },
        { "array.jsonl", "{\"id\": 1}\n[1, 2]\n{\"id\": 3}\n", Codes.JsonLineNotObject, 2, 0, 2 },
        { "scalar.jsonl", "\"id\"\n{\"id\": 2}\n", Codes.JsonLineNotObject, 1, 0, 1 },
        { "malformed.jsonl", "{\"id\": 1}\n{\"id\": \n{\"id\": 3}\n", Codes.JsonLineNotObject, 2, 0, 2 },
        { "trailing.jsonl", "{\"id\": 1} {\"id\": 2}\n{\"id\": 3}\n", Codes.JsonLineNotObject, 1, 0, 1 },
    };

    [Theory]
    [MemberData(nameof(TextCorpus))]
    public void Should_report_its_code_at_its_place_When_a_text_file_is_bad(string file, string content, string code, int line, int column, long rows)
    {
        // Given a broken file
        string path = _temp.Write(file, content);

        // When it is validated
        ValidationReport report = DataValidator.Validate(path, Schema, _bag);

        // Then exactly one diagnostic says what and where, and the good records are still read
        Diagnostic d = Assert.Single(_bag);
        Assert.Equal((code, path, line, column), (d.Code, d.File, d.Line, d.Column));
        Assert.Equal((rows, 1L), (report.RowsRead, report.ErrorCount));
    }

    [Fact]
    public void Should_report_MLOPS1014_at_the_line_and_stop_When_a_csv_file_is_not_utf8()
    {
        // Given a Latin-1 "é" on line 3
        string path = Bytes("latin1.csv", [.. "id,score,name\n1,2,ok\n2,3,caf"u8, 0xE9, .. "\n3,4,x\n"u8]);

        // When it is validated
        ValidationReport report = DataValidator.Validate(path, Schema, _bag);

        // Then the bad byte is reported on its line, with its offset, and nothing after it is read
        Diagnostic d = Assert.Single(_bag);
        Assert.Equal((Codes.DataNotUtf8, 3), (d.Code, d.Line));
        Assert.Contains("0xE9 at byte offset 28", d.Message);
        Assert.Equal(1L, report.RowsRead);
    }

    [Fact]
    public void Should_report_MLOPS1014_on_line_1_When_a_csv_file_is_utf16()
    {
        // Given a file saved as UTF-16 with its BOM
        string path = Bytes("utf16.csv", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("id,score,name\n1,2,x\n")).ToArray());

        // When it is validated
        DataValidator.Validate(path, Schema, _bag);

        // Then it is not UTF-8, from the first line
        Diagnostic d = Assert.Single(_bag);
        Assert.Equal((Codes.DataNotUtf8, 1), (d.Code, d.Line));
    }

    [Fact]
    public void Should_skip_only_the_bad_line_When_a_json_lines_file_has_bytes_that_are_not_utf8()
    {
        // Given a Latin-1 byte inside a string on line 2 of 3
        string path = Bytes("latin1.jsonl", [.. "{\"id\": 1}\n{\"id\": 2, \"name\": \"caf"u8, 0xE9, .. "\"}\n{\"id\": 3}\n"u8]);

        // When it is validated
        ValidationReport report = DataValidator.Validate(path, Schema, _bag);

        // Then line 2 is reported and the others are read
        Diagnostic d = Assert.Single(_bag);
        Assert.Equal((Codes.DataNotUtf8, 2), (d.Code, d.Line));
        Assert.Equal(2L, report.RowsRead);
    }

    [Theory]
    [InlineData("huge.csv")]
    [InlineData("huge.jsonl")]
    public void Should_report_MLOPS1015_and_read_on_When_one_line_is_100_MB(string file)
    {
        // Given a 100 MB line between two good records
        bool csv = file.EndsWith(".csv", StringComparison.Ordinal);
        string path = _temp.PathOf(file);
        using (var stream = new FileStream(path, FileMode.Create))
        {
            stream.Write(csv ? "id,score,name\n1,2,x\n3,4,"u8 : "{\"id\": 1}\n{\"id\": 3, \"name\": \""u8);
            byte[] chunk = new byte[1 << 20];
            Array.Fill(chunk, (byte)'x');
            for (int i = 0; i < 100; i++)
            {
                stream.Write(chunk);
            }
            stream.Write(csv ? "\n5,6,y\n"u8 : "\"}\n{\"id\": 5}\n"u8);
        }

        // When it is validated
        ValidationReport report = DataValidator.Validate(path, Schema, _bag);

        // Then the long line is reported and skipped, and the records around it are read with their own lines
        Diagnostic d = Assert.Single(_bag);
        Assert.Equal((Codes.RecordTooLong, csv ? 3 : 2), (d.Code, d.Line));
        Assert.Equal((2L, 1L), (report.RowsRead, report.ErrorCount));
    }

    [Fact]
    public void Should_resume_at_the_next_line_break_with_exact_line_numbers_When_a_skipped_record_has_line_breaks_inside_quotes()
    {
        // Given a record over a 64-char limit whose quoted field spans lines 2 to 4, where the limit falls on line 3
        string csv = "a,b\n1,\"" + new string('x', 40) + "\n" + new string('y', 40) + "\nz\",2 tail\n3,4\n\n5,6\n";
        using var reader = new CsvReader(new StringReader(csv), ',', _bag, "d.csv", bufferSize: 16, maxRecordLength: 64);

        // When it is read
        var records = new List<(long, string)>();
        while (reader.ReadRecord())
        {
            records.Add((reader.Line, reader.GetString(0)));
        }

        // Then the record is reported where it starts, reading resumes after the line break that follows the limit
        // (line 4, read as text: its quote does not start a field), and line numbers stay exact
        Diagnostic d = Assert.Single(_bag);
        Assert.Equal((Codes.RecordTooLong, 2), (d.Code, d.Line));
        Assert.Equal([(1L, "a"), (4L, "z\""), (5L, "3"), (7L, "5")], records);
    }

    [Fact]
    public void Should_report_MLOPS1066_at_the_row_When_a_parquet_float_is_NaN()
    {
        // Given a Parquet file whose second row has a NaN score
        string path = WriteParquet("nan.parquet", [1, 2, 3], [0.5, double.NaN, 1.5]);

        // When it is validated
        ValidationReport report = DataValidator.Validate(path, NumbersSchema, _bag);

        // Then the line is the row, and the message says so
        Diagnostic d = Assert.Single(_bag);
        Assert.Equal((Codes.ValueOutOfTypeRange, 2, 2), (d.Code, d.Line, d.Column));
        Assert.StartsWith("row 2: column 'score' value 'NaN'", d.Message);
        Assert.Equal(3L, report.RowsRead);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("not-parquet")]
    [InlineData("empty")]
    public void Should_report_MLOPS1017_When_a_parquet_file_is_unreadable(string damage)
    {
        // Given a Parquet file cut in half, a CSV file named .parquet, or an empty file
        string good = WriteParquet("good.parquet", [1, 2, 3], [0.5, 1, 1.5]);
        byte[] bytes = File.ReadAllBytes(good);
        string path = Bytes("bad.parquet", damage switch
        {
            "truncated" => bytes[..(bytes.Length / 2)],
            "not-parquet" => "id,score\n1,2\n"u8.ToArray(),
            _ => [],
        });

        // When it is validated
        ValidationReport report = DataValidator.Validate(path, NumbersSchema, _bag);

        // Then it is reported once, without a row, and nothing else is said
        Diagnostic d = Assert.Single(_bag);
        Assert.Equal((Codes.ParquetFileInvalid, path, 0), (d.Code, d.File, d.Line));
        Assert.Equal((0L, 1L), (report.RowsRead, report.ErrorCount));
    }

    [Fact]
    public void Should_read_the_row_groups_before_the_damage_When_a_parquet_row_group_is_corrupt()
    {
        // Given two row groups of 3 rows, the second one's first page overwritten
        string path = WriteParquet("two.parquet", [1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6], rowGroupSize: 3);
        long offset = FirstPageOffset(path, rowGroup: 1);
        byte[] bytes = File.ReadAllBytes(path);
        Array.Fill(bytes, (byte)0xFF, (int)offset, 12);
        File.WriteAllBytes(path, bytes);

        // When it is validated
        ValidationReport report = DataValidator.Validate(path, NumbersSchema, _bag);

        // Then the first group's rows are read and the damage is reported at the row where the second one starts
        Diagnostic d = Assert.Single(_bag);
        Assert.Equal((Codes.ParquetFileInvalid, 4), (d.Code, d.Line));
        Assert.StartsWith("row 4: row group 2 of 2", d.Message);
        Assert.Equal(3L, report.RowsRead);
    }

    [Fact]
    public void Should_report_MLOPS1004_When_a_parquet_file_has_no_rows()
    {
        // Given a Parquet file with its columns and no rows
        string path = WriteParquet("none.parquet", [], []);

        // When it is validated
        ValidationReport report = DataValidator.Validate(path, NumbersSchema, _bag);

        // Then it is empty, not broken
        Diagnostic d = Assert.Single(_bag);
        Assert.Equal((Codes.DataFileEmpty, 0), (d.Code, d.Line));
        Assert.Equal(0L, report.RowsRead);
    }

    private string Bytes(string name, byte[] content)
    {
        string path = _temp.PathOf(name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private string WriteParquet(string name, int[] ids, double[] scores, int rowGroupSize = 1000)
    {
        string path = _temp.PathOf(name);
        var id = new Parquet.Schema.DataField<int>("id");
        var score = new Parquet.Schema.DataField<double>("score");
        Task.Run(async () =>
        {
            using FileStream stream = File.Create(path);
            await using ParquetWriter writer = await ParquetWriter.CreateAsync(new Parquet.Schema.ParquetSchema(id, score), stream);
            for (int start = 0; start < ids.Length; start += rowGroupSize)
            {
                int count = Math.Min(rowGroupSize, ids.Length - start);
                using ParquetRowGroupWriter group = writer.CreateRowGroup();
                await group.WriteAsync<int>(id, ids.AsMemory(start, count));
                await group.WriteAsync<double>(score, scores.AsMemory(start, count));
            }
        }).GetAwaiter().GetResult();
        return path;
    }

    private static long FirstPageOffset(string path, int rowGroup) => Task.Run(async () =>
    {
        await using ParquetReader reader = await ParquetReader.CreateAsync(path);
        var meta = reader.Metadata!.RowGroups[rowGroup].Columns[0].MetaData!;
        return meta.DictionaryPageOffset ?? meta.DataPageOffset;
    }).GetAwaiter().GetResult();
}
