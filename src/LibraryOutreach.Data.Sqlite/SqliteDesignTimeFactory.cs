using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LibraryOutreach.Data.Sqlite;

/// <summary>Used only by <c>dotnet ef migrations add</c> with this project as the startup project.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<OutreachDbContext>
{
    public OutreachDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<OutreachDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(typeof(SqliteDesignTimeFactory).Assembly.GetName().Name))
            .Options;
        return new OutreachDbContext(options);
    }
}
