using LibraryOutreach.Web.Features.Import.Parsing;

namespace LibraryOutreach.UnitTests.Features.Import;

public class CsvTableTests
{
    [Fact]
    public void Parse_QuotedFieldsWithNewlinesDelimitersAndDoubledQuotes_KeepsThemInOneField()
    {
        var table = CsvTable.Parse("Name,Notes\r\n\"Lopez, Maria\",\"Line one\r\nSays \"\"hi\"\"\"\r\nTom,plain\r\n", ',');

        Assert.Equal(["Name", "Notes"], table.Headers);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(["Lopez, Maria", "Line one\r\nSays \"hi\""], table.Rows[0].Fields);
        Assert.Equal(["Tom", "plain"], table.Rows[1].Fields);
    }

    [Fact]
    public void Parse_RowNumbers_CountDataRowsFromOneAndSkipBlankLines()
    {
        var table = CsvTable.Parse("A;B\n1;x\n\n3;\"multi\nline\"\n4;y", ';');

        Assert.Equal([1, 3, 4], table.Rows.Select(r => r.RowNumber));
        Assert.Equal("multi\nline", table.Rows[1].Fields[1]);
        Assert.Equal(["4", "y"], table.Rows[2].Fields);
    }

    [Fact]
    public void Parse_EmptyTrailingFieldsAndShortRows_AreEmptyStrings()
    {
        var table = CsvTable.Parse("A\tB\tC\n1\t\t\n2", '\t');

        Assert.Equal(["1", "", ""], table.Rows[0].Fields);
        Assert.Equal("", table.Rows[1].Get(2));
    }

    [Fact]
    public void Parse_EmptyText_HasNoHeadersOrRows()
    {
        var table = CsvTable.Parse("", ',');

        Assert.Empty(table.Headers);
        Assert.Empty(table.Rows);
    }
}
