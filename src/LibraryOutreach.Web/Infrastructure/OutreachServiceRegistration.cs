using LibraryOutreach.Web.Components;
using LibraryOutreach.Web.Components.Account;
using LibraryOutreach.Web.Features.Audit;
using LibraryOutreach.Web.Features.Cadence;
using LibraryOutreach.Web.Features.CalendarSync;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Features.Events;
using LibraryOutreach.Web.Features.FollowUps;
using LibraryOutreach.Web.Features.Health;
using LibraryOutreach.Web.Features.Home;
using LibraryOutreach.Web.Features.Import;
using LibraryOutreach.Web.Features.Interactions;
using LibraryOutreach.Web.Features.Organizations;
using LibraryOutreach.Web.Features.Preferences;
using LibraryOutreach.Web.Features.Reminders;
using LibraryOutreach.Web.Features.Reports;
using LibraryOutreach.Web.Features.Search;
using LibraryOutreach.Web.Features.Settings;
using LibraryOutreach.Web.Features.Setup;
using LibraryOutreach.Web.Features.Staff;
using LibraryOutreach.Web.Features.Timeline;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Data;
using LibraryOutreach.Web.Infrastructure.Drafts;
using LibraryOutreach.Web.Infrastructure.Email;
using LibraryOutreach.Web.Infrastructure.Health;
using LibraryOutreach.Web.Infrastructure.Logging;
using LibraryOutreach.Web.Infrastructure.Security;
using LibraryOutreach.Data;
using Microsoft.AspNetCore.DataProtection;
using MudBlazor.Services;
using Serilog;

namespace LibraryOutreach.Web.Infrastructure;

/// <summary>The app's composition: one <c>AddXxx</c> per area, so Program.cs stays short.</summary>
public static class OutreachServiceRegistration
{
    public static IHostApplicationBuilder AddOutreachServices(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddOutreachLogging();
        builder.AddOutreachCore();

        // Serve MudBlazor's and the app's static web assets from the build output in every environment
        // (not only Development); a published app has no build manifest and serves wwwroot as usual.
        builder.WebHost.UseStaticWebAssets();

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddScoped<FormDraftStore>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddHostedService<StartupMigrationService>();
        builder.Services.AddCalendarSyncWorker();
        builder.Services.AddHostedService<ReminderWorker>();
        builder.Services.AddHostedService<HealthRefreshWorker>();
        return builder;
    }

    /// <summary>Everything but the web UI: shared by the web host and the CLI verbs.</summary>
    public static IHostApplicationBuilder AddOutreachCore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<LibraryOptions>().BindConfiguration(LibraryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.AddOutreachData();
        builder.AddOutreachDataProtection();
        builder.AddOutreachIdentity();
        builder.AddOutreachEmail();
        builder.Services.AddScoped<DatabaseMigrator>();
        builder.Services.AddScoped<Demo.DemoDataService>();
        builder.AddSetupFeature();
        builder.AddStaffFeature();
        builder.AddAuditFeature();
        builder.AddSettingsFeature();
        builder.AddOrganizationsFeature();
        builder.AddContactsFeature();
        builder.AddEventsFeature();
        builder.AddImportFeature();
        builder.AddSearchFeature();
        builder.AddPreferencesFeature();
        builder.AddInteractionsFeature();
        builder.AddEventListFeature();
        builder.AddCalendarSyncFeature();
        builder.AddFollowUpsFeature();
        builder.AddCadenceFeature();
        builder.AddRemindersFeature();
        builder.AddHealthFeature();
        builder.AddReportsFeature();
        builder.AddTimelineFeature();
        builder.AddHomeFeature();
        return builder;
    }

    /// <summary>Keys persist in the data directory on SQLite, and in the shared database on PostgreSQL.</summary>
    private static IHostApplicationBuilder AddOutreachDataProtection(this IHostApplicationBuilder builder)
    {
        var dp = builder.Services.AddDataProtection().SetApplicationName("LibraryOutreach");
        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Provider == DatabaseProvider.Postgres)
        {
            dp.PersistKeysToDbContext<OutreachDbContext>();
        }
        else
        {
            var data = builder.Configuration.GetSection(DataOptions.SectionName).Get<DataOptions>() ?? new DataOptions();
            dp.PersistKeysToFileSystem(new DirectoryInfo(data.KeysPath));
        }

        return builder;
    }

    public static WebApplication UseOutreachPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseSecurityHeaders();
        app.UseSerilogRequestLogging(o => o.GetLevel = (ctx, _, ex) =>
            ex is not null || ctx.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
            : ctx.Request.Path.StartsWithSegments("/_blazor") || ctx.Request.Path.StartsWithSegments("/_framework") || ctx.Request.Path.StartsWithSegments("/_content")
                ? Serilog.Events.LogEventLevel.Verbose
                : Serilog.Events.LogEventLevel.Information);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapOutreachHealth();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        app.MapGoogleConsentEndpoints();
        app.MapReportEndpoints();
        app.MapSetupNotice();
        return app;
    }
}
