namespace LibraryOutreach.Web.Features.Home;

/// <summary>The home page's figures (see <see cref="DashboardService"/>); an interface so component tests can fake it.</summary>
public interface IDashboardService
{
    Task<Dashboard> GetAsync(CancellationToken ct = default);
}
