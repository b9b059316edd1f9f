package dev.ailab.hub;

/** A project as listings show it, with its open work and last session. */
public record ProjectRow(long id, String name, String path, String template, String profile, String repositoryUrl,
                         boolean archived, String archiveFile, boolean folderMissing, String registered,
                         String synced, long openItems, String lastSession) {

    static ProjectRow of(Project p, long open, java.time.Instant last) {
        return new ProjectRow(p.id, p.name, p.path, p.template, p.profile, p.repositoryUrl, p.archived, p.archiveFile,
                p.folderMissing, StoreValues.instant(p.registeredAt), StoreValues.instant(p.syncedAt), open,
                StoreValues.instant(last));
    }
}
