using System.Linq.Expressions;
using LibraryOutreach.Data;
using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Features.Contacts;

/// <summary>
/// Staff members' seats on outside boards and committees. Any staff member may add one; changing or removing a
/// seat is for the seat holder, whoever added it, Supervisors and Admins.
/// </summary>
public sealed class CommitteeSeatService(
    IDbContextFactory<OutreachDbContext> contextFactory,
    AccessGuard guard,
    ILogger<CommitteeSeatService> logger)
{
    public Task<IReadOnlyList<CommitteeSeatView>> ListByOrganizationAsync(Guid organizationId, CancellationToken ct = default) =>
        ListAsync(s => s.OrganizationId == organizationId, ct);

    public Task<IReadOnlyList<CommitteeSeatView>> ListByStaffAsync(string staffUserId, CancellationToken ct = default) =>
        ListAsync(s => s.StaffUserId == staffUserId, ct);

    public async Task<Guid> AddAsync(Guid organizationId, CommitteeSeatInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId && o.MergedIntoId == null, ct))
        {
            throw new RecordNotFoundException("That organization no longer exists.");
        }

        var seat = new CommitteeSeat { OrganizationId = organizationId };
        await ApplyAsync(db, input, seat, ct);
        db.CommitteeSeats.Add(seat);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Committee seat {SeatId} added", seat.Id);
        return seat.Id;
    }

    public async Task UpdateAsync(Guid seatId, CommitteeSeatInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var seat = await LoadForEditAsync(db, seatId, ct);
        await ApplyAsync(db, input, seat, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveAsync(Guid seatId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var seat = await LoadForEditAsync(db, seatId, ct);
        db.CommitteeSeats.Remove(seat);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Committee seat {SeatId} removed", seatId);
    }

    private async Task<IReadOnlyList<CommitteeSeatView>> ListAsync(Expression<Func<CommitteeSeat, bool>> filter, CancellationToken ct)
    {
        await guard.RequireAsync(Policies.Staff);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var rows = await db.CommitteeSeats.AsNoTracking()
            .Where(filter)
            .Where(s => s.Organization!.MergedIntoId == null)
            .Select(s => new CommitteeSeatView(s.Id, s.StaffUserId, s.StaffUser!.DisplayName, s.OrganizationId, s.Organization!.Name, s.Role, s.TermStart, s.TermEnd, s.MeetingCadence, s.Notes))
            .ToListAsync(ct);
        return rows
            .OrderBy(s => s.TermEnd is null ? 0 : 1)
            .ThenByDescending(s => s.TermEnd)
            .ThenBy(s => s.StaffName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    private async Task<CommitteeSeat> LoadForEditAsync(OutreachDbContext db, Guid seatId, CancellationToken ct)
    {
        var user = await guard.RequireAsync(Policies.Staff);
        var seat = await db.CommitteeSeats.SingleOrDefaultAsync(s => s.Id == seatId, ct)
            ?? throw new RecordNotFoundException("That committee seat no longer exists.");
        if (!RecordPermissions.CanEdit(user, seat, seat.StaffUserId))
        {
            throw new AccessDeniedException("You can change your own committee seats and those you added.");
        }

        return seat;
    }

    private static async Task ApplyAsync(OutreachDbContext db, CommitteeSeatInput input, CommitteeSeat seat, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var role = PeriodValidation.Text(errors, nameof(CommitteeSeatInput.Role), "Role", input.Role, FieldLimits.Name);
        if (role is null)
        {
            errors[nameof(CommitteeSeatInput.Role)] = PeriodValidation.RoleRequired;
        }

        var cadence = PeriodValidation.Text(errors, nameof(CommitteeSeatInput.MeetingCadence), "Meeting cadence", input.MeetingCadence, FieldLimits.Name);
        var notes = PeriodValidation.Text(errors, nameof(CommitteeSeatInput.Notes), "Notes", input.Notes, FieldLimits.Notes);
        PeriodValidation.CheckPeriod(errors, nameof(CommitteeSeatInput.TermEnd), input.TermStart, input.TermEnd);
        if (string.IsNullOrEmpty(input.StaffUserId) || !await db.Users.AnyAsync(u => u.Id == input.StaffUserId && u.IsActive, ct))
        {
            errors[nameof(CommitteeSeatInput.StaffUserId)] = PeriodValidation.StaffRequired;
        }

        if (errors.Count > 0)
        {
            throw new RecordValidationException(errors);
        }

        seat.StaffUserId = input.StaffUserId!;
        seat.Role = role!;
        seat.TermStart = input.TermStart;
        seat.TermEnd = input.TermEnd;
        seat.MeetingCadence = cadence;
        seat.Notes = notes;
    }
}
