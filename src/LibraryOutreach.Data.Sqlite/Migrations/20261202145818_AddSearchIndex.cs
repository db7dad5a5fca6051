using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LibraryOutreach.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchDocuments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EntityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Subtitle = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    TitleText = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    BodyText = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    IsArchived = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchDocuments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_Kind_EntityId",
                table: "SearchDocuments",
                columns: new[] { "Kind", "EntityId" },
                unique: true);

            // The full-text index: an FTS5 table over SearchDocuments (external content, keyed by Id), kept in step
            // by triggers. Prefix indexes make "type-ahead" prefix queries fast.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchDocumentsFts" USING fts5(
                    "TitleText", "BodyText",
                    content='SearchDocuments', content_rowid='Id',
                    tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_AfterInsert" AFTER INSERT ON "SearchDocuments" BEGIN
                    INSERT INTO "SearchDocumentsFts"(rowid, "TitleText", "BodyText") VALUES (new."Id", new."TitleText", new."BodyText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_AfterDelete" AFTER DELETE ON "SearchDocuments" BEGIN
                    INSERT INTO "SearchDocumentsFts"("SearchDocumentsFts", rowid, "TitleText", "BodyText") VALUES ('delete', old."Id", old."TitleText", old."BodyText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_AfterUpdate" AFTER UPDATE ON "SearchDocuments" BEGIN
                    INSERT INTO "SearchDocumentsFts"("SearchDocumentsFts", rowid, "TitleText", "BodyText") VALUES ('delete', old."Id", old."TitleText", old."BodyText");
                    INSERT INTO "SearchDocumentsFts"(rowid, "TitleText", "BodyText") VALUES (new."Id", new."TitleText", new."BodyText");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchDocuments_AfterInsert";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchDocuments_AfterDelete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchDocuments_AfterUpdate";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "SearchDocumentsFts";""");
            migrationBuilder.DropTable(
                name: "SearchDocuments");
        }
    }
}
