CREATE TABLE "televersements_en_attente" (
	"id" text PRIMARY KEY NOT NULL,
	"devoir_id" uuid NOT NULL,
	"proprietaire_id" uuid NOT NULL,
	"taille" bigint NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "televersements_en_attente" ADD CONSTRAINT "televersements_en_attente_devoir_id_devoirs_id_fk" FOREIGN KEY ("devoir_id") REFERENCES "public"."devoirs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "televersements_en_attente" ADD CONSTRAINT "televersements_en_attente_proprietaire_id_utilisateurs_id_fk" FOREIGN KEY ("proprietaire_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "televersements_en_attente_proprietaire_idx" ON "televersements_en_attente" USING btree ("proprietaire_id","devoir_id");