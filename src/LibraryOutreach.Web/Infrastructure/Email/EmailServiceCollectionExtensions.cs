namespace LibraryOutreach.Web.Infrastructure.Email;

public static class EmailServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddOutreachEmail(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }
}
