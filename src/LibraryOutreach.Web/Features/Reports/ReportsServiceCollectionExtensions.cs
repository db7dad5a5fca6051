namespace LibraryOutreach.Web.Features.Reports;

public static class ReportsServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddReportsFeature(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<ReportService>();
        builder.Services.AddScoped<IReportService>(sp => sp.GetRequiredService<ReportService>());
        return builder;
    }
}
