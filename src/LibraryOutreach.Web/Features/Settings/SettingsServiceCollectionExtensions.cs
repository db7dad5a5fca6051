namespace LibraryOutreach.Web.Features.Settings;

public static class SettingsServiceCollectionExtensions
{
    /// <summary>The admin-editable lists: tags, organization types, branches, event types.</summary>
    public static IHostApplicationBuilder AddSettingsFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<TagService>();
        builder.Services.AddScoped<OrganizationTypeService>();
        builder.Services.AddScoped<BranchService>();
        builder.Services.AddScoped<EventTypeService>();
        return builder;
    }
}
