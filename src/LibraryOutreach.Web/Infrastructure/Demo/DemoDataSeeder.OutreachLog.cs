using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Infrastructure.Demo;

internal sealed partial class DemoDataSeeder
{
    /// <summary>
    /// How a generated relationship behaves, so two-way health has every case to find: most are two-way, some are
    /// one-sided either way, some were last touched more than a year ago.
    /// </summary>
    private enum RelationshipPattern
    {
        TwoWay = 0,
        LibraryAlwaysReachesOut = 1,
        PartnerReachesOut = 2,
        Neglected = 3,
    }

    private static readonly string[] BranchNames = ["Main Library", "Eastside Branch", "Westside Branch", "Bookmobile"];

    private static readonly string[] Summaries =
    [
        "Talked about the summer reading kickoff",
        "Asked about a story time at their site",
        "Shared the fall program flyer",
        "Followed up on the room booking",
        "Discussed a joint grant application",
        "Invited us to their open house",
        "Checked in about the book drive",
        "Planned the next library card sign-up day",
        "Answered questions about the makerspace",
        "Thanked them for the volunteers",
        "Talked about ESL conversation circles",
        "Arranged a class visit",
    ];

    private static readonly string[] Outcomes =
    [
        "Agreed to co-host a family literacy night in the spring.",
        "The principal asked for library cards for every third grader.",
        "Council members asked for a report on the new branch hours.",
        "Two volunteers signed up to help at the next market.",
        "The chamber will feature the library in its newsletter.",
    ];

    private static readonly string[] FollowUpTitles =
    [
        "Send the program calendar",
        "Confirm the visit date",
        "Share the sign-up sheet",
        "Call back about the partnership",
        "Email the meeting notes",
    ];

    private static readonly string[] CommitteeRoles = ["Board member", "Advisory committee member", "Ex officio member", "Secretary", "Liaison"];

    private static readonly string[] MeetingCadences = ["monthly, 2nd Tuesday", "quarterly", "monthly, first Monday evening", "every other Thursday"];

    private readonly List<Guid> _branchIds = [];
    private RelationshipPattern[] _contactPatterns = [];
    private RelationshipPattern[] _organizationPatterns = [];
    private double[] _contactWeights = [];

    /// <summary>
    /// Events, interactions and follow-ups over the three years before "now". Relationships get a
    /// <see cref="RelationshipPattern"/> each and touches in proportion to a Zipf-like weight (a few are very busy, many
    /// have a handful); the busiest contact (the first) gets <see cref="DemoDataSize.BusiestContactEntries"/>
    /// entries (interactions, events attended and follow-ups) taken out of the totals.
    /// </summary>
    private async Task AddOutreachLogAsync(CancellationToken ct)
    {
        var existing = await db.Branches.AsNoTracking().ToDictionaryAsync(b => b.Name, b => b.Id, StringComparer.OrdinalIgnoreCase, ct);
        for (var i = 0; i < BranchNames.Length; i++)
        {
            var branch = Stamp(new Branch { Name = BranchNames[i], SortOrder = i });
            if (existing.TryGetValue(branch.Name, out var id))
            {
                _branchIds.Add(id);
                continue;
            }

            db.Branches.Add(branch);
            _branchIds.Add(branch.Id);
        }

        await SaveAsync(ct);
        var patternWeights = Cumulative([55, 15, 10, 20]);
        _contactPatterns = [.. _contacts.Select(_ => (RelationshipPattern)PickWeighted(patternWeights))];
        _organizationPatterns = [.. _organizations.Select(_ => (RelationshipPattern)PickWeighted(patternWeights))];
        var busiest = _contacts.FindIndex(c => c.Id == _busiestContactId);

        // Zipf-like, but the busiest contact (first in the list) draws like a middling one: its entries are the
        // ones it is given below, so its timeline has about BusiestContactEntries entries.
        var middling = 1.0 / Math.Pow((_contacts.Count / 2) + 1, 0.6);
        _contactWeights = WeightedRandom.Cumulative(Enumerable.Range(0, _contacts.Count).Select(i => i == busiest ? middling : 1.0 / Math.Pow(i + 1, 0.6)));
        if (busiest >= 0)
        {
            _contactPatterns[busiest] = RelationshipPattern.TwoWay;
        }

        // Of the busiest contact's entries: 70 % interactions, 25 % events attended, 5 % follow-ups.
        var busiestEntries = busiest >= 0 ? size.BusiestContactEntries : 0;
        var busiestEvents = Math.Min(size.Events, busiestEntries / 4);
        var busiestFollowUps = Math.Min(size.FollowUps, busiestEntries / 20);
        var busiestInteractions = Math.Min(size.Interactions, busiestEntries - busiestEvents - busiestFollowUps);
        await AddEventsAsync(busiestEvents, ct);
        await AddInteractionsAsync(busiest, busiestInteractions, ct);
        await AddFollowUpsAsync(busiest, busiestFollowUps, ct);
    }

