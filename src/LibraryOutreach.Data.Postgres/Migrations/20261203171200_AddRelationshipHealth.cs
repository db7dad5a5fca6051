using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LibraryOutreach.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddRelationshipHealth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RelationshipHealth",
                columns: table => new
                {
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    EntityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    NameKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    OwnerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    PartnershipLevel = table.Column<int>(type: "integer", nullable: true),
                    OrganizationTypeId = table.Column<Guid>(type: "uuid", nullable: true),
                    ComputedFor = table.Column<DateOnly>(type: "date", nullable: false),
                    WindowFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    TouchesInWindow = table.Column<int>(type: "integer", nullable: false),
                    LibraryTouches = table.Column<int>(type: "integer", nullable: false),
                    PartnerTouches = table.Column<int>(type: "integer", nullable: false),
                    MutualTouches = table.Column<int>(type: "integer", nullable: false),
                    EventTouches = table.Column<int>(type: "integer", nullable: false),
                    PartnerShare = table.Column<double>(type: "double precision", nullable: true),
                    LastTouch = table.Column<DateOnly>(type: "date", nullable: true),
                    CadenceIdealDays = table.Column<int>(type: "integer", nullable: false),
                    CadenceMaxDays = table.Column<int>(type: "integer", nullable: false),
                    CadenceSource = table.Column<int>(type: "integer", nullable: false),
                    CadenceStatus = table.Column<int>(type: "integer", nullable: false),
                    PartnerTouchesJudged = table.Column<int>(type: "integer", nullable: false),
                    PartnerTouchesAnswered = table.Column<int>(type: "integer", nullable: false),
                    Responsiveness = table.Column<double>(type: "double precision", nullable: true),
                    Quarters = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Trend = table.Column<int>(type: "integer", nullable: false),
                    LibraryAlwaysReachesOut = table.Column<bool>(type: "boolean", nullable: false),
                    LibrarySlowToAnswer = table.Column<bool>(type: "boolean", nullable: false),
                    Neglected = table.Column<bool>(type: "boolean", nullable: false),
                    HasAnyFlag = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RelationshipHealth", x => new { x.Kind, x.EntityId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_RelationshipHealth_ComputedFor",
                table: "RelationshipHealth",
                column: "ComputedFor");

            migrationBuilder.CreateIndex(
                name: "IX_RelationshipHealth_LastTouch",
                table: "RelationshipHealth",
                column: "LastTouch");

            migrationBuilder.CreateIndex(
                name: "IX_RelationshipHealth_NameKey",
                table: "RelationshipHealth",
                column: "NameKey");

            migrationBuilder.CreateIndex(
                name: "IX_RelationshipHealth_OwnerId",
                table: "RelationshipHealth",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_RelationshipHealth_PartnerShare",
                table: "RelationshipHealth",
                column: "PartnerShare");

            migrationBuilder.CreateIndex(
                name: "IX_RelationshipHealth_Responsiveness",
                table: "RelationshipHealth",
                column: "Responsiveness");

            migrationBuilder.CreateIndex(
                name: "IX_RelationshipHealth_TouchesInWindow",
                table: "RelationshipHealth",
                column: "TouchesInWindow");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RelationshipHealth");
        }
    }
}
