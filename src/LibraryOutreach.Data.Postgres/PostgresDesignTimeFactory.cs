using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LibraryOutreach.Data.Postgres;

/// <summary>Used only by <c>dotnet ef migrations add</c> with this project as the startup project. No server is contacted.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<OutreachDbContext>
{
    public OutreachDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<OutreachDbContext>()
            .UseNpgsql("Host=localhost;Database=library_outreach_design", o => o.MigrationsAssembly(typeof(PostgresDesignTimeFactory).Assembly.GetName().Name))
            .Options;
        return new OutreachDbContext(options);
    }
}
