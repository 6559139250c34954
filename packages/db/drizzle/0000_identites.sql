CREATE TABLE "etablissements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ent_id" text NOT NULL,
	"cle" text NOT NULL,
	"uai" text,
	"nom" text NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"maj_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "etablissements_ent_cle_uq" UNIQUE("ent_id","cle")
);
--> statement-breakpoint
CREATE TABLE "groupes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ent_id" text NOT NULL,
	"etablissement_id" uuid,
	"nature" text NOT NULL,
	"nom" text NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "groupes_ent_etab_nature_nom_uq" UNIQUE NULLS NOT DISTINCT("ent_id","etablissement_id","nature","nom"),
	CONSTRAINT "groupes_nature_ck" CHECK ("groupes"."nature" in ('classe', 'groupe'))
);
--> statement-breakpoint
CREATE TABLE "membres" (
	"groupe_id" uuid NOT NULL,
	"utilisateur_id" uuid NOT NULL,
	"depuis_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membres_pk" PRIMARY KEY("groupe_id","utilisateur_id")
);
--> statement-breakpoint
CREATE TABLE "liens_parents" (
	"parent_id" uuid NOT NULL,
	"eleve_uid" text NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "liens_parents_pk" PRIMARY KEY("parent_id","eleve_uid")
);
--> statement-breakpoint
CREATE TABLE "sessions_revoquees" (
	"jti" text PRIMARY KEY NOT NULL,
	"expire_le" timestamp with time zone NOT NULL,
	"revoquee_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "utilisateurs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ent_id" text NOT NULL,
	"uid" text NOT NULL,
	"login" text,
	"nom_affiche" text NOT NULL,
	"role" text NOT NULL,
	"etablissement_id" uuid,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"maj_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "utilisateurs_ent_uid_uq" UNIQUE("ent_id","uid"),
	CONSTRAINT "utilisateurs_role_ck" CHECK ("utilisateurs"."role" in ('eleve', 'enseignant', 'parent', 'personnel'))
);
--> statement-breakpoint
ALTER TABLE "groupes" ADD CONSTRAINT "groupes_etablissement_id_etablissements_id_fk" FOREIGN KEY ("etablissement_id") REFERENCES "public"."etablissements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membres" ADD CONSTRAINT "membres_groupe_id_groupes_id_fk" FOREIGN KEY ("groupe_id") REFERENCES "public"."groupes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membres" ADD CONSTRAINT "membres_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liens_parents" ADD CONSTRAINT "liens_parents_parent_id_utilisateurs_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "utilisateurs" ADD CONSTRAINT "utilisateurs_etablissement_id_etablissements_id_fk" FOREIGN KEY ("etablissement_id") REFERENCES "public"."etablissements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "membres_utilisateur_idx" ON "membres" USING btree ("utilisateur_id");--> statement-breakpoint
CREATE INDEX "sessions_revoquees_expire_idx" ON "sessions_revoquees" USING btree ("expire_le");--> statement-breakpoint
CREATE INDEX "utilisateurs_etablissement_idx" ON "utilisateurs" USING btree ("etablissement_id");