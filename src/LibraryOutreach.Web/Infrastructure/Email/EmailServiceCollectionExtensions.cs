namespace LibraryOutreach.Web.Infrastructure.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>Optional SMTP email: <see cref="IOutreachEmailSender.IsConfigured"/> tells callers whether it is set up.</summary>
    public static IHostApplicationBuilder AddOutreachEmail(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IOutreachEmailSender, SmtpEmailSender>();
        return builder;
    }
}
