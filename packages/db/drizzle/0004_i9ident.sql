CREATE TABLE "sessions_ent" (
	"jti" text PRIMARY KEY NOT NULL,
	"ent_id" text NOT NULL,
	"utilisateur_id" uuid NOT NULL,
	"sujet" text NOT NULL,
	"ticket_cas" text,
	"sid_oidc" text,
	"expire_le" timestamp with time zone NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "etablissements" ADD COLUMN "structure_id" text;--> statement-breakpoint
ALTER TABLE "sessions_ent" ADD CONSTRAINT "sessions_ent_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_ent_ticket_idx" ON "sessions_ent" USING btree ("ent_id","ticket_cas");--> statement-breakpoint
CREATE INDEX "sessions_ent_sid_idx" ON "sessions_ent" USING btree ("ent_id","sid_oidc");--> statement-breakpoint
CREATE INDEX "sessions_ent_sujet_idx" ON "sessions_ent" USING btree ("ent_id","sujet");--> statement-breakpoint
CREATE INDEX "sessions_ent_expire_idx" ON "sessions_ent" USING btree ("expire_le");