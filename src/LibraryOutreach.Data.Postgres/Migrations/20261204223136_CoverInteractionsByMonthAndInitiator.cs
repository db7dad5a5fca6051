using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LibraryOutreach.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CoverInteractionsByMonthAndInitiator : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Interactions_OccurredAt",
                table: "Interactions");

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_OccurredAt_InitiatedBy",
                table: "Interactions",
                columns: new[] { "OccurredAt", "InitiatedBy" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Interactions_OccurredAt_InitiatedBy",
                table: "Interactions");

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_OccurredAt",
                table: "Interactions",
                column: "OccurredAt");
        }
    }
}
