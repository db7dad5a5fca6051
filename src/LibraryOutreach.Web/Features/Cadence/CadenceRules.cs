namespace LibraryOutreach.Web.Features.Cadence;

/// <summary>Where a relationship stands against its stay-in-touch cadence, most urgent first.</summary>
public enum CadenceStatus
{
    /// <summary>More than the maximum days since the last touch.</summary>
    Overdue = 0,

    /// <summary>At least the ideal days and at most the maximum since the last touch: time to reach out.</summary>
    Due = 1,

    /// <summary>No interaction or event with them yet.</summary>
    NeverTouched = 2,

    /// <summary>Fewer than the ideal days since the last touch.</summary>
    OnTrack = 3,
}

/// <summary>Which setting gave a relationship its cadence.</summary>
public enum CadenceSource
{
    Contact = 0,
    Organization = 1,
    OrganizationType = 2,
    PartnershipLevel = 3,
}

/// <summary>An ideal and a maximum number of days between touches, and where they came from.</summary>
public sealed record CadenceDays(int IdealDays, int MaxDays, CadenceSource Source);

/// <summary>
/// The stay-in-touch rules, in one place (pure, so unit tests pin them down):
/// <list type="bullet">
/// <item>Which cadence wins: the contact's own → the organization's own → the organization type's → the partnership
/// level's. A contact inherits from its current organizations (affiliations without an end date) and takes the strictest
/// of them (the smallest maximum); a contact with no current organization uses the "contact" partnership level.</item>
/// <item>Status by whole days in the library's calendar since the last touch: on track below the ideal, due from the
/// ideal up to and including the maximum, overdue past the maximum; never touched without any touch.</item>
/// <item>Urgency: overdue (the furthest past the maximum first), due (the fewest days left first), never touched,
/// on track (the soonest due first); ties by name.</item>
/// </list>
/// </summary>
public static class CadenceRules
{
    public const int MaxDaysLimit = 3650;

    public const string IdealRequired = "Enter the ideal number of days (1 or more).";
    public const string MaxRequired = "Enter the maximum number of days.";
    public const string MaxBelowIdeal = "The maximum can't be less than the ideal.";
    public static readonly string TooLong = $"Keep it under {MaxDaysLimit} days.";

    /// <summary>The organization's cadence: its own → its type's → its partnership level's.</summary>
    public static CadenceDays ForOrganization(
        (int Ideal, int Max)? organizationOverride,
        (int Ideal, int Max)? typeRule,
        (int Ideal, int Max) levelRule)
    {
        if (organizationOverride is { } own)
        {
            return new CadenceDays(own.Ideal, own.Max, CadenceSource.Organization);
        }

        return typeRule is { } type
            ? new CadenceDays(type.Ideal, type.Max, CadenceSource.OrganizationType)
            : new CadenceDays(levelRule.Ideal, levelRule.Max, CadenceSource.PartnershipLevel);
    }

    /// <summary>The contact's cadence: its own → the strictest of its current organizations' → <paramref name="noOrganization"/>.</summary>
    public static CadenceDays ForContact((int Ideal, int Max)? contactOverride, IEnumerable<CadenceDays> organizations, (int Ideal, int Max) noOrganization)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        if (contactOverride is { } own)
        {
            return new CadenceDays(own.Ideal, own.Max, CadenceSource.Contact);
        }

        return organizations.OrderBy(o => o.MaxDays).ThenBy(o => o.IdealDays).ThenBy(o => o.Source).FirstOrDefault()
            ?? new CadenceDays(noOrganization.Ideal, noOrganization.Max, CadenceSource.PartnershipLevel);
    }

    /// <summary>Whole days from <paramref name="lastTouch"/> to <paramref name="today"/> (0 when touched today or later).</summary>
    public static int? DaysSince(DateOnly? lastTouch, DateOnly today) =>
        lastTouch is { } last ? Math.Max(0, today.DayNumber - last.DayNumber) : null;

    public static CadenceStatus Status(DateOnly? lastTouch, DateOnly today, CadenceDays cadence)
    {
        ArgumentNullException.ThrowIfNull(cadence);
        if (DaysSince(lastTouch, today) is not { } days)
        {
            return CadenceStatus.NeverTouched;
        }

        return days > cadence.MaxDays ? CadenceStatus.Overdue
            : days >= cadence.IdealDays ? CadenceStatus.Due
            : CadenceStatus.OnTrack;
    }

    /// <summary>The key that sorts relationships by urgency: status, then days relative to its threshold.</summary>
    public static (CadenceStatus Status, int Rank) UrgencyKey(CadenceStatus status, int? daysSince, CadenceDays cadence)
    {
        ArgumentNullException.ThrowIfNull(cadence);
        var days = daysSince ?? 0;
        return status switch
        {
            // The furthest past the maximum first.
            CadenceStatus.Overdue => (status, -(days - cadence.MaxDays)),
            // The fewest days left before overdue first.
            CadenceStatus.Due => (status, cadence.MaxDays - days),
            CadenceStatus.NeverTouched => (status, 0),
            // The soonest due first.
            _ => (status, cadence.IdealDays - days),
        };
    }

    /// <summary>Field messages for an ideal/maximum pair typed on a form; empty when valid.</summary>
    public static Dictionary<string, string> Validate(int? idealDays, int? maxDays)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (idealDays is not { } ideal || ideal < 1)
        {
            errors["IdealDays"] = IdealRequired;
        }
        else if (ideal > MaxDaysLimit)
        {
            errors["IdealDays"] = TooLong;
        }

        if (maxDays is not { } max)
        {
            errors["MaxDays"] = MaxRequired;
        }
        else if (max > MaxDaysLimit)
        {
            errors["MaxDays"] = TooLong;
        }
        else if (idealDays is { } i && max < i)
        {
            errors["MaxDays"] = MaxBelowIdeal;
        }

        return errors;
    }

    public static string Describe(CadenceSource source) => source switch
    {
        CadenceSource.Contact => "set for this contact",
        CadenceSource.Organization => "set for the organization",
        CadenceSource.OrganizationType => "from the organization type",
        _ => "from the partnership level",
    };

    public static string Label(CadenceStatus status) => status switch
    {
        CadenceStatus.Overdue => "Overdue",
        CadenceStatus.Due => "Due",
        CadenceStatus.NeverTouched => "Never touched",
        _ => "On track",
    };
}
