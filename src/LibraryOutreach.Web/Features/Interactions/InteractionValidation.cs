using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Contacts;
using LibraryOutreach.Web.Infrastructure.Records;

namespace LibraryOutreach.Web.Features.Interactions;

/// <summary>The rules of a touch (<see cref="InteractionInput"/>), with one message per field.</summary>
public static class InteractionValidation
{
    /// <summary>Error key of the one "who" field (a contact or an organization).</summary>
    public const string PartyKey = "Party";

    public const string PartyRequired = "Choose a contact or an organization.";
    public const string ChannelRequired = "Choose how you were in touch (in person, phone, email…).";
    public const string InitiatedByRequired = "Choose who started it: the library, the partner, or both (mutual).";
    public const string SummaryRequired = "Write a short summary of the touch.";
    public const string TooFarAhead = "The date can be at most one day ahead. Log a touch after it happened.";
    public const string ContactGone = "That contact no longer exists (deleted or merged meanwhile). Choose them again. Nothing was saved.";
    public const string OrganizationGone = "That organization no longer exists (deleted or merged meanwhile). Choose it again. Nothing was saved.";
    public const string EventGone = "That event no longer exists. Nothing was saved.";

    /// <summary>How far ahead a touch may be dated (a late-evening entry on a phone in another zone, a typo of a day).</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(1);

    /// <summary>The values of a valid touch, trimmed; <see cref="OccurredAt"/> in UTC.</summary>
    public sealed record Valid(
        Guid? ContactId,
        Guid? OrganizationId,
        ContactChannel Channel,
        InitiatedBy InitiatedBy,
        string Summary,
        string? Notes,
        DateTimeOffset OccurredAt,
        Guid? EventId);

    /// <summary>
    /// The instant the form's date and time stand for in the library's zone: now when no date was given; 12:00 on a
    /// past day without a time ("sometime that day"); now when the day is today and no time was given.
    /// </summary>
    public static DateTimeOffset OccurredAt(InteractionInput input, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        if (input.Date is not { } date)
        {
            return now;
        }

        var day = DateOnly.FromDateTime(date);
        if (input.Time is not { } clock)
        {
            return day == LibraryTime.Today(time) ? now : LibraryTime.At(day, new TimeOnly(12, 0), time.LocalTimeZone).ToUniversalTime();
        }

        var timeOfDay = TimeOnly.FromTimeSpan(new TimeSpan(clock.Hours, clock.Minutes, 0));
        return LibraryTime.At(day, timeOfDay, time.LocalTimeZone).ToUniversalTime();
    }

    /// <summary>Checks <paramref name="input"/>; throws <see cref="RecordValidationException"/> with every message at once.</summary>
    public static Valid Check(InteractionInput input, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(time);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var summary = input.Summary?.Trim() ?? "";
        var notes = input.Notes?.Trim() is { Length: > 0 } n ? n : null;
        if (input.ContactId is null && input.OrganizationId is null)
        {
            errors[PartyKey] = PartyRequired;
        }

        if (input.Channel is null || !Enum.IsDefined(input.Channel.Value))
        {
            errors[nameof(InteractionInput.Channel)] = ChannelRequired;
        }

        if (input.InitiatedBy is null || !Enum.IsDefined(input.InitiatedBy.Value))
        {
            errors[nameof(InteractionInput.InitiatedBy)] = InitiatedByRequired;
        }

        if (summary.Length == 0)
        {
            errors[nameof(InteractionInput.Summary)] = SummaryRequired;
        }
        else if (summary.Length > FieldLimits.Summary)
        {
            errors[nameof(InteractionInput.Summary)] = ContactValidation.TooLong("The summary", FieldLimits.Summary);
        }

        if (notes is { Length: > FieldLimits.Notes })
        {
            errors[nameof(InteractionInput.Notes)] = ContactValidation.TooLong("Notes", FieldLimits.Notes);
        }

        var occurredAt = OccurredAt(input, time);
        if (occurredAt > time.GetUtcNow() + MaxAhead)
        {
            errors[nameof(InteractionInput.Date)] = TooFarAhead;
        }

        if (errors.Count > 0)
        {
            throw new RecordValidationException(errors);
        }

        return new Valid(input.ContactId, input.OrganizationId, input.Channel!.Value, input.InitiatedBy!.Value, summary, notes, occurredAt, input.EventId);
    }
}
