namespace LibraryOutreach.Web.Features.Staff;

public static class StaffServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddStaffFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }
}
