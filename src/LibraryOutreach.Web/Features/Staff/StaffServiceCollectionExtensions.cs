namespace LibraryOutreach.Web.Features.Staff;

public static class StaffServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddStaffFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<StaffCapacity>();
        builder.Services.AddScoped<StaffAccountCreator>();
        builder.Services.AddScoped<InvitationService>();
        builder.Services.AddScoped<IInvitationService>(sp => sp.GetRequiredService<InvitationService>());
        builder.Services.AddScoped<StaffService>();
        builder.Services.AddScoped<IStaffService>(sp => sp.GetRequiredService<StaffService>());
        builder.Services.AddScoped<Infrastructure.Cli.IStaffInviter, CliStaffInviter>();
        return builder;
    }
}
