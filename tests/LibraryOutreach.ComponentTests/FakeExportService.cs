using LibraryOutreach.Web.Features.Export;

namespace LibraryOutreach.ComponentTests;

/// <summary>Records which records a page asked to export, and returns a recognisable file.</summary>
public sealed class FakeExportService : IExportService
{
    public List<(string Format, IReadOnlyCollection<Guid>? Ids)> Calls { get; } = [];

    public Task<string> ContactsCsvAsync(IReadOnlyCollection<Guid>? ids, CancellationToken ct) => Record("contacts-csv", ids);

    public Task<string> ContactsVCardAsync(IReadOnlyCollection<Guid>? ids, CancellationToken ct) => Record("contacts-vcard", ids);

    public Task<string> OrganizationsCsvAsync(IReadOnlyCollection<Guid>? ids, CancellationToken ct) => Record("organizations-csv", ids);

    private Task<string> Record(string format, IReadOnlyCollection<Guid>? ids)
    {
        Calls.Add((format, ids));
        return Task.FromResult(format + ":" + ids?.Count);
    }
}
