using BenchmarkDotNet.Attributes;
using LibraryOutreach.Benchmarks.Data;
using LibraryOutreach.Benchmarks.Infrastructure;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Contacts;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryOutreach.Benchmarks.Features.Contacts;

/// <summary>
/// The contacts page's server side: <see cref="IContactService.ListAsync"/> as <c>ContactsPage</c> calls it (50 rows a
/// page), on 50,000 contacts and 5,000 organizations (<see cref="OutreachDataSize.Library"/>), as an Admin, in one
/// scope like one circuit. The tag filter is <see cref="OutreachDataGenerator.FilterTagName"/>, the most used tag.
/// The search benchmarks are the page's search box (prefix of a name, email or phone digits).
/// Run: dotnet run -c Release --project tests/LibraryOutreach.Benchmarks -- --filter '*ContactListBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class ContactListBenchmarks
{
    private const int PageSize = 50;
    private string _directory = "";
    private BenchmarkApp _app = null!;
    private AsyncServiceScope _scope;
    private IContactService _contacts = null!;
    private Guid _tagId;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "lo-bench-" + Guid.NewGuid().ToString("N"));
        new OutreachDataGenerator(OutreachDataSize.Library).CopyToAsync(_directory).GetAwaiter().GetResult();
        _app = BenchmarkApp.Create(_directory);
        _scope = _app.ScopeAs(OutreachDataGenerator.AdminUserId, OutreachDataGenerator.AdminDisplayName, Roles.Admin);
        _contacts = _scope.ServiceProvider.GetRequiredService<IContactService>();
        _tagId = _contacts.ListTagsAsync().GetAwaiter().GetResult().Single(t => t.Name == OutreachDataGenerator.FilterTagName).Id;
        var tagged = _contacts.ListAsync(new ContactQuery { TagId = _tagId, PageSize = 1 }).GetAwaiter().GetResult().Total;
        Console.WriteLine($"// {tagged} active contacts carry the tag {OutreachDataGenerator.FilterTagName}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _scope.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _app.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public Task<ContactResults> FirstPage_ByName_Tagged() =>
        _contacts.ListAsync(new ContactQuery { TagId = _tagId, Sort = ContactSort.Name, PageSize = PageSize });

    [Benchmark]
    public Task<ContactResults> FirstPage_ByOrganization_Tagged() =>
        _contacts.ListAsync(new ContactQuery { TagId = _tagId, Sort = ContactSort.Organization, PageSize = PageSize });

    [Benchmark]
    public Task<ContactResults> Page40_ByName_Tagged() =>
        _contacts.ListAsync(new ContactQuery { TagId = _tagId, Sort = ContactSort.Name, Page = 40, PageSize = PageSize });

    [Benchmark]
    public Task<ContactResults> FirstPage_ByName_All() =>
        _contacts.ListAsync(new ContactQuery { Sort = ContactSort.Name, PageSize = PageSize });

    [Benchmark]
    public Task<ContactResults> Search_Name() =>
        _contacts.ListAsync(new ContactQuery { Text = "mar", Sort = ContactSort.Name, PageSize = PageSize });

    [Benchmark]
    public Task<ContactResults> Search_Phone() =>
        _contacts.ListAsync(new ContactQuery { Text = "(617) 55", Sort = ContactSort.Name, PageSize = PageSize });
}