    private async Task AddEventsAsync(int busiestEvents, CancellationToken ct)
    {
        var typeWeights = Cumulative([14, 12, 10, 12, 14, 10, 10, 12, 6]);
        var roleWeights = Cumulative([30, 15, 55]);
        var busiestEvery = busiestEvents > 0 ? size.Events / busiestEvents : int.MaxValue;
        for (var i = 0; i < size.Events; i++)
        {
            var type = PickWeighted(typeWeights);
            var day = DateOnly.FromDateTime(_now.UtcDateTime).AddDays(-_random.Next(0, 3 * 365));
            var allDay = _random.Next(100) < 25;
            var startsAt = allDay ? (DateTimeOffset?)null : LibraryTime.At(day, new TimeOnly(_random.Next(8, 20), _random.Next(4) * 15), TimeZoneInfo.Local);
            var outreachEvent = Stamp(new OutreachEvent
            {
                Title = $"{EventTypeConfiguration.Defaults[type].Name} · {Pick(SampleNames.Towns)}",
                TypeId = EventTypeConfiguration.Defaults[type].Id,
                StartDate = day,
                EndDate = day,
                StartsAt = startsAt,
                EndsAt = startsAt?.AddMinutes(30 * _random.Next(2, 7)),
                Location = _random.Next(100) < 70 ? $"{Pick(SampleNames.Towns)} Town Hall" : null,
                BranchId = _random.Next(100) < 90 ? Pick(_branchIds) : null,
                LibraryRole = (LibraryRole)PickWeighted(roleWeights),
                AudienceAgeGroup = _random.Next(100) < 10 ? null : (AudienceAgeGroup)_random.Next(0, 4),
                Setting = (EventSetting)PickWeighted(Cumulative([20, 70, 10])),
                Attendance = _random.Next(100) < 15 ? null : _random.Next(0, 200),
                LibraryCardsIssued = _random.Next(100) < 40 ? null : _random.Next(0, 16),
                ItemsCheckedOut = _random.Next(100) < 50 ? null : _random.Next(0, 60),
                MaterialsHandedOut = _random.Next(100) < 40 ? null : _random.Next(0, 150),
                Outcomes = _random.Next(100) < 20 ? Pick(Outcomes) : null,
            });
            outreachEvent.CreatedAt = Min(startsAt ?? LibraryTime.StartOfDay(day, TimeZoneInfo.Local), _now);
            outreachEvent.UpdatedAt = outreachEvent.CreatedAt;
            foreach (var staffId in Distinct(1 + _random.Next(2), () => Pick(_staffIds)))
            {
                outreachEvent.Staff.Add(new OutreachEventStaff { EventId = outreachEvent.Id, UserId = staffId });
            }

            foreach (var organizationId in Distinct(_random.Next(3), () => _organizations[PickWeighted(_organizationWeights)].Id))
            {
                outreachEvent.Organizations.Add(new OutreachEventOrganization { EventId = outreachEvent.Id, OrganizationId = organizationId });
            }

            var attendees = Distinct(_random.Next(5), () => _contacts[PickWeighted(_contactWeights)].Id);
            if (i % busiestEvery == 0 && i / busiestEvery < busiestEvents)
            {
                attendees.Add(_busiestContactId);
            }

            foreach (var contactId in attendees)
            {
                outreachEvent.Contacts.Add(new OutreachEventContact { EventId = outreachEvent.Id, ContactId = contactId });
            }

            db.OutreachEvents.Add(outreachEvent);
            if ((i + 1) % BatchSize == 0)
            {
                await SaveAsync(ct);
            }
        }

        await SaveAsync(ct);
    }

    private async Task AddInteractionsAsync(int busiest, int busiestInteractions, CancellationToken ct)
    {
        var channelWeights = Cumulative([30, 20, 35, 8, 2, 5]);
        var organizationOnly = _organizations.Count == 0 ? 0 : 15;
        for (var i = 0; i < size.Interactions; i++)
        {
            Guid? contactId = null;
            Guid? organizationId;
            RelationshipPattern pattern;
            if (i < busiestInteractions)
            {
                contactId = _busiestContactId;
                organizationId = _random.Next(100) < 50 ? _contacts[busiest].OrganizationId : null;
                pattern = RelationshipPattern.TwoWay;
            }
            else if (_contacts.Count == 0 || _random.Next(100) < organizationOnly)
            {
                var index = PickWeighted(_organizationWeights);
                organizationId = _organizations[index].Id;
                pattern = _organizationPatterns[index];
            }
            else
            {
                var index = PickWeighted(_contactWeights);
                contactId = _contacts[index].Id;
                organizationId = _random.Next(100) < 50 ? _contacts[index].OrganizationId : null;
                pattern = _contactPatterns[index];
            }

            var occurredAt = OccurredAt(pattern);
            var interaction = Stamp(new Interaction
            {
                OccurredAt = occurredAt,
                Channel = (ContactChannel)PickWeighted(channelWeights),
                InitiatedBy = Initiator(pattern),
                StaffUserId = Pick(_staffIds),
                ContactId = contactId,
                OrganizationId = organizationId,
                Summary = Pick(Summaries),
                Notes = _random.Next(100) < 10 ? "They would like a reminder a week before." : null,
            });
            interaction.CreatedAt = occurredAt;
            interaction.UpdatedAt = occurredAt;
            db.Interactions.Add(interaction);
            if ((i + 1) % BatchSize == 0)
            {
                await SaveAsync(ct);
            }
        }

        await SaveAsync(ct);
    }

