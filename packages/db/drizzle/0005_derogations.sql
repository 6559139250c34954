CREATE TABLE "derogations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"devoir_id" uuid NOT NULL,
	"eleve_id" uuid NOT NULL,
	"echeance" timestamp with time zone,
	"date_limite" timestamp with time zone,
	"motif" text,
	"auteur_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"maj_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "derogations_devoir_eleve_uq" UNIQUE("devoir_id","eleve_id"),
	CONSTRAINT "derogations_une_date_ck" CHECK ("derogations"."echeance" is not null or "derogations"."date_limite" is not null),
	CONSTRAINT "derogations_date_limite_ck" CHECK ("derogations"."date_limite" is null or "derogations"."echeance" is null or "derogations"."date_limite" >= "derogations"."echeance"),
	CONSTRAINT "derogations_motif_ck" CHECK ("derogations"."motif" is null or char_length("derogations"."motif") <= 200),
	CONSTRAINT "derogations_version_ck" CHECK ("derogations"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "rendus" ADD COLUMN "delai_echeance" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rendus" ADD COLUMN "delai_date_limite" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "derogations" ADD CONSTRAINT "derogations_devoir_id_devoirs_id_fk" FOREIGN KEY ("devoir_id") REFERENCES "public"."devoirs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "derogations" ADD CONSTRAINT "derogations_eleve_id_utilisateurs_id_fk" FOREIGN KEY ("eleve_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "derogations" ADD CONSTRAINT "derogations_auteur_id_utilisateurs_id_fk" FOREIGN KEY ("auteur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "derogations_eleve_idx" ON "derogations" USING btree ("eleve_id");