using LibraryOutreach.Data.Auditing;
using LibraryOutreach.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LibraryOutreach.Data.Configurations;

public sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
        builder.Property(u => u.PasswordHash).IsAuditSecret();
        builder.Property(u => u.SecurityStamp).IsAuditIgnored();
        builder.Property(u => u.ConcurrencyStamp).IsAuditIgnored();
        builder.Property(u => u.NormalizedEmail).IsAuditIgnored();
        builder.Property(u => u.NormalizedUserName).IsAuditIgnored();
        builder.Property(u => u.AccessFailedCount).IsAuditIgnored();
        builder.Property(u => u.LastSignInAt).IsAuditIgnored();
        builder.HasIndex(u => u.IsActive);
    }
}

public sealed class UserTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<string>> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(t => t.Value).IsAuditSecret();
    }
}

public sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(r => r.ConcurrencyStamp).IsAuditIgnored();

        // The three roles are part of the schema: seeded by migration, with fixed ids.
        builder.HasData(
            new IdentityRole { Id = "role-admin", Name = Roles.Admin, NormalizedName = "ADMIN", ConcurrencyStamp = "role-admin" },
            new IdentityRole { Id = "role-supervisor", Name = Roles.Supervisor, NormalizedName = "SUPERVISOR", ConcurrencyStamp = "role-supervisor" },
            new IdentityRole { Id = "role-staff", Name = Roles.Staff, NormalizedName = "STAFF", ConcurrencyStamp = "role-staff" });
    }
}
