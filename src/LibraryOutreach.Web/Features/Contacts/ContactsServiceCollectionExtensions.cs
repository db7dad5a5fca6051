namespace LibraryOutreach.Web.Features.Contacts;

public static class ContactsServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddContactsFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }
}
