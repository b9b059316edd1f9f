package dev.ailab.hub;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A thought not yet planned; promoting it makes a work item and links the two. */
@Entity
@Table(name = "idea")
public class Idea {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String title;

    public String body;

    @Convert(converter = Converters.LabelsText.class)
    @Column(nullable = false)
    public List<String> tags = new ArrayList<>();

    @ManyToOne
    @JoinColumn(name = "promoted_work_item_id")
    public WorkItem promotedTo;

    @Column(name = "created_at", nullable = false)
    @Convert(converter = Converters.InstantText.class)
    public Instant createdAt;
}