    private async Task AddFollowUpsAsync(int busiest, int busiestFollowUps, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(_now.UtcDateTime);
        for (var i = 0; i < size.FollowUps; i++)
        {
            Guid? contactId = null;
            Guid? organizationId = null;
            if (i < busiestFollowUps)
            {
                contactId = _contacts[busiest].Id;
            }
            else if (_contacts.Count > 0 && _random.Next(100) < 80)
            {
                contactId = _contacts[PickWeighted(_contactWeights)].Id;
            }
            else if (_organizations.Count > 0)
            {
                organizationId = _organizations[PickWeighted(_organizationWeights)].Id;
            }

            var due = today.AddDays(_random.Next(-3 * 365, 60));
            var done = due < today ? _random.Next(100) < 85 : _random.Next(100) < 10;
            var followUp = Stamp(new FollowUp
            {
                Title = Pick(FollowUpTitles),
                DueDate = due,
                AssigneeId = Pick(_staffIds),
                ContactId = contactId,
                OrganizationId = organizationId,
            });
            followUp.CreatedAt = Min(LibraryTime.StartOfDay(due, TimeZoneInfo.Local).AddDays(-_random.Next(1, 30)), _now);
            followUp.UpdatedAt = followUp.CreatedAt;
            if (done)
            {
                followUp.DoneAt = Min(LibraryTime.StartOfDay(due, TimeZoneInfo.Local).AddHours(_random.Next(-72, 96)), _now);
                followUp.DoneById = followUp.AssigneeId;
                followUp.UpdatedAt = Max(followUp.DoneAt.Value, followUp.CreatedAt);
            }

            db.FollowUps.Add(followUp);
            if ((i + 1) % BatchSize == 0)
            {
                await SaveAsync(ct);
            }
        }

        await SaveAsync(ct);
    }

    /// <summary>Staff members' seats on outside bodies (the chamber board, a council advisory committee), some ended.</summary>
    private async Task AddCommitteeSeatsAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(_now.UtcDateTime);
        for (var i = 0; i < size.CommitteeSeats && _organizations.Count > 0 && _staffIds.Count > 0; i++)
        {
            var start = today.AddDays(-_random.Next(30, 4 * 365));
            var ended = _random.Next(100) < 30;
            var end = start.AddYears(1 + _random.Next(2));
            db.CommitteeSeats.Add(Stamp(new CommitteeSeat
            {
                StaffUserId = Pick(_staffIds),
                OrganizationId = _organizations[PickWeighted(_organizationWeights)].Id,
                Role = Pick(CommitteeRoles),
                TermStart = start,
                TermEnd = !ended ? null : end < today ? end : today.AddDays(-1),
                MeetingCadence = Pick(MeetingCadences),
            }));
        }

        await SaveAsync(ct);
    }

    /// <summary>A neglected relationship's touches are 13 to 36 months old; the others' anywhere in the three years.</summary>
    private DateTimeOffset OccurredAt(RelationshipPattern pattern)
    {
        const int MinutesPerMonth = 30 * 24 * 60;
        var minutesAgo = pattern == RelationshipPattern.Neglected
            ? _random.Next(13 * MinutesPerMonth, 36 * MinutesPerMonth)
            : _random.Next(1, 36 * MinutesPerMonth);
        return _now.AddMinutes(-minutesAgo);
    }

    private InitiatedBy Initiator(RelationshipPattern pattern)
    {
        var roll = _random.Next(100);
        return pattern switch
        {
            RelationshipPattern.LibraryAlwaysReachesOut => roll < 95 ? InitiatedBy.Library : InitiatedBy.Mutual,
            RelationshipPattern.PartnerReachesOut => roll < 85 ? InitiatedBy.Partner : InitiatedBy.Library,
            _ => roll < 40 ? InitiatedBy.Library : roll < 80 ? InitiatedBy.Partner : InitiatedBy.Mutual,
        };
    }

    private static HashSet<T> Distinct<T>(int count, Func<T> pick)
    {
        var picked = new HashSet<T>();
        for (var attempt = 0; picked.Count < count && attempt < count * 3; attempt++)
        {
            picked.Add(pick());
        }

        return picked;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => (a < b ? a : b).ToUniversalTime();

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => (a > b ? a : b).ToUniversalTime();
}
