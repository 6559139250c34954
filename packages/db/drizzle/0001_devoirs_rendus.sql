CREATE TABLE "devoirs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"etablissement_id" uuid,
	"groupe_id" uuid NOT NULL,
	"enseignant_id" uuid NOT NULL,
	"titre" text NOT NULL,
	"consignes" text DEFAULT '' NOT NULL,
	"ouverture" timestamp with time zone NOT NULL,
	"echeance" timestamp with time zone NOT NULL,
	"date_limite" timestamp with time zone,
	"publication_corrige" timestamp with time zone,
	"familles" jsonb NOT NULL,
	"taille_max_octets" bigint NOT NULL,
	"nombre_max_fichiers" integer NOT NULL,
	"declaration_honneur" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"maj_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "devoirs_echeance_ck" CHECK ("devoirs"."echeance" >= "devoirs"."ouverture"),
	CONSTRAINT "devoirs_date_limite_ck" CHECK ("devoirs"."date_limite" is null or "devoirs"."date_limite" >= "devoirs"."echeance"),
	CONSTRAINT "devoirs_nombre_max_ck" CHECK ("devoirs"."nombre_max_fichiers" between 1 and 20)
);
--> statement-breakpoint
CREATE TABLE "fichiers_devoir" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"devoir_id" uuid NOT NULL,
	"nature" text NOT NULL,
	"nom" text NOT NULL,
	"taille" bigint NOT NULL,
	"sha256" text NOT NULL,
	"mime" text NOT NULL,
	"chemin" text NOT NULL,
	"ajoute_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fichiers_devoir_nature_ck" CHECK ("fichiers_devoir"."nature" in ('sujet', 'corrige'))
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"devoir_id" uuid NOT NULL,
	"eleve_id" uuid NOT NULL,
	"vu_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultations_pk" PRIMARY KEY("devoir_id","eleve_id")
);
--> statement-breakpoint
CREATE TABLE "fichiers_rendu" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rendu_id" uuid NOT NULL,
	"nom" text NOT NULL,
	"taille" bigint NOT NULL,
	"sha256" text NOT NULL,
	"mime" text NOT NULL,
	"chemin" text NOT NULL,
	"ordre" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journal_audit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"utilisateur_id" uuid,
	"action" text NOT NULL,
	"devoir_id" uuid,
	"rendu_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rappels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"devoir_id" uuid NOT NULL,
	"eleve_id" uuid NOT NULL,
	"enseignant_id" uuid,
	"message" text NOT NULL,
	"envoye_le" timestamp with time zone DEFAULT now() NOT NULL,
	"lu_le" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rendus" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"devoir_id" uuid NOT NULL,
	"eleve_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"rendu_le" timestamp with time zone NOT NULL,
	"en_retard" boolean NOT NULL,
	"declaration_cochee" boolean DEFAULT false NOT NULL,
	CONSTRAINT "rendus_devoir_eleve_version_uq" UNIQUE("devoir_id","eleve_id","version"),
	CONSTRAINT "rendus_version_ck" CHECK ("rendus"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "retours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rendu_id" uuid NOT NULL,
	"enseignant_id" uuid,
	"commentaire" text DEFAULT '' NOT NULL,
	"fichier_nom" text,
	"fichier_taille" bigint,
	"fichier_sha256" text,
	"fichier_mime" text,
	"fichier_chemin" text,
	"retourne_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retours_rendu_uq" UNIQUE("rendu_id")
);
--> statement-breakpoint
ALTER TABLE "devoirs" ADD CONSTRAINT "devoirs_etablissement_id_etablissements_id_fk" FOREIGN KEY ("etablissement_id") REFERENCES "public"."etablissements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devoirs" ADD CONSTRAINT "devoirs_groupe_id_groupes_id_fk" FOREIGN KEY ("groupe_id") REFERENCES "public"."groupes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devoirs" ADD CONSTRAINT "devoirs_enseignant_id_utilisateurs_id_fk" FOREIGN KEY ("enseignant_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fichiers_devoir" ADD CONSTRAINT "fichiers_devoir_devoir_id_devoirs_id_fk" FOREIGN KEY ("devoir_id") REFERENCES "public"."devoirs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_devoir_id_devoirs_id_fk" FOREIGN KEY ("devoir_id") REFERENCES "public"."devoirs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_eleve_id_utilisateurs_id_fk" FOREIGN KEY ("eleve_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fichiers_rendu" ADD CONSTRAINT "fichiers_rendu_rendu_id_rendus_id_fk" FOREIGN KEY ("rendu_id") REFERENCES "public"."rendus"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_audit" ADD CONSTRAINT "journal_audit_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_audit" ADD CONSTRAINT "journal_audit_devoir_id_devoirs_id_fk" FOREIGN KEY ("devoir_id") REFERENCES "public"."devoirs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_audit" ADD CONSTRAINT "journal_audit_rendu_id_rendus_id_fk" FOREIGN KEY ("rendu_id") REFERENCES "public"."rendus"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rappels" ADD CONSTRAINT "rappels_devoir_id_devoirs_id_fk" FOREIGN KEY ("devoir_id") REFERENCES "public"."devoirs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rappels" ADD CONSTRAINT "rappels_eleve_id_utilisateurs_id_fk" FOREIGN KEY ("eleve_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rappels" ADD CONSTRAINT "rappels_enseignant_id_utilisateurs_id_fk" FOREIGN KEY ("enseignant_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rendus" ADD CONSTRAINT "rendus_devoir_id_devoirs_id_fk" FOREIGN KEY ("devoir_id") REFERENCES "public"."devoirs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rendus" ADD CONSTRAINT "rendus_eleve_id_utilisateurs_id_fk" FOREIGN KEY ("eleve_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retours" ADD CONSTRAINT "retours_rendu_id_rendus_id_fk" FOREIGN KEY ("rendu_id") REFERENCES "public"."rendus"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retours" ADD CONSTRAINT "retours_enseignant_id_utilisateurs_id_fk" FOREIGN KEY ("enseignant_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "devoirs_groupe_idx" ON "devoirs" USING btree ("groupe_id");--> statement-breakpoint
CREATE INDEX "devoirs_enseignant_idx" ON "devoirs" USING btree ("enseignant_id");--> statement-breakpoint
CREATE INDEX "fichiers_devoir_devoir_idx" ON "fichiers_devoir" USING btree ("devoir_id");--> statement-breakpoint
CREATE INDEX "fichiers_rendu_rendu_idx" ON "fichiers_rendu" USING btree ("rendu_id");--> statement-breakpoint
CREATE INDEX "journal_audit_devoir_idx" ON "journal_audit" USING btree ("devoir_id");--> statement-breakpoint
CREATE INDEX "journal_audit_le_idx" ON "journal_audit" USING btree ("le");--> statement-breakpoint
CREATE INDEX "rappels_eleve_idx" ON "rappels" USING btree ("eleve_id");--> statement-breakpoint
CREATE INDEX "rappels_devoir_idx" ON "rappels" USING btree ("devoir_id");--> statement-breakpoint
CREATE INDEX "rendus_eleve_idx" ON "rendus" USING btree ("eleve_id");