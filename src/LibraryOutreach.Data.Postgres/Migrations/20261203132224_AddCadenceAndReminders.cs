using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace LibraryOutreach.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddCadenceAndReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CadenceIdealDays",
                table: "Organizations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CadenceMaxDays",
                table: "Organizations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CadenceIdealDays",
                table: "Contacts",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CadenceMaxDays",
                table: "Contacts",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CadenceRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipLevel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    OrganizationTypeId = table.Column<Guid>(type: "uuid", nullable: true),
                    IdealDays = table.Column<int>(type: "integer", nullable: false),
                    MaxDays = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CadenceRules", x => x.Id);
                    table.CheckConstraint("CK_CadenceRules_Days", "\"IdealDays\" >= 1 AND \"MaxDays\" >= \"IdealDays\"");
                    table.CheckConstraint("CK_CadenceRules_OneSubject", "(\"PartnershipLevel\" IS NULL) <> (\"OrganizationTypeId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_CadenceRules_OrganizationTypes_OrganizationTypeId",
                        column: x => x.OrganizationTypeId,
                        principalTable: "OrganizationTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReminderDigests",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ItemCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderDigests", x => new { x.UserId, x.Day });
                    table.ForeignKey(
                        name: "FK_ReminderDigests_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "CadenceRules",
                columns: new[] { "Id", "CreatedAt", "CreatedById", "IdealDays", "MaxDays", "OrganizationTypeId", "PartnershipLevel", "UpdatedAt", "UpdatedById", "Version" },
                values: new object[,]
                {
                    { new Guid("0193a002-0000-7000-8000-000000000001"), new DateTimeOffset(new DateTime(2026, 12, 3, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, 30, 60, null, "FormalPartner", new DateTimeOffset(new DateTime(2026, 12, 3, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, new Guid("0193a002-0000-7000-8000-000000000001") },
                    { new Guid("0193a002-0000-7000-8000-000000000002"), new DateTimeOffset(new DateTime(2026, 12, 3, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, 45, 90, null, "Sponsor", new DateTimeOffset(new DateTime(2026, 12, 3, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, new Guid("0193a002-0000-7000-8000-000000000002") },
                    { new Guid("0193a002-0000-7000-8000-000000000003"), new DateTimeOffset(new DateTime(2026, 12, 3, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, 60, 120, null, "Collaborator", new DateTimeOffset(new DateTime(2026, 12, 3, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, new Guid("0193a002-0000-7000-8000-000000000003") },
                    { new Guid("0193a002-0000-7000-8000-000000000004"), new DateTimeOffset(new DateTime(2026, 12, 3, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, 90, 180, null, "Contact", new DateTimeOffset(new DateTime(2026, 12, 3, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, new Guid("0193a002-0000-7000-8000-000000000004") }
                });

            migrationBuilder.CreateIndex(
                name: "IX_CadenceRules_OrganizationTypeId",
                table: "CadenceRules",
                column: "OrganizationTypeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CadenceRules_PartnershipLevel",
                table: "CadenceRules",
                column: "PartnershipLevel",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_Kind_SubjectId_Day",
                table: "Notifications",
                columns: new[] { "UserId", "Kind", "SubjectId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_ReadAt_CreatedAt",
                table: "Notifications",
                columns: new[] { "UserId", "ReadAt", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CadenceRules");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "ReminderDigests");

            migrationBuilder.DropColumn(
                name: "CadenceIdealDays",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "CadenceMaxDays",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "CadenceIdealDays",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "CadenceMaxDays",
                table: "Contacts");
        }
    }
}
