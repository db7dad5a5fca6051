using LibraryOutreach.Data.Auditing;
using LibraryOutreach.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LibraryOutreach.Data.Configurations;

public sealed class UserPreferenceConfiguration : IEntityTypeConfiguration<UserPreference>
{
    public const int KeyLimit = 100;
    public const int ValueLimit = 8000;

    public void Configure(EntityTypeBuilder<UserPreference> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // A person's screen settings, not outreach records.
        builder.IsNotAudited();
        builder.HasKey(p => new { p.UserId, p.Key });
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.Property(p => p.Key).HasMaxLength(KeyLimit);
        builder.Property(p => p.Value).HasMaxLength(ValueLimit).IsRequired();
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
