using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LibraryOutreach.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddTimelineIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FollowUps_ContactId",
                table: "FollowUps");

            migrationBuilder.DropIndex(
                name: "IX_FollowUps_OrganizationId",
                table: "FollowUps");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries");

            migrationBuilder.CreateIndex(
                name: "IX_ImportBatchItems_EntityType_EntityId",
                table: "ImportBatchItems",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_ContactId_CreatedAt",
                table: "FollowUps",
                columns: new[] { "ContactId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_OrganizationId_CreatedAt",
                table: "FollowUps",
                columns: new[] { "OrganizationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId_At",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ImportBatchItems_EntityType_EntityId",
                table: "ImportBatchItems");

            migrationBuilder.DropIndex(
                name: "IX_FollowUps_ContactId_CreatedAt",
                table: "FollowUps");

            migrationBuilder.DropIndex(
                name: "IX_FollowUps_OrganizationId_CreatedAt",
                table: "FollowUps");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_EntityType_EntityId_At",
                table: "AuditEntries");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_ContactId",
                table: "FollowUps",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_OrganizationId",
                table: "FollowUps",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId" });
        }
    }
}
