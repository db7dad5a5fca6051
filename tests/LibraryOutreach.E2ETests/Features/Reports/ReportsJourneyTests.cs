using System.Text;
using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.E2ETests.Infrastructure;
using LibraryOutreach.IntegrationTests.Infrastructure;
using LibraryOutreach.Web.Features.Reports;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LibraryOutreach.E2ETests.Features.Reports;

/// <summary>
/// A supervisor opens Reports, runs last fiscal year, reads the table, downloads the CSV (whose totals match the page),
/// picks a notable outcome and opens the print version with it — in Chromium against the real server.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public class ReportsJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Supervisor_RunsLastFiscalYear_DownloadsCsvThatMatches_AndPrintsWithAnOutcome()
    {
        await using var app = await LiveApp.StartAsync();
        await app.Factory.CreateUserAsync("sue@library.test", Roles.Supervisor, "Sue Supervisor");
        var year = ReportPeriods.For(ReportPreset.LastFiscalYear, LibraryTime.Today(TimeProvider.System), 7);
        await app.Factory.WithDbAsync(async db =>
        {
            OutreachEvent Event(string title, DateOnly day, LibraryRole role, int? attendance, string? outcomes = null) => new()
            {
                Title = title, TypeId = EventTypeConfiguration.Defaults[0].Id, StartDate = day, EndDate = day, LibraryRole = role,
                AudienceAgeGroup = AudienceAgeGroup.Children, Attendance = attendance, Outcomes = outcomes,
            };
            db.OutreachEvents.AddRange(
                Event("Storytime in the park", year.From, LibraryRole.Sponsor, 25, "Three families asked for library cards"),
                Event("Farmers market table", year.To, LibraryRole.ParticipantGuest, null),
                Event("Outside the year", year.To.AddDays(1), LibraryRole.Sponsor, 999));
            await db.SaveChangesAsync();
        });
        await using var context = await browser.Browser.NewContextAsync(new() { AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var errors = page.CollectConsoleErrors();
        await page.GotoAsync(app.Url("/"));
        await page.GetByLabel("Email").FillAsync("sue@library.test");
        await page.GetByLabel("Password").FillAsync(OutreachAppFactory.DefaultPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.Url("/"));
        await page.WaitForInteractiveAsync();

        // 1. Reports from the navigation; last fiscal year is the period it starts on.
        await page.GetByRole(AriaRole.Link, new() { Name = "Reports" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.Url("/reports"));
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("report-run").ClickAsync();
        await Expect(page.GetByTestId("report-result")).ToContainTextAsync(ReportPeriods.FiscalYearName(year.From));

        var events = page.Locator("[data-testid=report-line][data-measure='Events'][data-section='Events'] [data-column=total]");
        await Expect(events).ToHaveAttributeAsync("data-value", "2");
        var attendance = page.Locator("[data-testid=report-line][data-measure='Attendance'] [data-column=total]");
        await Expect(attendance).ToHaveAttributeAsync("data-value", "25");
        await Expect(attendance).ToContainTextAsync("1 event not recorded");
        await Expect(page.Locator("[data-testid=report-line][data-measure='Attendance'] [data-column=outreach]")).ToContainTextAsync("Not recorded");

        // 2. The CSV download says what the page says.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-csv").ClickAsync());
        var path = await download.PathAsync();
        var csv = (await File.ReadAllTextAsync(path, Encoding.UTF8)).TrimStart('\uFEFF');
        var table = LibraryOutreach.Web.Features.Import.Parsing.CsvTable.Parse(csv, ',');
        var rows = new[] { table.Headers.ToArray() }.Concat(table.Rows.Select(r => r.Fields.ToArray())).ToList();
        Assert.Equal("2", rows.Single(r => r.Length == 8 && r[0] == "Events" && r[1] == "Events")[4]);
        var csvAttendance = rows.Single(r => r.Length == 8 && r[0] == "Attendance" && r[1] == "Attendance");
        Assert.Equal((await attendance.GetAttributeAsync("data-value"), "1"), (csvAttendance[4], csvAttendance[7]));
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);

        // 3. Pick the outcome, open the print version: the library, the year, the table and the outcome; no navigation.
        await page.GetByTestId("report-outcome").GetByRole(AriaRole.Checkbox).CheckAsync();
        var print = await context.RunAndWaitForPageAsync(() => page.GetByTestId("report-print").ClickAsync());
        await print.WaitForLoadStateAsync();
        await Expect(print.GetByTestId("report-print-title")).ToContainTextAsync(ReportPeriods.FiscalYearName(year.From));
        await Expect(print.GetByTestId("report-print-outcomes")).ToContainTextAsync("Three families asked for library cards");
        await Expect(print.Locator("[data-testid=report-line][data-measure='Attendance'] [data-column=total]")).ToHaveAttributeAsync("data-value", "25");
        await Expect(print.Locator(".mud-appbar")).ToHaveCountAsync(0);
        await Expect(print.Locator(".mud-drawer")).ToHaveCountAsync(0);
        Assert.Empty(errors);
    }
}
