using MLOps.Core.Data.Readers;
using MLOps.Core.Diagnostics;
using MLOps.Tests.Shared;
using Xunit;

namespace MLOps.Core.Tests.Data.Readers;

public sealed class FolderTableReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly DiagnosticBag _bag = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_read_the_parts_as_one_table_in_name_order_When_the_folder_holds_three_csv_parts()
    {
        // Given three CSV parts written out of order, with 2, 1 and 3 rows
        _temp.Write("data/part-0002.csv", "id,name\n4,d\n5,e\n6,f\n");
        _temp.Write("data/part-0000.csv", "id,name\n1,a\n2,b\n");
        _temp.Write("data/part-0001.csv", "id,name\n3,c\n");

        // When the folder is read
        using ITableReader reader = TableReader.Open(_temp.PathOf("data"), _bag);
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add($"{reader[0]}{reader[1]}@{reader.Location}");
        }

        // Then the six rows come part by part in ordinal order, each at its line in its own part
        Assert.Empty(_bag);
        Assert.Equal(TableFormat.Csv, reader.Format);
        Assert.Equal(["id", "name"], reader.Columns);
        Assert.Equal(["1a@2", "2b@3", "3c@2", "4d@2", "5e@3", "6f@4"], rows);
        Assert.False(reader.Stopped);
    }

    [Fact]
    public void Should_report_MLOPS1067_naming_the_part_and_skip_its_rows_When_a_part_has_another_header()
    {
        // Given a folder whose second part lacks a column and adds another
        _temp.Write("data/part-0000.csv", "id,name\n1,a\n");
        string odd = _temp.Write("data/part-0001.csv", "id,label\n2,b\n");
        _temp.Write("data/part-0002.csv", "id,name\n3,c\n");

        // When the folder is read
        using ITableReader reader = TableReader.Open(_temp.PathOf("data"), _bag);
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader[0].ToString());
        }

        // Then the odd part is reported at its header, with what it has and what was expected, and only its rows are left out
        Diagnostic d = Assert.Single(_bag);
        Assert.Equal((Codes.DataPartColumnsDiffer, odd, 1), (d.Code, d.File, d.Line));
        Assert.Contains("part 'part-0001.csv' has columns id, label, but the folder's first part 'part-0000.csv' has id, name (missing: name; not in the first part: label)", d.Message);
        Assert.Equal(["1", "3"], ids);
        Assert.True(reader.Stopped);
    }

    [Fact]
    public void Should_report_MLOPS1068_naming_the_folder_When_it_has_no_data_files()
    {
        // Given a folder with only a readme and a subfolder holding a part
        _temp.Write("data/README.md", "# exports\n");
        _temp.Write("data/year=2001/part-0000.csv", "id\n1\n");

        // When the folder is read
        using ITableReader reader = TableReader.Open(_temp.PathOf("data"), _bag);

        // Then nothing is read and the folder is reported
        Assert.False(reader.Read());
        Assert.True(reader.Stopped);
        Diagnostic d = Assert.Single(_bag);
        Assert.Equal((Codes.DataFolderHasNoDataFiles, _temp.PathOf("data")), (d.Code, d.File));
        Assert.Contains("subfolders are not read", d.Message);
    }

    [Fact]
    public void Should_read_only_the_data_files_When_the_folder_also_holds_markers_checksums_and_a_readme()
    {
        // Given a Spark-like export: parts beside _SUCCESS, .crc checksums, a hidden file, a readme and a subfolder
        _temp.Write("data/part-0000.csv", "id\n1\n");
        _temp.Write("data/part-0001.csv", "id\n2\n");
        _temp.Write("data/_SUCCESS", "");
        _temp.Write("data/.part-0000.csv.crc", "crc");
        _temp.Write("data/.hidden.csv", "other\nx\n");
        _temp.Write("data/_temporary.csv", "other\nx\n");
        _temp.Write("data/README.md", "# exports\n");
        _temp.Write("data/_temporary/0/part-0002.csv", "id\n9\n");

        // When the folder's files are listed and read
        DataFiles files = DataFiles.Of(_temp.PathOf("data"));
        using ITableReader reader = TableReader.Open(_temp.PathOf("data"), _bag);
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader[0].ToString());
        }

        // Then only the two top-level parts count
        Assert.Empty(_bag);
        Assert.Equal(["part-0000.csv", "part-0001.csv"], files.Files.Select(files.NameOf));
        Assert.Equal(["1", "2"], ids);
    }

    [Fact]
    public void Should_report_MLOPS1069_and_read_nothing_When_the_folder_mixes_csv_and_parquet()
    {
        // Given a CSV part beside a Parquet part
        _temp.Write("data/part-0000.csv", "id\n1\n");
        FlightRow.WriteParquet(_temp.PathOf("data/part-0000.parquet"), FlightRow.Generate(3));

        // When the folder is read
        using ITableReader reader = TableReader.Open(_temp.PathOf("data"), _bag);

        // Then nothing is read and the formats found are counted
        Assert.False(reader.Read());
        Diagnostic d = Assert.Single(_bag);
        Assert.Equal(Codes.DataFolderMixedFormats, d.Code);
        Assert.Contains("(1 .csv, 1 .parquet)", d.Message);
    }

    [Fact]
    public void Should_read_later_json_lines_parts_by_the_first_parts_property_names_When_no_columns_are_asked_for()
    {
        // Given two JSON Lines parts whose objects list their properties in different orders
        _temp.Write("data/a.jsonl", "{\"x\": 1, \"y\": \"a\"}\n");
        _temp.Write("data/b.jsonl", "{\"y\": \"b\", \"x\": 2}\n");

        // When the folder is read without a column list
        using ITableReader reader = TableReader.Open(_temp.PathOf("data"), _bag);
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add($"{reader[0]}|{reader[1]}");
        }

        // Then both parts fill the first part's columns by name, with no diagnostic
        Assert.Empty(_bag);
        Assert.Equal(["x", "y"], reader.Columns);
        Assert.Equal(["1|a", "2|b"], rows);
    }
}
