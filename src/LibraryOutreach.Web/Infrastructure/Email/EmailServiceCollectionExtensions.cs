using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LibraryOutreach.Web.Infrastructure.Email;

public static class EmailServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddOutreachEmail(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<IOutreachEmailSender, NoEmailSender>();
        return builder;
    }
}
