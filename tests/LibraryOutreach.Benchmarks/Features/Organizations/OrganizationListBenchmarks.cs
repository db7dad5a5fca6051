using BenchmarkDotNet.Attributes;
using LibraryOutreach.Benchmarks.Data;
using LibraryOutreach.Benchmarks.Infrastructure;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Features.Organizations;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.Benchmarks.Features.Organizations;

/// <summary>
/// The organizations page's server side: <see cref="IOrganizationService.ListAsync"/> as <c>OrganizationsPage</c>
/// calls it (50 rows a page), on 5,000 organizations and 50,000 contacts (<see cref="OutreachDataSize.Library"/>), as
/// an Admin, in one scope like one circuit. The tag filter is <see cref="OutreachDataGenerator.FilterTagName"/>.
/// Run: dotnet run -c Release --project tests/LibraryOutreach.Benchmarks -- --filter '*OrganizationListBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class OrganizationListBenchmarks
{
    private const int PageSize = 50;
    private string _directory = "";
    private BenchmarkApp _app = null!;
    private AsyncServiceScope _scope;
    private IOrganizationService _organizations = null!;
    private Guid _tagId;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "lo-bench-" + Guid.NewGuid().ToString("N"));
        new OutreachDataGenerator(OutreachDataSize.Library).CopyToAsync(_directory).GetAwaiter().GetResult();
        _app = BenchmarkApp.Create(_directory);
        _scope = _app.ScopeAs(OutreachDataGenerator.AdminUserId, OutreachDataGenerator.AdminDisplayName, Roles.Admin);
        _organizations = _scope.ServiceProvider.GetRequiredService<IOrganizationService>();
        _tagId = _scope.ServiceProvider.GetRequiredService<IContactService>().ListTagsAsync().GetAwaiter().GetResult()
            .Single(t => t.Name == OutreachDataGenerator.FilterTagName).Id;
        var tagged = _organizations.ListAsync(new OrganizationQuery { TagId = _tagId, PageSize = 1 }).GetAwaiter().GetResult().TotalCount;
        Console.WriteLine($"// {tagged} active organizations carry the tag {OutreachDataGenerator.FilterTagName}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _scope.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _app.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public Task<OrganizationListResult> FirstPage_ByName_Tagged() =>
        _organizations.ListAsync(new OrganizationQuery { TagId = _tagId, Sort = OrganizationSort.Name, PageSize = PageSize });

    [Benchmark]
    public Task<OrganizationListResult> FirstPage_ByType_Tagged() =>
        _organizations.ListAsync(new OrganizationQuery { TagId = _tagId, Sort = OrganizationSort.Type, PageSize = PageSize });

    [Benchmark]
    public Task<OrganizationListResult> Page10_ByName_Tagged() =>
        _organizations.ListAsync(new OrganizationQuery { TagId = _tagId, Sort = OrganizationSort.Name, Page = 10, PageSize = PageSize });

    [Benchmark]
    public Task<OrganizationListResult> FirstPage_ByName_All() =>
        _organizations.ListAsync(new OrganizationQuery { Sort = OrganizationSort.Name, PageSize = PageSize });

    [Benchmark]
    public Task<OrganizationListResult> Search_Name() =>
        _organizations.ListAsync(new OrganizationQuery { Text = "spring", Sort = OrganizationSort.Name, PageSize = PageSize });
}
