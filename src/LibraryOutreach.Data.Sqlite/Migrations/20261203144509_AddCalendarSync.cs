using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LibraryOutreach.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddCalendarSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalendarConnections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AccountEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ProtectedSecret = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    GrantedScopes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Keyword = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    LastRunAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSuccessAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastErrorAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    NextRunAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeaseExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarConnections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalendarConnections_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CalendarSyncRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Added = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Removed = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarSyncRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalendarSyncRuns_CalendarConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "CalendarConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConnectedCalendars",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IsSelected = table.Column<bool>(type: "INTEGER", nullable: false),
                    SyncToken = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LastSyncedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConnectedCalendars", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConnectedCalendars_CalendarConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "CalendarConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CalendarEventCopies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CalendarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    SeriesId = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Link = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AttendeesJson = table.Column<string>(type: "TEXT", nullable: false),
                    IsRemoved = table.Column<bool>(type: "INTEGER", nullable: false),
                    FirstSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenRunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OutreachEventId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConfirmedFingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConfirmedSnapshotJson = table.Column<string>(type: "TEXT", nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarEventCopies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalendarEventCopies_ConnectedCalendars_CalendarId",
                        column: x => x.CalendarId,
                        principalTable: "ConnectedCalendars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CalendarEventCopies_OutreachEvents_OutreachEventId",
                        column: x => x.OutreachEventId,
                        principalTable: "OutreachEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarConnections_NextRunAt",
                table: "CalendarConnections",
                column: "NextRunAt");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarConnections_OwnerId",
                table: "CalendarConnections",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarEventCopies_CalendarId_ExternalId",
                table: "CalendarEventCopies",
                columns: new[] { "CalendarId", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CalendarEventCopies_CalendarId_SeriesId",
                table: "CalendarEventCopies",
                columns: new[] { "CalendarId", "SeriesId" });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarEventCopies_OutreachEventId",
                table: "CalendarEventCopies",
                column: "OutreachEventId");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarEventCopies_State_StartDate",
                table: "CalendarEventCopies",
                columns: new[] { "State", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarSyncRuns_ConnectionId_StartedAt",
                table: "CalendarSyncRuns",
                columns: new[] { "ConnectionId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConnectedCalendars_ConnectionId_ExternalId",
                table: "ConnectedCalendars",
                columns: new[] { "ConnectionId", "ExternalId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarEventCopies");

            migrationBuilder.DropTable(
                name: "CalendarSyncRuns");

            migrationBuilder.DropTable(
                name: "ConnectedCalendars");

            migrationBuilder.DropTable(
                name: "CalendarConnections");
        }
    }
}
