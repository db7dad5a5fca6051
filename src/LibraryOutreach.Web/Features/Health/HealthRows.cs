using System.Globalization;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Cadence;

namespace LibraryOutreach.Web.Features.Health;

/// <summary>Turns stored <see cref="RelationshipHealthRow"/>s into <see cref="RelationshipHealth"/> records and back.</summary>
public static class HealthRows
{
    /// <summary>"library,partner,mutual,events" per period, oldest first, joined by ";".</summary>
    public static string FormatQuarters(IEnumerable<QuarterTouches> quarters) =>
        string.Join(';', quarters.Select(q => string.Create(CultureInfo.InvariantCulture, $"{q.Library},{q.Partner},{q.Mutual},{q.Events}")));

    /// <summary>The periods of a stored row: counts from the text, dates from the day it was computed for.</summary>
    public static IReadOnlyList<QuarterTouches> ParseQuarters(string text, DateOnly computedFor)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Length == 0 ? [] : text.Split(';');
        var bounds = HealthCalculator.Quarters([], computedFor, parts.Length * 3);
        var result = new List<QuarterTouches>(parts.Length);
        for (var k = 0; k < parts.Length; k++)
        {
            var counts = parts[k].Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
            result.Add(bounds[k] with { Library = counts[0], Partner = counts[1], Mutual = counts[2], Events = counts[3] });
        }

        return result;
    }

    public static IReadOnlyList<HealthWarning> Flags(RelationshipHealthRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var flags = new List<HealthWarning>(3);
        if (row.LibraryAlwaysReachesOut)
        {
            flags.Add(HealthWarning.LibraryAlwaysReachesOut);
        }

        if (row.LibrarySlowToAnswer)
        {
            flags.Add(HealthWarning.LibrarySlowToAnswer);
        }

        if (row.Neglected)
        {
            flags.Add(HealthWarning.Neglected);
        }

        return flags;
    }

    public static RelationshipHealth ToModel(RelationshipHealthRow row, string? ownerName)
    {
        ArgumentNullException.ThrowIfNull(row);
        var attributed = row.LibraryTouches + row.PartnerTouches + row.MutualTouches;
        double? Share(int count) => attributed == 0 ? null : (double)count / attributed;
        return new RelationshipHealth(
            (RelationshipKind)row.Kind,
            row.EntityId,
            row.Name,
            row.OwnerId,
            ownerName,
            row.ComputedFor,
            row.WindowFrom,
            row.TouchesInWindow,
            row.LibraryTouches,
            row.PartnerTouches,
            row.MutualTouches,
            row.EventTouches,
            Share(row.LibraryTouches),
            row.PartnerShare,
            Share(row.MutualTouches),
            row.LastTouch,
            CadenceRules.DaysSince(row.LastTouch, row.ComputedFor),
            new CadenceDays(row.CadenceIdealDays, row.CadenceMaxDays, (CadenceSource)row.CadenceSource),
            (CadenceStatus)row.CadenceStatus,
            row.PartnerTouchesJudged,
            row.PartnerTouchesAnswered,
            row.Responsiveness,
            ParseQuarters(row.Quarters, row.ComputedFor),
            (HealthTrend)row.Trend,
            Flags(row));
    }
}
