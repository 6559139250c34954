CREATE TABLE "engagements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"devoir_id" uuid NOT NULL,
	"eleve_id" uuid NOT NULL,
	"engage_le" timestamp with time zone NOT NULL,
	"fichiers" jsonb NOT NULL,
	CONSTRAINT "engagements_devoir_eleve_uq" UNIQUE("devoir_id","eleve_id"),
	CONSTRAINT "engagements_fichiers_ck" CHECK (jsonb_typeof("engagements"."fichiers") = 'array')
);
--> statement-breakpoint
ALTER TABLE "rendus" ADD COLUMN "recu_le" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_devoir_id_devoirs_id_fk" FOREIGN KEY ("devoir_id") REFERENCES "public"."devoirs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_eleve_id_utilisateurs_id_fk" FOREIGN KEY ("eleve_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "engagements_eleve_idx" ON "engagements" USING btree ("eleve_id");