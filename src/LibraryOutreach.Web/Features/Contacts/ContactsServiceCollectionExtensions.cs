namespace LibraryOutreach.Web.Features.Contacts;

public static class ContactsServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddContactsFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<ContactService>();
        builder.Services.AddScoped<IContactService>(sp => sp.GetRequiredService<ContactService>());
        builder.Services.AddScoped<AffiliationService>();
        builder.Services.AddScoped<CommitteeSeatService>();
        builder.Services.AddScoped<ContactMergeService>();
        builder.Services.AddScoped<IContactMergeService>(sp => sp.GetRequiredService<ContactMergeService>());
        return builder;
    }
}
