using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace LibraryOutreach.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddOutreachLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Branches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Branches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EventTypes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventTypes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutreachEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TypeId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    BranchId = table.Column<Guid>(type: "uuid", nullable: true),
                    LibraryRole = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AudienceAgeGroup = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Setting = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Attendance = table.Column<int>(type: "integer", nullable: true),
                    LibraryCardsIssued = table.Column<int>(type: "integer", nullable: true),
                    ItemsCheckedOut = table.Column<int>(type: "integer", nullable: true),
                    MaterialsHandedOut = table.Column<int>(type: "integer", nullable: true),
                    Notes = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Outcomes = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutreachEvents", x => x.Id);
                    table.CheckConstraint("CK_OutreachEvents_Counts", "(\"Attendance\" IS NULL OR \"Attendance\" >= 0) AND (\"LibraryCardsIssued\" IS NULL OR \"LibraryCardsIssued\" >= 0) AND (\"ItemsCheckedOut\" IS NULL OR \"ItemsCheckedOut\" >= 0) AND (\"MaterialsHandedOut\" IS NULL OR \"MaterialsHandedOut\" >= 0)");
                    table.CheckConstraint("CK_OutreachEvents_EndDate", "\"EndDate\" >= \"StartDate\"");
                    table.CheckConstraint("CK_OutreachEvents_EndsAtNeedsStartsAt", "\"EndsAt\" IS NULL OR \"StartsAt\" IS NOT NULL");
                    table.ForeignKey(
                        name: "FK_OutreachEvents_Branches_BranchId",
                        column: x => x.BranchId,
                        principalTable: "Branches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OutreachEvents_EventTypes_TypeId",
                        column: x => x.TypeId,
                        principalTable: "EventTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowUps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    AssigneeId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    EventId = table.Column<Guid>(type: "uuid", nullable: true),
                    DoneAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DoneById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUps_AspNetUsers_AssigneeId",
                        column: x => x.AssigneeId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUps_AspNetUsers_DoneById",
                        column: x => x.DoneById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUps_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_FollowUps_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_FollowUps_OutreachEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "OutreachEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Interactions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    InitiatedBy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    StaffUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    EventId = table.Column<Guid>(type: "uuid", nullable: true),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Notes = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Interactions", x => x.Id);
                    table.CheckConstraint("CK_Interactions_ContactOrOrganization", "\"ContactId\" IS NOT NULL OR \"OrganizationId\" IS NOT NULL");
                    table.ForeignKey(
                        name: "FK_Interactions_AspNetUsers_StaffUserId",
                        column: x => x.StaffUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Interactions_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Interactions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Interactions_OutreachEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "OutreachEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "OutreachEventContacts",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutreachEventContacts", x => new { x.EventId, x.ContactId });
                    table.ForeignKey(
                        name: "FK_OutreachEventContacts_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OutreachEventContacts_OutreachEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "OutreachEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutreachEventOrganizations",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutreachEventOrganizations", x => new { x.EventId, x.OrganizationId });
                    table.ForeignKey(
                        name: "FK_OutreachEventOrganizations_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OutreachEventOrganizations_OutreachEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "OutreachEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutreachEventStaff",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutreachEventStaff", x => new { x.EventId, x.UserId });
                    table.ForeignKey(
                        name: "FK_OutreachEventStaff_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OutreachEventStaff_OutreachEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "OutreachEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "EventTypes",
                columns: new[] { "Id", "CreatedAt", "CreatedById", "IsArchived", "Name", "SortOrder", "UpdatedAt", "UpdatedById", "Version" },
                values: new object[,]
                {
                    { new Guid("0193a001-0000-7000-8000-000000000001"), new DateTimeOffset(new DateTime(2026, 12, 2, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, false, "Town or council meeting", 10, new DateTimeOffset(new DateTime(2026, 12, 2, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, new Guid("0193a001-0000-7000-8000-000000000001") },
                    { new Guid("0193a001-0000-7000-8000-000000000002"), new DateTimeOffset(new DateTime(2026, 12, 2, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, false, "Committee meeting", 20, new DateTimeOffset(new DateTime(2026, 12, 2, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, new Guid("0193a001-0000-7000-8000-000000000002") },
                    { new Guid("0193a001-0000-7000-8000-000000000003"), new DateTimeOffset(new DateTime(2026, 12, 2, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, false, "Community fair or festival", 30, new DateTimeOffset(new DateTime(2026, 12, 2, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, new Guid("0193a001-0000-7000-8000-000000000003") },
                    { new Guid("0193a001-0000-7000-8000-000000000004"), new DateTimeOffset(new DateTime(2026, 12, 2, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, false, "Farmers-market table", 40, new DateTimeOffset(new DateTime(2026, 12, 2, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, new Guid("0193a001-0000-7000-8000-000000000004") },
                    { new Guid("0193a001-0000-7000-8000-000000000005"), new DateTimeOffset(new DateTime(2026, 12, 2, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, false, "School visit", 50, new DateTimeOffset(new DateTime(2026, 12, 2, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, new Guid("0193a001-0000-7000-8000-000000000005") },
                    { new Guid("0193a001-0000-7000-8000-000000000006"), new DateTimeOffset(new DateTime(2026, 12, 2, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, false, "Pop-up library", 60, new DateTimeOffset(new DateTime(2026, 12, 2, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, new Guid("0193a001-0000-7000-8000-000000000006") },
                    { new Guid("0193a001-0000-7000-8000-000000000007"), new DateTimeOffset(new DateTime(2026, 12, 2, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, false, "Presentation", 70, new DateTimeOffset(new DateTime(2026, 12, 2, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, new Guid("0193a001-0000-7000-8000-000000000007") },
                    { new Guid("0193a001-0000-7000-8000-000000000008"), new DateTimeOffset(new DateTime(2026, 12, 2, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, false, "Partner program", 80, new DateTimeOffset(new DateTime(2026, 12, 2, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, new Guid("0193a001-0000-7000-8000-000000000008") },
                    { new Guid("0193a001-0000-7000-8000-000000000009"), new DateTimeOffset(new DateTime(2026, 12, 2, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, false, "Other", 90, new DateTimeOffset(new DateTime(2026, 12, 2, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, new Guid("0193a001-0000-7000-8000-000000000009") }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Branches_Name",
                table: "Branches",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EventTypes_Name",
                table: "EventTypes",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_AssigneeId_DoneAt_DueDate",
                table: "FollowUps",
                columns: new[] { "AssigneeId", "DoneAt", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_ContactId",
                table: "FollowUps",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_DoneAt_DueDate",
                table: "FollowUps",
                columns: new[] { "DoneAt", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_DoneById",
                table: "FollowUps",
                column: "DoneById");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_EventId",
                table: "FollowUps",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_OrganizationId",
                table: "FollowUps",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_ContactId_OccurredAt",
                table: "Interactions",
                columns: new[] { "ContactId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_EventId",
                table: "Interactions",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_OccurredAt",
                table: "Interactions",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_OrganizationId_OccurredAt",
                table: "Interactions",
                columns: new[] { "OrganizationId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_StaffUserId_OccurredAt",
                table: "Interactions",
                columns: new[] { "StaffUserId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutreachEventContacts_ContactId",
                table: "OutreachEventContacts",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachEventOrganizations_OrganizationId",
                table: "OutreachEventOrganizations",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachEvents_BranchId",
                table: "OutreachEvents",
                column: "BranchId");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachEvents_StartDate_StartsAt",
                table: "OutreachEvents",
                columns: new[] { "StartDate", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutreachEvents_TypeId",
                table: "OutreachEvents",
                column: "TypeId");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachEventStaff_UserId",
                table: "OutreachEventStaff",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUps");

            migrationBuilder.DropTable(
                name: "Interactions");

            migrationBuilder.DropTable(
                name: "OutreachEventContacts");

            migrationBuilder.DropTable(
                name: "OutreachEventOrganizations");

            migrationBuilder.DropTable(
                name: "OutreachEventStaff");

            migrationBuilder.DropTable(
                name: "OutreachEvents");

            migrationBuilder.DropTable(
                name: "Branches");

            migrationBuilder.DropTable(
                name: "EventTypes");
        }
    }
}
