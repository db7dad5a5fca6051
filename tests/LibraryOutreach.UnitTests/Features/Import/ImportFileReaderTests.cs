using System.Text;
using LibraryOutreach.Web.Features.Import.Parsing;

namespace LibraryOutreach.UnitTests.Features.Import;

public class ImportFileReaderTests
{
    private const string Csv = "First Name,Last Name\r\nRenée,Dubé\r\n";

    [Fact]
    public void Read_Utf8WithBom_DecodesAndDropsTheBom()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Csv)];

        var file = ImportFileReader.Read(bytes);

        Assert.Equal(Csv, file.Text);
        Assert.Equal("UTF-8", file.EncodingName);
    }

    [Fact]
    public void Read_Utf8WithoutBom_IsUtf8()
    {
        var file = ImportFileReader.Read(Encoding.UTF8.GetBytes(Csv));

        Assert.Equal(Csv, file.Text);
        Assert.Equal("UTF-8", file.EncodingName);
    }

    [Fact]
    public void Read_Utf16LittleEndianWithBom_Decodes()
    {
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Csv)];

        var file = ImportFileReader.Read(bytes);

        Assert.Equal(Csv, file.Text);
        Assert.Equal("UTF-16 LE", file.EncodingName);
    }

    [Fact]
    public void Read_Utf16BigEndianWithBom_Decodes()
    {
        byte[] bytes = [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Csv)];

        var file = ImportFileReader.Read(bytes);

        Assert.Equal(Csv, file.Text);
        Assert.Equal("UTF-16 BE", file.EncodingName);
    }

    [Fact]
    public void Read_Windows1252_DecodesAccentedLetters()
    {
        // "Renée" in Windows-1252: é is the single byte 0xE9, which is not valid UTF-8 on its own.
        byte[] bytes = [.. "First Name,Last Name\r\nRen"u8, 0xE9, .. "e,Dub"u8, 0xE9, .. "\r\n"u8];

        var file = ImportFileReader.Read(bytes);

        Assert.Equal(Csv, file.Text);
        Assert.Equal("Windows-1252", file.EncodingName);
    }

    [Theory]
    [InlineData("a,b,c\n1,2,3", ',')]
    [InlineData("a;b;c\n1;2;3", ';')]
    [InlineData("a\tb\tc\n1\t2\t3", '\t')]
    [InlineData("\"x,y\";b;c\n1;2;3", ';')]
    [InlineData("single", ',')]
    public void SniffDelimiter_HeaderLine_PicksTheMostFrequentOutsideQuotes(string text, char expected) =>
        Assert.Equal(expected, ImportFileReader.SniffDelimiter(text));
}
