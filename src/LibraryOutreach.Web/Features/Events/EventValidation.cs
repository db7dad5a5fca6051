using System.Globalization;
using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Features.FollowUps;
using LibraryOutreach.Web.Infrastructure.Records;

namespace LibraryOutreach.Web.Features.Events;

/// <summary>
/// Checks an <see cref="EventInput"/> and turns it into entity values. Messages are keyed by the form's field names
/// (<c>EndDate</c>, <c>Attendance</c>, <c>NewPeople[1].Email</c>, <c>FollowUps[0].DueDate</c>…) so each appears
/// beside its input. Everything is checked before anything is written.
/// </summary>
public static class EventValidation
{
    public const string TypeRequired = "Choose the kind of event.";
    public const string StartDateRequired = "Choose the date.";
    public const string StartTimeRequired = "Enter the start time, or tick “All day”.";
    public const string EndDateBeforeStart = "The last day can't be before the first day.";
    public const string EndTimeBeforeStart = "The end can't be before the start.";
    public const string CountNegative = "Enter 0 or more, or leave it empty for “not recorded”.";
    public const string StaffRequired = "Choose at least one staff member who was there.";
    public const string NewPersonNameRequired = "Enter the person's name.";

    /// <summary>The form's key for a count, also used in messages.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Counts =
    [
        (nameof(EventInput.Attendance), "Attendance"),
        (nameof(EventInput.LibraryCardsIssued), "Library cards issued"),
        (nameof(EventInput.ItemsCheckedOut), "Items checked out"),
        (nameof(EventInput.MaterialsHandedOut), "Materials handed out"),
    ];

    /// <summary>The key of a field of the <paramref name="index"/>th new person (<c>Name</c>, <c>Email</c>).</summary>
    public static string NewPersonKey(int index, string field) => string.Create(CultureInfo.InvariantCulture, $"NewPeople[{index}].{field}");

    /// <summary>The prefix of the <paramref name="index"/>th follow-up's keys (<see cref="FollowUpRules.Validate"/>).</summary>
    public static string FollowUpPrefix(int index) => string.Create(CultureInfo.InvariantCulture, $"FollowUps[{index}].");

    /// <summary>
    /// Every message for <paramref name="input"/> that needs no database (an empty dictionary when valid). References
    /// (a contact deleted meanwhile, an archived type) are checked by the service.
    /// </summary>
    public static Dictionary<string, string> Validate(EventInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.TypeId is null)
        {
            errors[nameof(EventInput.TypeId)] = TypeRequired;
        }

        if (input.StartDate is null)
        {
            errors[nameof(EventInput.StartDate)] = StartDateRequired;
        }
        else if (input.EndDate is { } end && end < input.StartDate)
        {
            errors[nameof(EventInput.EndDate)] = EndDateBeforeStart;
        }

        if (!input.IsAllDay)
        {
            if (input.StartTime is null)
            {
                errors[nameof(EventInput.StartTime)] = StartTimeRequired;
            }
            else if (input.EndTime is { } endTime && (input.EndDate ?? input.StartDate) == input.StartDate && endTime < input.StartTime)
            {
                errors[nameof(EventInput.EndTime)] = EndTimeBeforeStart;
            }
        }

        foreach (var (key, _) in Counts)
        {
            if (CountOf(input, key) < 0)
            {
                errors[key] = CountNegative;
            }
        }

        if (input.StaffIds.All(string.IsNullOrWhiteSpace))
        {
            errors[nameof(EventInput.StaffIds)] = StaffRequired;
        }

        CheckLength(errors, nameof(EventInput.Title), "Title", Clean(input.Title), FieldLimits.Name);
        CheckLength(errors, nameof(EventInput.Location), "Location", Clean(input.Location), FieldLimits.Address);
        CheckLength(errors, nameof(EventInput.Notes), "Notes", Clean(input.Notes), FieldLimits.Notes);
        CheckLength(errors, nameof(EventInput.Outcomes), "Outcomes", Clean(input.Outcomes), FieldLimits.Notes);

