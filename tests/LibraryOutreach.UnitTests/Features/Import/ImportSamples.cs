namespace LibraryOutreach.UnitTests.Features.Import;

internal static class ImportSamples
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Features", "Import", "Samples", name));
}
