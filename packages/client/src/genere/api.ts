// Généré par `npx -y pnpm@12.20.0 --filter @trousse/client generate` depuis le document OpenAPI de l'API
// (openapi.json, construit depuis apps/api). Ne pas modifier à la main : régénérer.

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Le processus est vivant */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** La base de données répond */
        get: operations["getReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/outils": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liste des outils (filtrable) */
        get: operations["getV1Outils"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/outils.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tous les outils en CSV (UTF-8, une ligne par outil) */
        get: operations["getV1OutilsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/outils/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Un outil */
        get: operations["getV1OutilsId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/outils/{id}/doctrine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * La doctrine DINUM appliquée à un outil (document 001)
         * @description Réponse de `evaluerDoctrine(outil)` de @trousse/rules, à l'identique.
         */
        get: operations["getV1OutilsIdDoctrine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/recommandations/visio": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Choisir un outil de visioconférence pour un besoin
         * @description Applique `recommanderVisio` de @trousse/rules : outils classés avec leurs raisons sourcées, et outils exclus avec la règle qui les écarte.
         */
        post: operations["postV1RecommandationsVisio"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/demo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Jeton de session pour un compte de démonstration (scripts ; mode démonstration seulement) */
        post: operations["ouvrirSessionDemo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/moi": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** L'utilisateur connecté */
        get: operations["lireMonProfil"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/deconnexion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Déconnexion : le jeton est révoqué immédiatement */
        post: operations["seDeconnecter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/groupes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mes classes et groupes (l'enseignant y choisit le `groupeId` d'un devoir) */
        get: operations["listerMesGroupes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devoirs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les devoirs : de l'enseignant ; des groupes de l'élève (statut et libellé) ; des enfants du parent (lecture seule) */
        get: operations["listerDevoirs"];
        put?: never;
        /** Donner un devoir à une de ses classes ou un de ses groupes (enseignant) */
        post: operations["creerDevoir"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devoirs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Un devoir (dates ISO et en heure de Paris, compte à rebours, contraintes, sujets, corrigé une fois publié) ; note « vu le … » pour l'élève */
        get: operations["lireDevoir"];
        put?: never;
        post?: never;
        /** Supprimer un devoir sans rendu (auteur) */
        delete: operations["supprimerDevoir"];
        options?: never;
        head?: never;
        /** Modifier un devoir (auteur) ; chaque champ est facultatif */
        patch: operations["modifierDevoir"];
        trace?: never;
    };
    "/v1/devoirs/{id}/fichiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Joindre au devoir des sujets ou un corrigé déjà envoyés par tus (auteur) */
        post: operations["joindreFichiersDevoir"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devoirs/{id}/fichiers/{fichierId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Télécharger un sujet ou un corrigé (le corrigé : à sa date de publication pour les élèves) */
        get: operations["telechargerFichierDevoir"];
        put?: never;
        post?: never;
        /** Retirer un sujet ou un corrigé (auteur) */
        delete: operations["retirerFichierDevoir"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devoirs/{id}/rendre": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rendre un devoir (élève du groupe) : accusé de réception
         * @description Les fichiers envoyés par tus (`televersements`) sont revérifiés par les règles, conservés durablement (lien puis fsync du dossier), puis la nouvelle version est enregistrée en une transaction.
         *
         *     **Sans risque à rejouer** : si l'accusé de réception s'est perdu (réseau coupé, double appui), renvoyer la même demande — les mêmes identifiants d'envoi — redonne l'accusé du rendu déjà enregistré, en **200** avec l'en-tête `Idempotent-Replayed: true`, au lieu d'une erreur ; rien n'est enregistré deux fois. Le rejeu reste valable après l'échéance ou la date limite : le rendu a été fait à son heure.
         */
        post: operations["rendreDevoir"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devoirs/{id}/mon-rendu": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mes versions (celle qui compte en premier), leurs fichiers, et le retour une fois rendu (élève) */
        get: operations["lireMonRendu"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devoirs/{id}/suivi": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Chaque élève du groupe : statut de suivi et libellé, « vu le … », version qui compte, fichiers avec sha256 (auteur) */
        get: operations["suivreDevoir"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devoirs/{id}/rendus.zip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Archive ZIP en flux : `manifeste.csv` (sha256) et un dossier par élève (auteur) */
        get: operations["telechargerArchiveRendus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rendus/{id}/fichiers/{fichierId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Télécharger un fichier rendu (élève auteur, enseignant du devoir) */
        get: operations["telechargerFichierRendu"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rendus/{id}/fichiers/{fichierId}/apercu": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Vignette d'une image rendue, affichable en ligne (élève auteur, enseignant du devoir)
         * @description Les octets de l'image, servis en ligne seulement si ce sont vraiment ceux d'une image matricielle (PNG, JPEG, GIF, WebP, reconnue par ses octets magiques relus du stockage : jamais SVG), de 10 Mio au plus, avec ce type et nul autre, `X-Content-Type-Options: nosniff` et une CSP `sandbox`. Pour le reste, le téléchargement (pièce jointe). Pas inscrit au journal d'audit : c'est un aperçu dans le suivi, pas un téléchargement.
         */
        get: operations["apercuFichierRendu"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rendus/{id}/retour": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Le retour d'une version de rendu (élève auteur, enseignant) */
        get: operations["lireRetour"];
        put?: never;
        /** Rendre (ou remplacer) un retour : commentaire et fichier facultatif envoyé par tus (enseignant) */
        post: operations["rendreRetour"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rendus/{id}/retour/fichier": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Le fichier joint au retour */
        get: operations["telechargerFichierRetour"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devoirs/{id}/rappels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rappel enregistré pour chaque élève qui n'a pas rendu (auteur) ; message par défaut sans corps ; pas aux élèves dont le délai accordé court (`enDelai`) */
        post: operations["envoyerRappel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rappels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mes rappels, les plus récents d'abord (élève ; 100 au plus) */
        get: operations["listerMesRappels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rappels/{id}/lu": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Marquer un rappel comme lu (élève destinataire ; sans effet s'il l'est déjà) */
        post: operations["marquerRappelLu"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devoirs/{id}/derogations/{eleveId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Accorder (ou remplacer) un délai à un élève du groupe : échéance et/ou date limite plus tardives (auteur)
         * @description Un délai ne retire jamais de temps : l'échéance accordée est après celle du devoir, la date limite accordée après la fin des rendus du devoir et pas avant l'échéance de l'élève (bornes incluses, règles `validerDerogation`). L'élève voit ensuite ses propres dates (`delaiAccorde`), rend jusqu'à elles, ne reçoit pas les rappels de la classe tant que son délai court, et ne voit le corrigé qu'à la fin de son délai. Le motif n'est montré qu'à l'enseignant.
         */
        put: operations["accorderDelai"];
        post?: never;
        /** Retirer le délai d'un élève (auteur) ; ses rendus déjà faits gardent le délai sous lequel ils ont été acceptés */
        delete: operations["retirerDelai"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devoirs/{id}/derogations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les délais accordés pour un devoir, par nom d'élève (auteur) */
        get: operations["listerDelais"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devoirs/{id}/engager": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * S'engager sur les fichiers d'un rendu (élève) : accusé provisoire, horodaté
         * @description Quand l'élève appuie sur « Rendre », le widget envoie l'empreinte SHA-256 et la taille de chaque fichier **avant** ses octets. Le serveur horodate cet engagement (une instruction) et répond un accusé **provisoire** : ce n'est pas un rendu. Le rendu qui suit (`rendre`) prend l'heure de l'engagement si ses fichiers ont les mêmes empreintes et arrivent dans le délai de grâce (`TROUSSE_ENGAGEMENT_GRACE_HEURES`, 24 h par défaut) ; d'autres octets sont refusés (`empreinte-differente`) et l'élève rend de nouveau à l'heure courante. Un nouvel engagement remplace le précédent. Jamais refusé par le contrôle d'admission. L'heure de l'engagement est celle où la requête entière (corps compris) est arrivée au serveur, avant la vérification de la session et la lecture du devoir : un serveur chargé ne met pas un élève en retard.
         */
        post: operations["engagerRendu"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/etablissement/charge-echeances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Rendus déjà attendus dans l'heure d'une échéance, et créneaux plus calmes (enseignant)
         * @description Pour étaler les échéances d'un établissement (les ENT du confinement ont régulé l'afflux par des « plages horaires privilégiées ») : compte les rendus attendus des devoirs de l'établissement dont l'échéance est à moins de 30 minutes de `autour`, et propose jusqu'à trois échéances plus calmes, à 3 h au plus, par pas de 30 min.
         */
        get: operations["chargeEcheances"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/connexion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Démarre la connexion ENT dans une fenêtre surgissante (OpenID Connect ou CAS 2.0) */
        get: operations["getAuthConnexion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/oidc/{entId}/retour": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retour OpenID Connect : échange du code, userinfo, jeton remis par postMessage */
        get: operations["getAuthOidcEntIdRetour"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/cas/{entId}/connexion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Démarre une connexion CAS 2.0 */
        get: operations["getAuthCasEntIdConnexion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/cas/{entId}/retour": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retour CAS : validation du ticket (/serviceValidate), jeton remis par postMessage */
        get: operations["getAuthCasEntIdRetour"];
        put?: never;
        /** Déconnexion unique CAS : le serveur CAS de l'ENT poste un LogoutRequest SAML (SessionIndex = ticket) ; les sessions Trousse ouvertes par ce ticket sont fermées */
        post: operations["postAuthCasEntIdRetour"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/oidc/{entId}/deconnexion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Déconnexion OpenID Connect par canal arrière (backchannel_logout_uri à déclarer dans l'ENT) : logout_token signé, sessions Trousse de ce sid (ou de ce sub) fermées */
        post: operations["postAuthOidcEntIdDeconnexion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/oidc/{entId}/deconnexion-front": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Déconnexion OpenID Connect par canal avant (frontchannel_logout_uri à déclarer dans l'ENT, avec frontchannel_logout_session_required) : la page de déconnexion de l'ENT charge cette adresse dans un cadre ; sessions Trousse de ce sid fermées */
        get: operations["getAuthOidcEntIdDeconnexionFront"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/popup.js": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Script de la fenêtre de connexion */
        get: operations["getAuthPopupJs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/demo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Page de connexion de démonstration (mode démonstration seulement) */
        get: operations["getAuthDemo"];
        put?: never;
        /** Connexion avec un compte de démonstration (formulaire de la page /auth/demo) */
        post: operations["postAuthDemo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/televersements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Créer un envoi reprenable (protocole tus 1.0, extension creation)
         * @description Élève du groupe tant que le devoir accepte des rendus (`peutRendre`), ou enseignant auteur (sujets, corrigés, fichiers de retour). Le nom et la taille annoncée sont vérifiés avant tout octet ; les premiers octets sont examinés avant d'écrire la suite ; le sha256 est calculé en flux ; le fichier est synchronisé (fsync) à la fin. Métadonnées (`Upload-Metadata`, paires `clé valeur-base64` séparées par des virgules) : `filename` (ou `nom`) — nom du fichier en UTF-8, sans chemin — et `devoir` — identifiant du devoir. Un envoi terminé mais jamais rendu est supprimé après 7 jours. Extensions non proposées, refusées en 400 : concatenation (`Upload-Concat`), creation-defer-length (`Upload-Defer-Length`), checksum (`Upload-Checksum`), et `X-HTTP-Method-Override`.
         */
        post: operations["creerTeleversement"];
        delete?: never;
        /** Capacités du serveur tus */
        options: operations["capacitesTeleversements"];
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/televersements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Refusé : un envoi ne se télécharge pas (utiliser le fichier du rendu) */
        get: operations["lireTeleversement"];
        put?: never;
        post?: never;
        /** Annuler un envoi (extension termination) */
        delete: operations["annulerTeleversement"];
        /** Capacités du serveur tus (pré-vol d'un envoi) */
        options: operations["capacitesTeleversement"];
        /** Où reprendre un envoi : `Upload-Offset` (octets déjà reçus) */
        head: operations["reprendreTeleversement"];
        /** Envoyer la suite du fichier à partir de `Upload-Offset` */
        patch: operations["envoyerSuiteTeleversement"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Etat: {
            /** @enum {string} */
            statut: "ok";
        };
        Erreur: {
            erreur: {
                /** @example outil-inconnu */
                code: string;
                /** @example Aucun outil ne porte l'identifiant « zoom ». */
                message: string;
                details?: components["schemas"]["DetailErreur"][];
            };
        };
        DetailErreur: {
            /** @example participants */
            champ: string;
            /** @example participants-invalide */
            code: string;
            /** @example Le nombre de participants doit être un entier positif. */
            message: string;
        };
        ListeOutils: {
            version: string;
            total: number;
            outils: {
                id: string;
                nom: string;
                autresNoms: string[];
                /** @enum {string} */
                origine: "education-nationale" | "entreprise-internationale";
                categories: ("visioconference" | "audioconference" | "partage-documents" | "communication-personnels" | "communication-eleves-familles" | "remise-travaux" | "vie-scolaire" | "plateforme-pedagogique" | "ent")[];
                publics: ("pilotage-formation" | "enseignement" | "eleves-familles")[];
                niveaux: ("1D" | "2D")[];
                /** Format: uri */
                url?: string;
                fiches: {
                    source: string;
                    publics: ("pilotage-formation" | "enseignement" | "eleves-familles")[];
                    categories: ("visioconference" | "audioconference" | "partage-documents" | "communication-personnels" | "communication-eleves-familles" | "remise-travaux" | "vie-scolaire" | "plateforme-pedagogique" | "ent")[];
                    acces?: {
                        modes: ("eduline" | "magistere" | "ent-1d" | "ent-2d" | "url" | "compte-apps-education" | "url-generee-enseignant")[];
                        texte: string;
                    };
                    avantages: string[];
                    limites: string[];
                    rgpd?: {
                        /** @enum {string} */
                        par: "administration" | "etablissement" | "cned";
                        texte: string;
                    };
                }[];
                contraintes: {
                    participantsMax?: {
                        valeur: number;
                        texte: string;
                        source: string;
                    };
                    sessionsSimultaneesParEtablissement?: {
                        valeur: number;
                        perimetre: string;
                        texte: string;
                        source: string;
                    };
                    reservationObligatoire?: {
                        texte: string;
                        source: string;
                    };
                    elevesIdentifies?: {
                        niveaux: ("1D" | "2D")[];
                        texte: string;
                        source: string;
                    };
                    audioSeulement?: {
                        texte: string;
                        source: string;
                    };
                    entRequis?: {
                        ents: "tous" | ("ode" | "sn62")[];
                        texte: string;
                        source: string;
                    };
                };
                notes: {
                    /** @enum {string} */
                    nature: "beta" | "version-flash-indisponible" | "indisponibilite-partielle" | "generalisation-a-venir" | "service-temporaire" | "nouveau-service" | "dysfonctionnements" | "mise-en-garde" | "fournisseur";
                    texte: string;
                    source: string;
                }[];
                usages: {
                    /** @enum {string} */
                    code: "usage-interne-personnels" | "conseils-de-classe-a-distance" | "solution-a-privilegier" | "classe-virtuelle-associee" | "reunions-en-ligne-agents" | "vie-scolaire";
                    publics: ("pilotage-formation" | "enseignement" | "eleves-familles")[];
                    texte: string;
                    source: string;
                }[];
                doctrine: {
                    reversibilite: {
                        /** @enum {string} */
                        statut: "conforme" | "non-conforme" | "non-renseigne";
                        justification: string;
                        sources: string[];
                    };
                    "acces-donnees": {
                        /** @enum {string} */
                        statut: "conforme" | "non-conforme" | "non-renseigne";
                        justification: string;
                        sources: string[];
                    };
                    rgpd: {
                        /** @enum {string} */
                        statut: "conforme" | "non-conforme" | "non-renseigne";
                        justification: string;
                        sources: string[];
                    };
                    "droit-francais-europeen": {
                        /** @enum {string} */
                        statut: "conforme" | "non-conforme" | "non-renseigne";
                        justification: string;
                        sources: string[];
                    };
                    accessibilite: {
                        /** @enum {string} */
                        statut: "conforme" | "non-conforme" | "non-renseigne";
                        justification: string;
                        sources: string[];
                    };
                    "empreinte-carbone": {
                        /** @enum {string} */
                        statut: "conforme" | "non-conforme" | "non-renseigne";
                        justification: string;
                        sources: string[];
                    };
                };
                provenance: {
                    /** @enum {string} */
                    nature: "document" | "editorial";
                    sources: string[];
                    justification?: string;
                };
                deductions?: {
                    /** @enum {string} */
                    champ: "niveaux";
                    /** @enum {string} */
                    nature: "deduit";
                    justification: string;
                    sources: string[];
                }[];
            }[];
        };
        EvaluationDoctrine: {
            outilId: string;
            nom: string;
            /** @description Les six critères DINUM, dans l'ordre du document 001 */
            criteres: {
                critere: string;
                libelle: string;
                /** @enum {string} */
                statut: "conforme" | "non-conforme" | "non-renseigne";
                justification: string;
                source?: {
                    id: string;
                    document: string;
                    section: string;
                    extrait?: string;
                };
                sources: {
                    id: string;
                    document: string;
                    section: string;
                    extrait?: string;
                }[];
            }[];
            resume: {
                conforme: number;
                nonConforme: number;
                nonRenseigne: number;
            };
            conformeSurToutCritereRenseigne: boolean;
            doctrine: {
                phrase: string;
                source: {
                    id: string;
                    document: string;
                    section: string;
                    extrait?: string;
                };
                vigilance: {
                    texte: string;
                    source: {
                        id: string;
                        document: string;
                        section: string;
                        extrait?: string;
                    };
                }[];
            };
        };
        ResultatVisio: {
            /** @description Le besoin validé, tel que reçu */
            besoin: {
                [key: string]: unknown;
            };
            recommandations: {
                /** @description 1 = le meilleur choix */
                rang: number;
                outilId: string;
                nom: string;
                url?: string;
                score: number;
                raisons: {
                    code: string;
                    texte: string;
                    source: {
                        id: string;
                        document: string;
                        section: string;
                        extrait?: string;
                    };
                }[];
                limites: string[];
                acces: string;
                rgpd: string;
                /** @description Ce qu'il faut faire ensuite, tiré des documents (adresse quand ils la donnent) */
                prochaineEtape: {
                    texte: string;
                    url?: string;
                    source?: {
                        id: string;
                        document: string;
                        section: string;
                        extrait?: string;
                    };
                };
                /** @description Déduit par Trousse, sans que les documents le disent (raisonnement, jamais une citation) */
                deductions?: string[];
            }[];
            exclusions: {
                outilId: string;
                nom: string;
                regle: string;
                raison: string;
                source?: {
                    id: string;
                    document: string;
                    section: string;
                    extrait?: string;
                };
                /** @description La déduction de Trousse sur laquelle la règle s'appuie aussi (jamais une citation) */
                deduction?: string;
            }[];
        };
        UtilisateurConnecte: {
            /** Format: uuid */
            id: string;
            entId: string;
            /** @enum {string} */
            role: "eleve" | "enseignant" | "parent" | "personnel";
            nomAffiche: string;
            /** Format: uuid */
            etablissementId: string | null;
        };
        DemandeSessionDemo: {
            /** @example lea.martin */
            login: string;
        };
        Profil: {
            /** Format: uuid */
            id: string;
            entId: string;
            /** @enum {string} */
            role: "eleve" | "enseignant" | "parent" | "personnel";
            nomAffiche: string;
            etablissement: {
                id: string;
                nom: string;
                uai: string | null;
            } | null;
            classes: string[];
            groupes: string[];
            /** Format: date-time */
            expireLe: string;
        };
        Devoir: {
            /** Format: uuid */
            id: string;
            titre: string;
            consignes: string;
            groupe: {
                /** Format: uuid */
                id: string;
                nom: string;
                nature: string;
            };
            /** Format: uuid */
            enseignantId: string;
            dates: {
                /**
                 * Format: date-time
                 * @example 2026-03-31T21:59:00.000Z
                 */
                ouverture: string;
                /**
                 * Format: date-time
                 * @example 2026-03-31T21:59:00.000Z
                 */
                echeance: string;
                /**
                 * Format: date-time
                 * @example 2026-03-31T21:59:00.000Z
                 */
                dateLimite: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-31T21:59:00.000Z
                 */
                publicationCorrige: string | null;
            };
            datesAffichees: {
                /** @example mardi 31 mars 2026 à 23 h 59 */
                ouverture: string;
                /** @example mardi 31 mars 2026 à 23 h 59 */
                echeance: string;
                /** @example mardi 31 mars 2026 à 23 h 59 */
                dateLimite: string | null;
                /** @example mardi 31 mars 2026 à 23 h 59 */
                publicationCorrige: string | null;
            };
            tempsRestant: {
                totalMs: number;
                jours: number;
                heures: number;
                minutes: number;
                secondes: number;
                moinsDe24h: boolean;
                depasse: boolean;
            };
            contraintes: {
                familles: ("document" | "image" | "audio" | "video")[];
                tailleMaxOctets: number;
                nombreMax: number;
            };
            declarationHonneur: string | null;
            sujets: components["schemas"]["FichierDevoir"][];
            /** @description null : le corrigé n'est pas (encore) visible pour cet utilisateur */
            corriges: components["schemas"]["FichierDevoir"][] | null;
            /**
             * Format: date-time
             * @example 2026-03-31T21:59:00.000Z
             */
            creeLe: string;
            /**
             * Format: date-time
             * @example 2026-03-31T21:59:00.000Z
             */
            majLe: string;
        };
        FichierDevoir: components["schemas"]["FichierRendu"] & {
            url: string;
        };
        FichierRendu: {
            /** Format: uuid */
            id: string;
            /** @example ma rédaction.pdf */
            nom: string;
            taille: number;
            sha256: string;
            /** @example application/pdf */
            mime: string;
        };
        CreationDevoir: {
            /** Format: uuid */
            groupeId: string;
            titre: string;
            /** @default  */
            consignes: string;
            /**
             * @description Instant ISO-8601 avec décalage (`2026-03-31T23:59:00+02:00`) ou heure de Paris sans décalage (`2026-03-31T23:59`, changements d'heure compris). Validé par les règles (`validerDatesDevoir`).
             * @example 2026-03-31T23:59
             */
            ouverture: string;
            /**
             * @description Instant ISO-8601 avec décalage (`2026-03-31T23:59:00+02:00`) ou heure de Paris sans décalage (`2026-03-31T23:59`, changements d'heure compris). Validé par les règles (`validerDatesDevoir`).
             * @example 2026-03-31T23:59
             */
            echeance: string;
            /**
             * @description Instant ISO-8601 avec décalage (`2026-03-31T23:59:00+02:00`) ou heure de Paris sans décalage (`2026-03-31T23:59`, changements d'heure compris). Validé par les règles (`validerDatesDevoir`).
             * @example 2026-03-31T23:59
             */
            dateLimite?: string | null;
            /**
             * @description Instant ISO-8601 avec décalage (`2026-03-31T23:59:00+02:00`) ou heure de Paris sans décalage (`2026-03-31T23:59`, changements d'heure compris). Validé par les règles (`validerDatesDevoir`).
             * @example 2026-03-31T23:59
             */
            publicationCorrige?: string | null;
            contraintes?: {
                /**
                 * @default [
                 *       "document",
                 *       "image"
                 *     ]
                 */
                familles: ("document" | "image" | "audio" | "video")[];
                /** @default 104857600 */
                tailleMaxOctets: number;
                /** @default 5 */
                nombreMax: number;
                tailleTotaleMaxOctets?: number;
            };
            declarationHonneur?: string | null;
        };
        ListeDevoirs: {
            devoirs: {
                /** Format: uuid */
                id: string;
                titre: string;
                /** Format: uuid */
                groupeId: string;
                /**
                 * Format: date-time
                 * @example 2026-03-31T21:59:00.000Z
                 */
                echeance: string;
                /**
                 * Format: date-time
                 * @example 2026-03-31T21:59:00.000Z
                 */
                dateLimite: string | null;
                statut: components["schemas"]["StatutRendu"];
                /** @example À rendre */
                libelle: string;
                /**
                 * Format: date-time
                 * @example 2026-03-31T21:59:00.000Z
                 */
                renduLe: string | null;
                delaiAccorde: components["schemas"]["DelaiAccorde"];
            }[];
        } | {
            devoirs: {
                /** Format: uuid */
                id: string;
                titre: string;
                /** Format: uuid */
                groupeId: string;
                /**
                 * Format: date-time
                 * @example 2026-03-31T21:59:00.000Z
                 */
                echeance: string;
                /**
                 * Format: date-time
                 * @example 2026-03-31T21:59:00.000Z
                 */
                dateLimite: string | null;
            }[];
        } | {
            enfants: {
                eleve: components["schemas"]["EleveAffiche"];
                devoirs: {
                    /** Format: uuid */
                    id: string;
                    titre: string;
                    /** Format: uuid */
                    groupeId: string;
                    /**
                     * Format: date-time
                     * @example 2026-03-31T21:59:00.000Z
                     */
                    echeance: string;
                    /**
                     * Format: date-time
                     * @example 2026-03-31T21:59:00.000Z
                     */
                    dateLimite: string | null;
                    statut: components["schemas"]["StatutRendu"];
                    /** @example À rendre */
                    libelle: string;
                    /**
                     * Format: date-time
                     * @example 2026-03-31T21:59:00.000Z
                     */
                    renduLe: string | null;
                    delaiAccorde: components["schemas"]["DelaiAccorde"];
                }[];
            }[];
            /** @enum {boolean} */
            lectureSeule: true;
        };
        /**
         * @description Statut vu par l'élève ou son parent (règles `statutRendu`), libellé renvoyé à côté : `a-venir` « À venir », `a-rendre` « À rendre », `rendu` « Rendu », `rendu-en-retard` « Rendu en retard », `ferme` « Fermé », `corrige-disponible` « Corrigé disponible »
         * @enum {string}
         */
        StatutRendu: "a-venir" | "a-rendre" | "rendu" | "rendu-en-retard" | "ferme" | "corrige-disponible";
        /** @description Le délai accordé à cet élève par l'enseignant (ses dates effectives, « Délai accordé jusqu'au … »), ou null */
        DelaiAccorde: {
            /**
             * Format: date-time
             * @description Échéance de l'élève : à l'heure jusqu'à cet instant inclus
             * @example 2026-03-31T21:59:00.000Z
             */
            echeance: string;
            /** @example mardi 31 mars 2026 à 23 h 59 */
            echeanceAffichee: string;
            /**
             * Format: date-time
             * @description Rendu en retard accepté jusqu'à cet instant inclus ; null : rien après l'échéance
             * @example 2026-03-31T21:59:00.000Z
             */
            dateLimite: string | null;
            /** @example mardi 31 mars 2026 à 23 h 59 */
            dateLimiteAffichee: string | null;
            /** @example Délai accordé jusqu'au mardi 7 avril 2026 à 23 h 59. */
            libelle: string;
        } | null;
        EleveAffiche: {
            /** Format: uuid */
            id: string;
            nomAffiche: string;
        };
        LectureDevoir: {
            devoir: components["schemas"]["Devoir"];
            statut: components["schemas"]["StatutRendu"];
            /** @example À rendre */
            libelle: string;
            delaiAccorde: components["schemas"]["DelaiAccorde"];
        } | {
            devoir: components["schemas"]["Devoir"];
            enfants: {
                eleve: components["schemas"]["EleveAffiche"];
                statut: components["schemas"]["StatutRendu"];
                /** @example À rendre */
                libelle: string;
                /**
                 * Format: date-time
                 * @example 2026-03-31T21:59:00.000Z
                 */
                renduLe: string | null;
                delaiAccorde: components["schemas"]["DelaiAccorde"];
            }[];
            /** @enum {boolean} */
            lectureSeule: true;
        } | {
            devoir: components["schemas"]["Devoir"];
        };
        ModificationDevoir: {
            titre?: string;
            /** @default  */
            consignes: string;
            /**
             * @description Instant ISO-8601 avec décalage (`2026-03-31T23:59:00+02:00`) ou heure de Paris sans décalage (`2026-03-31T23:59`, changements d'heure compris). Validé par les règles (`validerDatesDevoir`).
             * @example 2026-03-31T23:59
             */
            ouverture?: string;
            /**
             * @description Instant ISO-8601 avec décalage (`2026-03-31T23:59:00+02:00`) ou heure de Paris sans décalage (`2026-03-31T23:59`, changements d'heure compris). Validé par les règles (`validerDatesDevoir`).
             * @example 2026-03-31T23:59
             */
            echeance?: string;
            /**
             * @description Instant ISO-8601 avec décalage (`2026-03-31T23:59:00+02:00`) ou heure de Paris sans décalage (`2026-03-31T23:59`, changements d'heure compris). Validé par les règles (`validerDatesDevoir`).
             * @example 2026-03-31T23:59
             */
            dateLimite?: string | null;
            /**
             * @description Instant ISO-8601 avec décalage (`2026-03-31T23:59:00+02:00`) ou heure de Paris sans décalage (`2026-03-31T23:59`, changements d'heure compris). Validé par les règles (`validerDatesDevoir`).
             * @example 2026-03-31T23:59
             */
            publicationCorrige?: string | null;
            contraintes?: {
                /**
                 * @default [
                 *       "document",
                 *       "image"
                 *     ]
                 */
                familles: ("document" | "image" | "audio" | "video")[];
                /** @default 104857600 */
                tailleMaxOctets: number;
                /** @default 5 */
                nombreMax: number;
                tailleTotaleMaxOctets?: number;
            };
            declarationHonneur?: string | null;
        };
        JointureFichiers: {
            /** @enum {string} */
            nature: "sujet" | "corrige";
            televersements: string[];
        };
        AccuseReception: {
            accuseReception: components["schemas"]["Accuse"];
        };
        Accuse: {
            /** Format: uuid */
            renduId: string;
            /** Format: uuid */
            devoirId: string;
            eleve: components["schemas"]["EleveAffiche"];
            /**
             * Format: date-time
             * @description L'instant du rendu, qui décide de la ponctualité (UTC) : l'heure du serveur au rendu, ou celle de l'engagement quand les fichiers reçus sont ceux promis
             * @example 2026-03-31T21:59:00.000Z
             */
            renduLe: string;
            /** @example mardi 31 mars 2026 à 23 h 59 */
            renduLeAffiche: string;
            /**
             * Format: date-time
             * @description Quand le rendu a pris l'heure d'un engagement : l'heure où ses fichiers ont été reçus ; null sinon
             * @example 2026-03-31T21:59:00.000Z
             */
            recuLe: string | null;
            /**
             * @description Les deux heures d'un rendu engagé ; null sans engagement
             * @example engagé à 22 h 59 min 50 s, reçu à 23 h 04 min 12 s — rendu à l'heure
             */
            horodatageLibelle: string | null;
            enRetard: boolean;
            /** @enum {string} */
            ponctualite: "a-l-heure" | "en-retard";
            /** @enum {string} */
            ponctualiteLibelle: "Rendu à l'heure" | "Rendu en retard";
            /** @description Numéro de cette version */
            version: number;
            /** @description La version qui compte (la plus récente) */
            versionRetenue: number;
            versionsPrecedentes: number;
            declarationCochee: boolean;
            fichiers: components["schemas"]["FichierRendu"][];
            statut: components["schemas"]["StatutRendu"];
            /** @example Rendu */
            statutLibelle: string;
            delaiAccorde: components["schemas"]["DelaiAccorde"] & unknown;
            message: string;
        };
        DemandeRendu: {
            televersements: string[];
            /** @default false */
            declarationCochee: boolean;
        };
        MonRendu: {
            statut: components["schemas"]["StatutRendu"];
            /** @example À rendre */
            libelle: string;
            delaiAccorde: components["schemas"]["DelaiAccorde"] & unknown;
            versionRetenue: number | null;
            versions: {
                /** Format: uuid */
                renduId: string;
                version: number;
                retenue: boolean;
                /**
                 * Format: date-time
                 * @example 2026-03-31T21:59:00.000Z
                 */
                renduLe: string;
                /** @example mardi 31 mars 2026 à 23 h 59 */
                renduLeAffiche: string;
                /**
                 * Format: date-time
                 * @example 2026-03-31T21:59:00.000Z
                 */
                recuLe: string | null;
                horodatageLibelle: string | null;
                enRetard: boolean;
                declarationCochee: boolean;
                delaiAccorde: components["schemas"]["DelaiAccorde"] & unknown;
                fichiers: (components["schemas"]["FichierRendu"] & {
                    url: string;
                })[];
            }[];
            retour: components["schemas"]["Retour"];
        };
        Retour: {
            /** Format: uuid */
            id: string;
            commentaire: string;
            /**
             * Format: date-time
             * @example 2026-03-31T21:59:00.000Z
             */
            retourneLe: string;
            /** @example mardi 31 mars 2026 à 23 h 59 */
            retourneLeAffiche: string;
            fichier: {
                nom: string;
                taille: number | null;
                mime: string | null;
                sha256: string | null;
                url: string;
            } | null;
        } | null;
        Suivi: {
            devoir: {
                /** Format: uuid */
                id: string;
                titre: string;
                groupe: {
                    /** Format: uuid */
                    id: string;
                    nom: string;
                    nature: string;
                };
            };
            /** @description Nombre d'élèves par statut (seuls les statuts présents) */
            compte: {
                "non-ouvert"?: number;
                vu?: number;
                rendu?: number;
                "rendu-en-retard"?: number;
                "non-rendu"?: number;
            };
            eleves: components["schemas"]["LigneSuivi"][];
        };
        LigneSuivi: {
            eleve: components["schemas"]["EleveAffiche"];
            statut: components["schemas"]["StatutSuivi"];
            /** @example Rendu en retard */
            libelle: string;
            /**
             * Format: date-time
             * @example 2026-03-31T21:59:00.000Z
             */
            vuLe: string | null;
            /** @example mardi 31 mars 2026 à 23 h 59 */
            vuLeAffiche: string | null;
            /** @description Le délai accordé à cet élève (dates effectives, motif), ou null */
            delaiAccorde: components["schemas"]["DelaiAccorde"] & ({
                motif: string | null;
            } | null);
            rendu: {
                /** Format: uuid */
                id: string;
                version: number;
                /**
                 * Format: date-time
                 * @example 2026-03-31T21:59:00.000Z
                 */
                renduLe: string;
                /** @example mardi 31 mars 2026 à 23 h 59 */
                renduLeAffiche: string;
                /**
                 * Format: date-time
                 * @description Rendu engagé : l'heure où ses fichiers ont été reçus (`renduLe` est celle de l'engagement)
                 * @example 2026-03-31T21:59:00.000Z
                 */
                recuLe: string | null;
                /** @example engagé à 22 h 59 min 50 s, reçu à 23 h 04 min 12 s — rendu à l'heure */
                horodatageLibelle: string | null;
                /** @description En retard selon les dates du devoir aujourd'hui, comme `statut` (une échéance déplacée après le rendu le change ; l'accusé de réception garde ce qu'il disait) */
                enRetard: boolean;
                declarationCochee: boolean;
                fichiers: (components["schemas"]["FichierRendu"] & {
                    url: string;
                    /**
                     * @description Nombre de pages d'un PDF, lu côté serveur dans le fichier conservé (64 Kio au début et à la fin) ; null pour un autre type ou s'il ne s'y lit pas
                     * @example 4
                     */
                    pages: number | null;
                })[];
                retourne: boolean;
            } | null;
        };
        /**
         * @description Statut d'un élève dans le suivi de l'enseignant (règles `statutSuivi`), libellé renvoyé à côté : `non-ouvert` « Non ouvert », `vu` « Vu », `rendu` « Rendu », `rendu-en-retard` « Rendu en retard », `non-rendu` « Non rendu »
         * @enum {string}
         */
        StatutSuivi: "non-ouvert" | "vu" | "rendu" | "rendu-en-retard" | "non-rendu";
        DemandeRetour: {
            /** @default  */
            commentaire: string;
            televersement?: string | null;
        };
        DemandeRappel: {
            message?: string;
        };
        MesRappels: {
            rappels: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                devoirId: string;
                titreDevoir: string;
                message: string;
                /**
                 * Format: date-time
                 * @example 2026-03-31T21:59:00.000Z
                 */
                envoyeLe: string;
                /** @example mardi 31 mars 2026 à 23 h 59 */
                envoyeLeAffiche: string;
                lu: boolean;
            }[];
            nonLus: number;
        };
        Derogation: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            devoirId: string;
            eleve: components["schemas"]["EleveAffiche"];
            /**
             * Format: date-time
             * @description Échéance accordée, telle que saisie (ou null)
             * @example 2026-03-31T21:59:00.000Z
             */
            echeance: string | null;
            /**
             * Format: date-time
             * @description Date limite accordée, telle que saisie (ou null)
             * @example 2026-03-31T21:59:00.000Z
             */
            dateLimite: string | null;
            motif: string | null;
            /** @description 1 à l'octroi, +1 à chaque remplacement */
            version: number;
            /**
             * Format: date-time
             * @example 2026-03-31T21:59:00.000Z
             */
            accordeLe: string;
            /**
             * Format: date-time
             * @example 2026-03-31T21:59:00.000Z
             */
            majLe: string;
            delaiAccorde: components["schemas"]["DelaiAccorde"] & unknown;
        };
        DemandeDerogation: {
            /**
             * @description Instant ISO-8601 avec décalage ou heure de Paris sans décalage (`2026-04-07T23:59`). Validé par les règles (`validerDerogation`).
             * @example 2026-04-07T23:59
             */
            echeance?: string | null;
            /**
             * @description Instant ISO-8601 avec décalage ou heure de Paris sans décalage (`2026-04-07T23:59`). Validé par les règles (`validerDerogation`).
             * @example 2026-04-07T23:59
             */
            dateLimite?: string | null;
            /**
             * @description Note courte pour l'enseignant (montrée à lui seul : pas de détail médical utile ici)
             * @example PAP : temps majoré
             */
            motif?: string | null;
        };
        ListeDerogations: {
            derogations: components["schemas"]["Derogation"][];
        };
        AccuseEngagement: {
            engagement: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                devoirId: string;
                /**
                 * @description Toujours vrai : un engagement seul n'est pas un rendu
                 * @enum {boolean}
                 */
                provisoire: true;
                /**
                 * Format: date-time
                 * @description Heure du serveur à l'engagement (UTC)
                 * @example 2026-03-31T21:59:00.000Z
                 */
                engageLe: string;
                /** @example mardi 31 mars 2026 à 23 h 59 */
                engageLeAffiche: string;
                /** @example 22 h 59 min 50 s */
                heureAffichee: string;
                /**
                 * Format: date-time
                 * @description Les fichiers doivent arriver (« rendre ») au plus tard à cet instant, inclus
                 * @example 2026-03-31T21:59:00.000Z
                 */
                expireLe: string;
                /** @example mardi 31 mars 2026 à 23 h 59 */
                expireLeAffiche: string;
                /**
                 * @description Ce que sera le rendu si les mêmes fichiers arrivent avant l'expiration
                 * @enum {string}
                 */
                ponctualitePrevue: "a-l-heure" | "en-retard";
                fichiers: {
                    sha256: string;
                    taille: number;
                    nom: string;
                }[];
                /** @description Vrai si un engagement précédent pour ce devoir a été remplacé */
                remplace: boolean;
                message: string;
            };
        };
        ChargeEcheances: {
            /**
             * Format: date-time
             * @example 2026-03-31T21:59:00.000Z
             */
            autour: string;
            /** @example mardi 31 mars 2026 à 23 h 59 */
            autourAffiche: string;
            /** @description Rendus attendus (élèves des classes ou groupes) des devoirs de l'établissement dont l'échéance est à moins de 30 min */
            rendusMemeHeure: number;
            devoirsMemeHeure: number;
            suggestions: {
                /**
                 * Format: date-time
                 * @example 2026-03-31T21:59:00.000Z
                 */
                echeance: string;
                /** @example mardi 31 mars 2026 à 23 h 59 */
                echeanceAffichee: string;
                rendus: number;
                decalageMinutes: number;
                libelle: string;
            }[];
            /** @example 150 rendus sont déjà attendus dans l'établissement dans l'heure de cette échéance (2 devoirs). Plus calme : … */
            message: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Vivant */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Etat"];
                };
            };
        };
    };
    getReady: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prêt */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Etat"];
                };
            };
            /** @description Base injoignable (code base-indisponible) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    getV1Outils: {
        parameters: {
            query?: {
                /** @description Catégorie d'outil */
                categorie?: "visioconference" | "audioconference" | "partage-documents" | "communication-personnels" | "communication-eleves-familles" | "remise-travaux" | "vie-scolaire" | "plateforme-pedagogique" | "ent";
                /** @description Public visé (tableaux du document 000) */
                public?: "pilotage-formation" | "enseignement" | "eleves-familles";
                /** @description 1D (écoles) ou 2D (collèges, lycées) */
                niveau?: "1D" | "2D";
                /** @description ENT de l'école : ne garde que les outils utilisables avec lui */
                ent?: "ode" | "sn62" | "autre" | "aucun";
                /** @description Recherche sans accents ni casse */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Les outils */
            200: {
                headers: {
                    /** @description Empreinte forte du contenu */
                    ETag?: string;
                    /** @description public, max-age=300 : les données ne changent qu'avec une nouvelle version ; revalidation par If-None-Match */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListeOutils"];
                };
            };
            /** @description Inchangé : l'ETag donné dans If-None-Match est toujours valable */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Filtre invalide — codes : `requete-invalide` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    getV1OutilsCsv: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Fichier CSV */
            200: {
                headers: {
                    /** @description Empreinte forte du contenu */
                    ETag?: string;
                    /** @description public, max-age=300 : les données ne changent qu'avec une nouvelle version ; revalidation par If-None-Match */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Inchangé : l'ETag donné dans If-None-Match est toujours valable */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getV1OutilsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description L'outil */
            200: {
                headers: {
                    /** @description Empreinte forte du contenu */
                    ETag?: string;
                    /** @description public, max-age=300 : les données ne changent qu'avec une nouvelle version ; revalidation par If-None-Match */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        nom: string;
                        autresNoms: string[];
                        /** @enum {string} */
                        origine: "education-nationale" | "entreprise-internationale";
                        categories: ("visioconference" | "audioconference" | "partage-documents" | "communication-personnels" | "communication-eleves-familles" | "remise-travaux" | "vie-scolaire" | "plateforme-pedagogique" | "ent")[];
                        publics: ("pilotage-formation" | "enseignement" | "eleves-familles")[];
                        niveaux: ("1D" | "2D")[];
                        /** Format: uri */
                        url?: string;
                        fiches: {
                            source: string;
                            publics: ("pilotage-formation" | "enseignement" | "eleves-familles")[];
                            categories: ("visioconference" | "audioconference" | "partage-documents" | "communication-personnels" | "communication-eleves-familles" | "remise-travaux" | "vie-scolaire" | "plateforme-pedagogique" | "ent")[];
                            acces?: {
                                modes: ("eduline" | "magistere" | "ent-1d" | "ent-2d" | "url" | "compte-apps-education" | "url-generee-enseignant")[];
                                texte: string;
                            };
                            avantages: string[];
                            limites: string[];
                            rgpd?: {
                                /** @enum {string} */
                                par: "administration" | "etablissement" | "cned";
                                texte: string;
                            };
                        }[];
                        contraintes: {
                            participantsMax?: {
                                valeur: number;
                                texte: string;
                                source: string;
                            };
                            sessionsSimultaneesParEtablissement?: {
                                valeur: number;
                                perimetre: string;
                                texte: string;
                                source: string;
                            };
                            reservationObligatoire?: {
                                texte: string;
                                source: string;
                            };
                            elevesIdentifies?: {
                                niveaux: ("1D" | "2D")[];
                                texte: string;
                                source: string;
                            };
                            audioSeulement?: {
                                texte: string;
                                source: string;
                            };
                            entRequis?: {
                                ents: "tous" | ("ode" | "sn62")[];
                                texte: string;
                                source: string;
                            };
                        };
                        notes: {
                            /** @enum {string} */
                            nature: "beta" | "version-flash-indisponible" | "indisponibilite-partielle" | "generalisation-a-venir" | "service-temporaire" | "nouveau-service" | "dysfonctionnements" | "mise-en-garde" | "fournisseur";
                            texte: string;
                            source: string;
                        }[];
                        usages: {
                            /** @enum {string} */
                            code: "usage-interne-personnels" | "conseils-de-classe-a-distance" | "solution-a-privilegier" | "classe-virtuelle-associee" | "reunions-en-ligne-agents" | "vie-scolaire";
                            publics: ("pilotage-formation" | "enseignement" | "eleves-familles")[];
                            texte: string;
                            source: string;
                        }[];
                        doctrine: {
                            reversibilite: {
                                /** @enum {string} */
                                statut: "conforme" | "non-conforme" | "non-renseigne";
                                justification: string;
                                sources: string[];
                            };
                            "acces-donnees": {
                                /** @enum {string} */
                                statut: "conforme" | "non-conforme" | "non-renseigne";
                                justification: string;
                                sources: string[];
                            };
                            rgpd: {
                                /** @enum {string} */
                                statut: "conforme" | "non-conforme" | "non-renseigne";
                                justification: string;
                                sources: string[];
                            };
                            "droit-francais-europeen": {
                                /** @enum {string} */
                                statut: "conforme" | "non-conforme" | "non-renseigne";
                                justification: string;
                                sources: string[];
                            };
                            accessibilite: {
                                /** @enum {string} */
                                statut: "conforme" | "non-conforme" | "non-renseigne";
                                justification: string;
                                sources: string[];
                            };
                            "empreinte-carbone": {
                                /** @enum {string} */
                                statut: "conforme" | "non-conforme" | "non-renseigne";
                                justification: string;
                                sources: string[];
                            };
                        };
                        provenance: {
                            /** @enum {string} */
                            nature: "document" | "editorial";
                            sources: string[];
                            justification?: string;
                        };
                        deductions?: {
                            /** @enum {string} */
                            champ: "niveaux";
                            /** @enum {string} */
                            nature: "deduit";
                            justification: string;
                            sources: string[];
                        }[];
                    };
                };
            };
            /** @description Inchangé : l'ETag donné dans If-None-Match est toujours valable */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Outil inconnu — codes : `outil-inconnu` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    getV1OutilsIdDoctrine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Les six critères et l'évaluation de l'outil */
            200: {
                headers: {
                    /** @description Empreinte forte du contenu */
                    ETag?: string;
                    /** @description public, max-age=300 : les données ne changent qu'avec une nouvelle version ; revalidation par If-None-Match */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvaluationDoctrine"];
                };
            };
            /** @description Inchangé : l'ETag donné dans If-None-Match est toujours valable */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Outil inconnu — codes : `outil-inconnu` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    postV1RecommandationsVisio: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    organisateur: "enseignant" | "personnel-direction" | "personnel-administratif" | "inspection-formation";
                    avec: ("eleves" | "familles" | "personnels-internes" | "partenaires-externes")[];
                    participants: number;
                    /** @enum {string} */
                    objet: "cours" | "reunion" | "conseil-de-classe" | "formation" | "audioconference";
                    /** @enum {string} */
                    niveau: "1D" | "2D";
                    /** @enum {string} */
                    ent: "ode" | "sn62" | "autre" | "aucun";
                    elevesIdentifies: boolean;
                    reservationPossible: boolean;
                    webConferenceEntEnCours: boolean;
                };
            };
        };
        responses: {
            /** @description Recommandations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResultatVisio"];
                };
            };
            /** @description Besoin invalide (un détail par champ, avec le code de la règle) ou JSON illisible — codes : `besoin-invalide`, `json-invalide` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Le corps doit être envoyé en `application/json` — codes : `type-contenu-invalide` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    ouvrirSessionDemo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DemandeSessionDemo"];
            };
        };
        responses: {
            /** @description Jeton de session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        jeton: string;
                        /** Format: date-time */
                        expireLe: string;
                        utilisateur: components["schemas"]["UtilisateurConnecte"];
                    };
                };
            };
            /** @description Corps invalide — codes : `parametre-invalide`, `json-invalide` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Mode démonstration désactivé, ou compte inconnu — codes : `introuvable`, `utilisateur-demo-inconnu` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Le corps doit être envoyé en `application/json` — codes : `type-contenu-invalide` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données injoignable — codes : `base-indisponible` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    lireMonProfil: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Profil */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Profil"];
                };
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After` — codes : `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    seDeconnecter: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Déconnecté */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After` — codes : `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    listerMesGroupes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Classes et groupes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        groupes: {
                            /** Format: uuid */
                            id: string;
                            nature: string;
                            nom: string;
                        }[];
                    };
                };
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After` — codes : `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    listerDevoirs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Selon le rôle */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListeDevoirs"];
                };
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After` — codes : `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    creerDevoir: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreationDevoir"];
            };
        };
        responses: {
            /** @description Devoir créé */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        devoir: components["schemas"]["Devoir"];
                    };
                };
            };
            /** @description Corps ou dates invalides — codes : `json-invalide`, `requete-invalide`, `contraintes-invalides`, `date-invalide`, `echeance-avant-ouverture`, `date-limite-avant-echeance`, `corrige-avant-echeance`, `corrige-avant-date-limite` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Pas enseignant, ou groupe dont l'enseignant n'est pas membre — codes : `reserve-aux-enseignants`, `groupe-non-autorise` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Corps de requête trop volumineux (limite de l'API) — codes : `corps-trop-volumineux` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Le corps doit être envoyé en `application/json` — codes : `type-contenu-invalide` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After` — codes : `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    lireDevoir: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Identifiant du devoir */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Selon la relation au devoir */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LectureDevoir"];
                };
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Devoir inexistant, ou d'un autre enseignant ou d'une autre classe (son existence n'est pas révélée) — codes : `devoir-introuvable` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After` — codes : `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    supprimerDevoir: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Identifiant du devoir */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Supprimé (avec ses sujets et corrigés) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Réservé à l'enseignant qui a donné le devoir — codes : `reserve-a-l-enseignant` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Devoir inexistant, ou d'un autre enseignant ou d'une autre classe (son existence n'est pas révélée) — codes : `devoir-introuvable` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Des élèves ont déjà rendu : rien n'est supprimé — codes : `devoir-avec-rendus` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After` — codes : `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    modifierDevoir: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Identifiant du devoir */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ModificationDevoir"];
            };
        };
        responses: {
            /** @description Devoir modifié */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        devoir: components["schemas"]["Devoir"];
                    };
                };
            };
            /** @description Corps ou dates invalides — codes : `json-invalide`, `requete-invalide`, `contraintes-invalides`, `date-invalide`, `echeance-avant-ouverture`, `date-limite-avant-echeance`, `corrige-avant-echeance`, `corrige-avant-date-limite` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Réservé à l'enseignant qui a donné le devoir — codes : `reserve-a-l-enseignant` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Devoir inexistant, ou d'un autre enseignant ou d'une autre classe (son existence n'est pas révélée) — codes : `devoir-introuvable` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Corps de requête trop volumineux (limite de l'API) — codes : `corps-trop-volumineux` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Le corps doit être envoyé en `application/json` — codes : `type-contenu-invalide` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After` — codes : `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    joindreFichiersDevoir: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Identifiant du devoir */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["JointureFichiers"];
            };
        };
        responses: {
            /** @description Fichiers joints */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        fichiers: (components["schemas"]["FichierRendu"] & {
                            url: string;
                            /** @enum {string} */
                            nature: "sujet" | "corrige";
                        })[];
                    };
                };
            };
            /** @description Corps invalide — codes : `json-invalide`, `requete-invalide` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Réservé à l'enseignant qui a donné le devoir — codes : `reserve-a-l-enseignant` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Devoir introuvable, ou envoi inexistant, inachevé ou expiré — codes : `devoir-introuvable`, `televersement-introuvable` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Corps de requête trop volumineux (limite de l'API) — codes : `corps-trop-volumineux` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Le corps doit être envoyé en `application/json` — codes : `type-contenu-invalide` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After` — codes : `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    telechargerFichierDevoir: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Identifiant du devoir */
                id: string;
                fichierId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Le fichier (pièce jointe, `X-Content-Type-Options: nosniff`, inscrit au journal d'audit) */
            200: {
                headers: {
                    "Content-Disposition": string;
                    "X-Content-Type-Options": "nosniff";
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Devoir ou fichier introuvable, ou corrigé pas encore publié — codes : `devoir-introuvable`, `fichier-introuvable` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After` — codes : `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    retirerFichierDevoir: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Identifiant du devoir */
                id: string;
                fichierId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Retiré */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Réservé à l'enseignant qui a donné le devoir — codes : `reserve-a-l-enseignant` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Devoir ou fichier introuvable — codes : `devoir-introuvable`, `fichier-introuvable` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After` — codes : `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    rendreDevoir: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Identifiant du devoir */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DemandeRendu"];
            };
        };
        responses: {
            /** @description Même demande déjà rendue : le même accusé de réception (rejeu) */
            200: {
                headers: {
                    "Idempotent-Replayed": "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccuseReception"];
                };
            };
            /** @description Rendu enregistré : accusé de réception */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccuseReception"];
                };
            };
            /** @description Corps invalide ou liste de fichiers vide ou en double — codes : `json-invalide`, `requete-invalide`, `aucun-fichier`, `fichier-en-double` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Pas élève de la classe ou du groupe — codes : `reserve-aux-eleves` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Devoir introuvable, ou envoi inexistant ou expiré (à renvoyer) — codes : `devoir-introuvable`, `televersement-introuvable` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Rendu impossible maintenant (dates de l'élève, délai accordé compris), envoi pas terminé, autre rendu simultané, ou délai modifié pendant le rendu — codes : `pas-encore-ouvert`, `echeance-depassee`, `date-limite-depassee`, `televersement-inacheve`, `rendu-concurrent`, `delai-modifie`, `empreinte-differente`, `engagement-expire` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Corps de requête trop volumineux (limite de l'API) — codes : `corps-trop-volumineux` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Le corps doit être envoyé en `application/json` — codes : `type-contenu-invalide` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Fichiers refusés par les règles du devoir, déclaration sur l'honneur non cochée, ou nombre maximal de versions déjà rendu — codes : `fichier-executable`, `type-non-autorise`, `type-inconnu`, `extension-incoherente`, `fichier-vide`, `fichier-trop-gros`, `nom-invalide`, `trop-de-fichiers`, `lot-trop-gros`, `declaration-requise`, `trop-de-versions` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After` — codes : `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    lireMonRendu: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Identifiant du devoir */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Mes versions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MonRendu"];
                };
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Réservé à l'élève — codes : `reserve-aux-eleves` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Devoir inexistant, ou d'un autre enseignant ou d'une autre classe (son existence n'est pas révélée) — codes : `devoir-introuvable` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After` — codes : `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    suivreDevoir: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Identifiant du devoir */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tableau de suivi */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Suivi"];
                };
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Réservé à l'enseignant qui a donné le devoir — codes : `reserve-a-l-enseignant` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Devoir inexistant, ou d'un autre enseignant ou d'une autre classe (son existence n'est pas révélée) — codes : `devoir-introuvable` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After` — codes : `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    telechargerArchiveRendus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Identifiant du devoir */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Archive ZIP (inscrite au journal d'audit) */
            200: {
                headers: {
                    "Content-Disposition": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": string;
                };
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Réservé à l'enseignant qui a donné le devoir — codes : `reserve-a-l-enseignant` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Devoir inexistant, ou d'un autre enseignant ou d'une autre classe (son existence n'est pas révélée) — codes : `devoir-introuvable` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After` — codes : `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    telechargerFichierRendu: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Identifiant d'une version de rendu */
                id: string;
                fichierId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Le fichier rendu (pièce jointe, `X-Content-Type-Options: nosniff`, inscrit au journal d'audit) */
            200: {
                headers: {
                    "Content-Disposition": string;
                    "X-Content-Type-Options": "nosniff";
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Rendu inaccessible ou fichier introuvable — codes : `rendu-introuvable`, `fichier-introuvable` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After` — codes : `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    apercuFichierRendu: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Identifiant d'une version de rendu */
                id: string;
                fichierId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description L'image (en ligne, `X-Content-Type-Options: nosniff`, CSP `sandbox`) */
            200: {
                headers: {
                    "Content-Disposition": "inline";
                    "X-Content-Type-Options": "nosniff";
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                    "image/jpeg": string;
                    "image/gif": string;
                    "image/webp": string;
                };
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Rendu inaccessible ou fichier introuvable — codes : `rendu-introuvable`, `fichier-introuvable` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Ce fichier n'a pas de vignette (pas une image matricielle, ou trop gros) — codes : `apercu-indisponible` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After` — codes : `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    lireRetour: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Identifiant d'une version de rendu */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Le retour */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        retour: components["schemas"]["Retour"];
                    };
                };
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Rendu inaccessible, ou pas encore de retour — codes : `rendu-introuvable`, `retour-introuvable` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After` — codes : `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    rendreRetour: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Identifiant d'une version de rendu */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DemandeRetour"];
            };
        };
        responses: {
            /** @description Retour enregistré */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        retour: components["schemas"]["Retour"];
                    };
                };
            };
            /** @description Corps invalide, ou ni commentaire ni fichier — codes : `json-invalide`, `requete-invalide`, `retour-vide` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Réservé à l'enseignant du devoir — codes : `reserve-a-l-enseignant` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Rendu inaccessible, ou envoi inexistant ou expiré — codes : `rendu-introuvable`, `televersement-introuvable` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Corps de requête trop volumineux (limite de l'API) — codes : `corps-trop-volumineux` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Le corps doit être envoyé en `application/json` — codes : `type-contenu-invalide` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After` — codes : `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    telechargerFichierRetour: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Identifiant d'une version de rendu */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Le fichier du retour (pièce jointe, `X-Content-Type-Options: nosniff`, inscrit au journal d'audit) */
            200: {
                headers: {
                    "Content-Disposition": string;
                    "X-Content-Type-Options": "nosniff";
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Rendu inaccessible, ou retour sans fichier — codes : `rendu-introuvable`, `fichier-introuvable` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After` — codes : `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    envoyerRappel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Identifiant du devoir */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["DemandeRappel"];
            };
        };
        responses: {
            /** @description Rappels enregistrés */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        envoyes: number;
                        eleves: components["schemas"]["EleveAffiche"][];
                        /** @description Élèves sans rendu qui n'ont pas reçu ce rappel : leur délai accordé court encore (règles `delaiEnCours`) */
                        enDelai: components["schemas"]["EleveAffiche"][];
                        message: string;
                    };
                };
            };
            /** @description Corps illisible, ou message trop long — codes : `json-invalide`, `requete-invalide` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Réservé à l'enseignant qui a donné le devoir — codes : `reserve-a-l-enseignant` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Devoir inexistant ou pas accessible — codes : `devoir-introuvable` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Corps de requête trop volumineux (limite de l'API) — codes : `corps-trop-volumineux` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Le corps doit être envoyé en `application/json` — codes : `type-contenu-invalide` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After` — codes : `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    listerMesRappels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Rappels */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MesRappels"];
                };
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Réservé aux élèves — codes : `reserve-aux-eleves` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After` — codes : `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    marquerRappelLu: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Lu */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Rappel inexistant ou adressé à un autre élève — codes : `rappel-introuvable` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After` — codes : `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    accorderDelai: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Identifiant du devoir */
                id: string;
                /** @description Identifiant de l'élève */
                eleveId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DemandeDerogation"];
            };
        };
        responses: {
            /** @description Délai remplacé (version + 1) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        derogation: components["schemas"]["Derogation"];
                    };
                };
            };
            /** @description Délai accordé */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        derogation: components["schemas"]["Derogation"];
                    };
                };
            };
            /** @description Corps invalide, ou délai refusé par les règles — codes : `json-invalide`, `requete-invalide`, `delai-vide`, `date-invalide`, `delai-echeance-trop-tot`, `delai-date-limite-avant-echeance`, `delai-date-limite-trop-tot` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Réservé à l'enseignant qui a donné le devoir — codes : `reserve-a-l-enseignant` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Devoir introuvable, ou élève qui n'est pas dans son groupe — codes : `devoir-introuvable`, `eleve-hors-groupe` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Corps de requête trop volumineux (limite de l'API) — codes : `corps-trop-volumineux` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Le corps doit être envoyé en `application/json` — codes : `type-contenu-invalide` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After` — codes : `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    retirerDelai: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Identifiant du devoir */
                id: string;
                /** @description Identifiant de l'élève */
                eleveId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Délai retiré */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Identifiant d'élève mal formé — codes : `requete-invalide` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Réservé à l'enseignant qui a donné le devoir — codes : `reserve-a-l-enseignant` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Devoir introuvable, ou pas de délai pour cet élève — codes : `devoir-introuvable`, `derogation-introuvable` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After` — codes : `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    listerDelais: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Identifiant du devoir */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Délais accordés */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListeDerogations"];
                };
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Réservé à l'enseignant qui a donné le devoir — codes : `reserve-a-l-enseignant` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Devoir inexistant, ou d'un autre enseignant ou d'une autre classe (son existence n'est pas révélée) — codes : `devoir-introuvable` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After` — codes : `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    engagerRendu: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Identifiant du devoir */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    fichiers: {
                        sha256: string;
                        taille: number;
                        nom: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Engagement enregistré : accusé provisoire */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccuseEngagement"];
                };
            };
            /** @description Corps invalide (empreinte, taille, nom) — codes : `json-invalide`, `requete-invalide` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Pas élève de la classe ou du groupe — codes : `reserve-aux-eleves` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Devoir inexistant, ou d'un autre enseignant ou d'une autre classe (son existence n'est pas révélée) — codes : `devoir-introuvable` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Rendu impossible maintenant (dates de l'élève, délai accordé compris) — codes : `pas-encore-ouvert`, `echeance-depassee`, `date-limite-depassee` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Corps de requête trop volumineux (limite de l'API) — codes : `corps-trop-volumineux` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Le corps doit être envoyé en `application/json` — codes : `type-contenu-invalide` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Plus de fichiers, ou un fichier plus gros, que le devoir n'en accepte — codes : `trop-de-fichiers`, `fichier-trop-gros` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After` — codes : `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    chargeEcheances: {
        parameters: {
            query: {
                /** @description L'échéance envisagée (ISO-8601, ou heure de Paris sans décalage) */
                autour: string;
                /** @description Le devoir en cours de modification, à ne pas compter */
                devoir?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Charge de l'heure et créneaux suggérés */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChargeEcheances"];
                };
            };
            /** @description Date invalide — codes : `requete-invalide`, `date-invalide` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Réservé aux enseignants — codes : `reserve-aux-enseignants` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After` — codes : `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    getAuthConnexion: {
        parameters: {
            query?: {
                /** @description Identifiant de l'ENT configuré ; sans lui, page de choix */
                ent?: string;
                /** @description Origine de la page du widget qui recevra le jeton (postMessage) */
                origine?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Page de choix de l'ENT */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Redirection vers l'ENT (autorisation OpenID Connect ou /cas/login) */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Paramètre invalide (page HTML d'erreur) — codes : `parametre-invalide` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Origine non autorisée (page HTML d'erreur) — codes : `origine-non-autorisee` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description ENT inconnu (page HTML d'erreur) — codes : `ent-inconnu` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    getAuthOidcEntIdRetour: {
        parameters: {
            query?: {
                code?: string;
                state?: string;
                error?: string;
            };
            header?: never;
            path: {
                entId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Page qui remet le jeton à l'origine autorisée */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Connexion refusée ou réponse de l'ENT invalide (page HTML d'erreur) — codes : `etat-invalide`, `etat-deja-utilise`, `acces-refuse`, `parametre-invalide`, `reponse-fournisseur-invalide`, `jeton-fournisseur-invalide`, `profil-non-pris-en-charge`, `identite-invalide` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description L'ENT ne répond pas, ou n'identifie pas l'établissement (page HTML d'erreur) — codes : `fournisseur-indisponible`, `identite-sans-etablissement` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    getAuthCasEntIdConnexion: {
        parameters: {
            query?: {
                origine?: string;
            };
            header?: never;
            path: {
                entId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirection vers /cas/login */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getAuthCasEntIdRetour: {
        parameters: {
            query?: {
                ticket?: string;
                etat?: string;
            };
            header?: never;
            path: {
                entId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Page qui remet le jeton */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Ticket invalide ou identité incomplète (page HTML d'erreur) — codes : `ticket-invalide`, `etat-invalide`, `etat-deja-utilise`, `parametre-invalide`, `profil-non-pris-en-charge`, `identite-invalide` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Le serveur CAS ne répond pas, ou n'identifie pas l'établissement (page HTML d'erreur) — codes : `fournisseur-indisponible`, `identite-sans-etablissement` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    postAuthCasEntIdRetour: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /** @description <samlp:LogoutRequest> avec <saml:NameID> et <samlp:SessionIndex> */
                    logoutRequest: string;
                };
            };
        };
        responses: {
            /** @description Reçu (sessions de ce ticket fermées, s'il y en avait) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Demande illisible — codes : `parametre-invalide` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        erreur: {
                            code: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description ENT inconnu ou pas en CAS — codes : `ent-inconnu` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        erreur: {
                            code: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    postAuthOidcEntIdDeconnexion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /** @description JWT signé par l'ENT (events, sid et/ou sub) */
                    logout_token: string;
                };
            };
        };
        responses: {
            /** @description Sessions fermées (Cache-Control: no-store) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Jeton de déconnexion invalide — codes : `jeton-fournisseur-invalide` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        erreur: {
                            code: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description ENT inconnu ou pas en OpenID Connect — codes : `ent-inconnu` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        erreur: {
                            code: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description Clés ou configuration de l'ENT injoignables — codes : `fournisseur-indisponible`, `reponse-fournisseur-invalide` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        erreur: {
                            code: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getAuthOidcEntIdDeconnexionFront: {
        parameters: {
            query: {
                /** @description Émetteur de l'ENT (doit être celui configuré) */
                iss: string;
                /** @description Session de l'ENT, telle que dans ses id_token */
                sid: string;
            };
            header?: never;
            path: {
                entId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Page « Déconnecté de Trousse » (encadrable par l'ENT seul, Cache-Control: no-store) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description iss absent ou d'un autre émetteur, ou sid absent — codes : `parametre-invalide` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        erreur: {
                            code: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description ENT inconnu ou pas en OpenID Connect — codes : `ent-inconnu` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        erreur: {
                            code: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getAuthPopupJs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JavaScript */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/javascript": string;
                };
            };
        };
    };
    getAuthDemo: {
        parameters: {
            query?: {
                origine?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Liste des comptes fictifs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Mode démonstration désactivé (page HTML d'erreur) — codes : `introuvable` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    postAuthDemo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    login: string;
                    origine?: string;
                };
            };
        };
        responses: {
            /** @description Page qui remet le jeton à l'origine autorisée */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Mode démonstration désactivé ou compte inconnu (page HTML d'erreur) — codes : `introuvable`, `utilisateur-demo-inconnu` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    creerTeleversement: {
        parameters: {
            query?: never;
            header: {
                /** @description Version du protocole tus */
                "Tus-Resumable": "1.0.0";
                /** @description Taille du fichier en octets (obligatoire) */
                "Upload-Length": string;
                /** @description `filename <base64>,devoir <base64>` (clés obligatoires ; `nom` accepté pour `filename`) */
                "Upload-Metadata": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Envoi créé : envoyer les octets par PATCH à `Location` */
            201: {
                headers: {
                    Location: string;
                    /** @description Version du protocole tus */
                    "Tus-Resumable": "1.0.0";
                    /** @description Expiration (date HTTP) */
                    "Upload-Expires": string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Taille, métadonnées ou en-têtes tus manquants, invalides ou non proposés — codes : `concatenation-non-prise-en-charge`, `somme-controle-non-prise-en-charge`, `surcharge-methode-non-prise-en-charge`, `en-tete-invalide`, `taille-invalide`, `taille-requise`, `decalage-invalide`, `metadonnees-invalides`, `devoir-requis`, `nom-requis`, `nom-invalide`, `fichier-vide` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Devoir inexistant ou pas accessible — codes : `devoir-introuvable` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Le devoir n'accepte pas de rendu maintenant — codes : `pas-encore-ouvert`, `echeance-depassee`, `date-limite-depassee` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Sans `Tus-Resumable: 1.0.0` — codes : `version-tus-requise`, `version-tus-non-prise-en-charge` */
            412: {
                headers: {
                    /** @description Version du protocole tus */
                    "Tus-Resumable": "1.0.0";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Taille annoncée au-delà de la limite du devoir ou du serveur — codes : `fichier-trop-gros` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Nom de fichier d'un type refusé (exécutable, famille non autorisée) — codes : `fichier-executable`, `type-non-autorise` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Nombre de fichiers du devoir atteint, versions de l'élève épuisées pour ce devoir, ou espace de stockage de l'élève plein (comptés en base pour tous les processus) — codes : `trop-de-fichiers`, `trop-de-versions`, `quota-depasse` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Serveur saturé (contrôle d'admission : envois ou octets en cours, boucle d'événements en retard), ou base de données ou stockage injoignable : réessayer après `Retry-After` (avec gigue). Un devoir déjà horodaté (`engager`) garde son heure. — codes : `serveur-occupe`, `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    capacitesTeleversements: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Capacités tus (découverte, sans session) ; avec `Origin`, aussi le pré-vol CORS de l'API (`Access-Control-*`) */
            204: {
                headers: {
                    /** @description Version du protocole tus */
                    "Tus-Resumable": "1.0.0";
                    "Tus-Version": string;
                    "Tus-Extension": string;
                    /** @description Plafond absolu en octets (2 Gio) */
                    "Tus-Max-Size": string;
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    lireTeleversement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Identifiant de l'envoi (fin de `Location`) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Méthode non permise (`Allow` : DELETE, HEAD, OPTIONS, PATCH) — codes : `methode-non-permise` */
            405: {
                headers: {
                    Allow: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    annulerTeleversement: {
        parameters: {
            query?: never;
            header: {
                /** @description Version du protocole tus */
                "Tus-Resumable": "1.0.0";
            };
            path: {
                /** @description Identifiant de l'envoi (fin de `Location`) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Annulé */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description En-têtes tus invalides ou non proposés — codes : `concatenation-non-prise-en-charge`, `somme-controle-non-prise-en-charge`, `surcharge-methode-non-prise-en-charge`, `en-tete-invalide`, `taille-invalide`, `taille-requise`, `decalage-invalide`, `metadonnees-invalides` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Envoi inexistant, supprimé, ou d'un autre utilisateur — codes : `televersement-introuvable` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Envoi déjà terminé : il ne s'annule plus — codes : `televersement-termine` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Sans `Tus-Resumable: 1.0.0` — codes : `version-tus-requise`, `version-tus-non-prise-en-charge` */
            412: {
                headers: {
                    /** @description Version du protocole tus */
                    "Tus-Resumable": "1.0.0";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description `Upload-Length` au-delà du plafond du serveur — codes : `fichier-trop-gros` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Un autre envoi de ce fichier est en cours — codes : `televersement-verrouille` */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After` — codes : `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    capacitesTeleversement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Identifiant de l'envoi (fin de `Location`) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Capacités tus (découverte, sans session) ; avec `Origin`, aussi le pré-vol CORS de l'API (`Access-Control-*`) */
            204: {
                headers: {
                    /** @description Version du protocole tus */
                    "Tus-Resumable": "1.0.0";
                    "Tus-Version": string;
                    "Tus-Extension": string;
                    /** @description Plafond absolu en octets (2 Gio) */
                    "Tus-Max-Size": string;
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    reprendreTeleversement: {
        parameters: {
            query?: never;
            header: {
                /** @description Version du protocole tus */
                "Tus-Resumable": "1.0.0";
            };
            path: {
                /** @description Identifiant de l'envoi (fin de `Location`) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description État de l'envoi */
            200: {
                headers: {
                    "Upload-Offset": string;
                    "Upload-Length": string;
                    /** @description Version du protocole tus */
                    "Tus-Resumable": "1.0.0";
                    "Cache-Control": "no-store";
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description En-têtes tus invalides ou non proposés — codes : `concatenation-non-prise-en-charge`, `somme-controle-non-prise-en-charge`, `surcharge-methode-non-prise-en-charge`, `en-tete-invalide`, `taille-invalide`, `taille-requise`, `decalage-invalide`, `metadonnees-invalides` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Envoi inexistant, supprimé, ou d'un autre utilisateur — codes : `televersement-introuvable` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Envoi expiré (24 h sans être terminé) : recommencer — codes : `televersement-expire` */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Sans `Tus-Resumable: 1.0.0` — codes : `version-tus-requise`, `version-tus-non-prise-en-charge` */
            412: {
                headers: {
                    /** @description Version du protocole tus */
                    "Tus-Resumable": "1.0.0";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description `Upload-Length` au-delà du plafond du serveur — codes : `fichier-trop-gros` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Un autre envoi de ce fichier est en cours — codes : `televersement-verrouille` */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After` — codes : `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
    envoyerSuiteTeleversement: {
        parameters: {
            query?: never;
            header: {
                /** @description Version du protocole tus */
                "Tus-Resumable": "1.0.0";
                /** @description Octets déjà reçus (réponse de HEAD) */
                "Upload-Offset": string;
                "Content-Type": "application/offset+octet-stream";
            };
            path: {
                /** @description Identifiant de l'envoi (fin de `Location`) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/offset+octet-stream": string;
            };
        };
        responses: {
            /** @description Octets reçus ; à la fin, le fichier est haché et synchronisé (fsync) */
            204: {
                headers: {
                    "Upload-Offset": string;
                    /** @description Version du protocole tus */
                    "Tus-Resumable": "1.0.0";
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description En-têtes tus invalides ou non proposés, nom refusé — codes : `concatenation-non-prise-en-charge`, `somme-controle-non-prise-en-charge`, `surcharge-methode-non-prise-en-charge`, `en-tete-invalide`, `taille-invalide`, `taille-requise`, `decalage-invalide`, `metadonnees-invalides`, `taille-deja-annoncee`, `nom-invalide`, `fichier-vide` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Sans jeton de session valide — codes : `non-authentifie`, `session-expiree`, `session-revoquee` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Envoi inexistant, supprimé, ou d'un autre utilisateur — codes : `televersement-introuvable` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description `Upload-Offset` ne correspond pas à ce que le serveur a reçu : refaire HEAD — codes : `decalage-incorrect`, `envoi-interrompu` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Envoi expiré (24 h sans être terminé) : recommencer — codes : `televersement-expire` */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Sans `Tus-Resumable: 1.0.0` — codes : `version-tus-requise`, `version-tus-non-prise-en-charge` */
            412: {
                headers: {
                    /** @description Version du protocole tus */
                    "Tus-Resumable": "1.0.0";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Plus d'octets que la taille annoncée ou autorisée — codes : `fichier-trop-gros` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Premiers octets d'un type refusé, extension qui ne correspond pas au contenu, mauvais Content-Type, ou (au dernier PATCH, le document entier examiné) document actif — PDF avec JavaScript ou Launch, macros, programme intégré —, archive démesurée une fois décompressée (bombe zip) ou illisible ; l'envoi est alors supprimé — codes : `fichier-executable`, `type-non-autorise`, `type-inconnu`, `extension-incoherente`, `type-contenu-invalide`, `document-actif`, `document-demesure`, `document-illisible` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Un autre envoi de ce fichier est en cours — codes : `televersement-verrouille` */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After` — codes : `trop-de-requetes` */
            429: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Écriture du fichier impossible : réessayer, l'envoi reprendra où il s'est arrêté — codes : `erreur-interne` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
            /** @description Serveur saturé (contrôle d'admission : envois ou octets en cours, boucle d'événements en retard), ou base de données ou stockage injoignable : réessayer après `Retry-After` (avec gigue). Un devoir déjà horodaté (`engager`) garde son heure. — codes : `serveur-occupe`, `base-indisponible`, `stockage-indisponible` */
            503: {
                headers: {
                    /** @description Secondes à attendre */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erreur"];
                };
            };
        };
    };
}
