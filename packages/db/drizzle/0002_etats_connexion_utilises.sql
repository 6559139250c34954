CREATE TABLE "etats_connexion_utilises" (
	"etat" text PRIMARY KEY NOT NULL,
	"expire_le" timestamp with time zone NOT NULL,
	"utilise_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "etats_connexion_utilises_expire_idx" ON "etats_connexion_utilises" USING btree ("expire_le");