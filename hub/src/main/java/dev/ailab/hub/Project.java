package dev.ailab.hub;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A project folder known to the hub. Fields are public on purpose: the entities are plain
 * records of rows, every to-one association is eager (no lazy proxies whose fields would be
 * empty), and the store never hands out references it did not load.
 */
@Entity
@Table(name = "project")
public class Project {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String name;

    public String path;
    public String template;
    public String profile;

    @Column(name = "repository_url")
    public String repositoryUrl;

    public boolean archived;

    @Column(name = "archive_file")
    public String archiveFile;

    @Column(name = "folder_missing")
    public boolean folderMissing;

    @Column(name = "registered_at", nullable = false)
    @Convert(converter = Converters.InstantText.class)
    public Instant registeredAt;

    @Column(name = "synced_at")
    @Convert(converter = Converters.InstantText.class)
    public Instant syncedAt;
}