        for (var i = 0; i < input.NewPeople.Count; i++)
        {
            ToContact(input.NewPeople[i], i, errors);
        }

        for (var i = 0; i < input.FollowUps.Count; i++)
        {
            var f = input.FollowUps[i];
            foreach (var (key, message) in FollowUpRules.Validate(f.Title, f.DueDate, f.AssigneeId, FollowUpPrefix(i)))
            {
                errors[key] = message;
            }
        }

        return errors;
    }

    /// <summary>
    /// Writes <paramref name="input"/>'s own values onto <paramref name="target"/> (links are the service's), with times
    /// turned into instants in <paramref name="zone"/>. <paramref name="typeName"/> is the title when none was typed.
    /// </summary>
    /// <exception cref="RecordValidationException">The input is not valid (nothing is written then).</exception>
    public static void Apply(EventInput input, OutreachEvent target, string typeName, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(zone);
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            throw new RecordValidationException(errors);
        }

        var start = input.StartDate!.Value;
        var end = input.EndDate ?? start;
        target.Title = Clean(input.Title) ?? typeName;
        target.TypeId = input.TypeId!.Value;
        target.StartDate = start;
        target.EndDate = end;
        if (input.IsAllDay)
        {
            target.StartsAt = null;
            target.EndsAt = null;
        }
        else
        {
            target.StartsAt = LibraryTime.At(start, input.StartTime!.Value, zone);
            target.EndsAt = input.EndTime is { } endTime ? LibraryTime.At(end, endTime, zone) : null;
        }

        target.Location = Clean(input.Location);
        target.BranchId = input.BranchId;
        target.LibraryRole = input.LibraryRole;
        target.AudienceAgeGroup = input.AudienceAgeGroup;
        target.Setting = input.Setting;
        target.Attendance = input.Attendance;
        target.LibraryCardsIssued = input.LibraryCardsIssued;
        target.ItemsCheckedOut = input.ItemsCheckedOut;
        target.MaterialsHandedOut = input.MaterialsHandedOut;
        target.Notes = Clean(input.Notes);
        target.Outcomes = Clean(input.Outcomes);
    }

    /// <summary>
    /// The contact for a person added inline (the contact form's own rules: <see cref="ContactValidation"/>); its
    /// messages land on <paramref name="errors"/> under the inline row's keys. Null when invalid.
    /// </summary>
    public static Contact? ToContact(NewPersonInput person, int index, Dictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(errors);
        var name = Clean(person.Name);
        if (name is null)
        {
            errors[NewPersonKey(index, nameof(NewPersonInput.Name))] = NewPersonNameRequired;
            return null;
        }

        var cut = name.LastIndexOf(' ');
        var input = new ContactInput
        {
            FirstName = cut < 0 ? name : name[..cut],
            LastName = cut < 0 ? null : name[(cut + 1)..],
            DisplayName = name,
            Emails = Clean(person.Email) is { } email ? [new ContactEmailInput { Address = email, IsPrimary = true }] : [],
        };
        var contact = new Contact();
        try
        {
            ContactValidation.Apply(input, contact);
            return contact;
        }
        catch (RecordValidationException ex)
        {
            foreach (var (key, message) in ex.Errors)
            {
                var field = key.StartsWith("Emails", StringComparison.Ordinal) ? nameof(NewPersonInput.Email) : nameof(NewPersonInput.Name);
                errors.TryAdd(NewPersonKey(index, field), message);
            }

            return null;
        }
    }

    public static int? CountOf(EventInput input, string key)
    {
        ArgumentNullException.ThrowIfNull(input);
        return key switch
        {
            nameof(EventInput.Attendance) => input.Attendance,
            nameof(EventInput.LibraryCardsIssued) => input.LibraryCardsIssued,
            nameof(EventInput.ItemsCheckedOut) => input.ItemsCheckedOut,
            nameof(EventInput.MaterialsHandedOut) => input.MaterialsHandedOut,
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a count."),
        };
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void CheckLength(Dictionary<string, string> errors, string key, string label, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            errors[key] = ContactValidation.TooLong(label, max);
        }
    }
}
