namespace LibraryOutreach.Web.Features.Export;

/// <summary>The list pages' exports: see <see cref="ExportService"/>.</summary>
public interface IExportService
{
    Task<string> ContactsCsvAsync(IReadOnlyCollection<Guid>? ids, CancellationToken ct);

    Task<string> ContactsVCardAsync(IReadOnlyCollection<Guid>? ids, CancellationToken ct);

    Task<string> OrganizationsCsvAsync(IReadOnlyCollection<Guid>? ids, CancellationToken ct);
}
